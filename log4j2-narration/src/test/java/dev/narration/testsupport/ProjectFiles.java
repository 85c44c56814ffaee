package dev.narration.testsupport;

import java.nio.file.Path;

/**
 * Files of the repository that tests check against (docs, example configurations): resolved from the repository's
 * root, which the build passes as {@code project.dir}, so tests do not depend on the directory they run in.
 */
public final class ProjectFiles {
    private ProjectFiles() {}

    /** The repository's root. */
    public static Path root() {
        return Path.of(System.getProperty("project.dir", ".."));
    }

    /** A file by its path from the repository's root, such as {@code docs/layout.md}. */
    public static Path file(final String relative) {
        return root().resolve(relative);
    }
}
