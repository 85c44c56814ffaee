package dev.narration.internal.docs;

/**
 * Where the user documentation is, for messages that send a user to it: the status logger's, the javac plugin's. A
 * user of the jar has no checkout, so a message names a page by its address, never by a path in the repository.
 * The one definition of that address: the root pom's {@code <url>} plus {@code /blob/main/docs/} (DocPagesTest
 * checks both against the pom and that every page named exists). The pages are constants, so a message that names
 * one costs nothing at run time.
 */
public final class DocPages {
    /** The project's address, the root pom's {@code <url>}. */
    public static final String PROJECT_URL = "https://github.com/narration-dev/log4j2-narration";
    /** Where the pages of {@code docs/} are read. */
    public static final String BASE = PROJECT_URL + "/blob/main/docs/";

    public static final String ASYNC = BASE + "async.md";
    public static final String BUFFERING = BASE + "buffering.md";
    public static final String CHECKS = BASE + "checks.md";
    public static final String CORRELATION = BASE + "correlation.md";
    public static final String LAYOUT = BASE + "layout.md";
    public static final String OPENTELEMETRY = BASE + "opentelemetry.md";
    public static final String REDACTION = BASE + "redaction.md";
    public static final String SCHEMAS = BASE + "schemas.md";

    private DocPages() {}
}
