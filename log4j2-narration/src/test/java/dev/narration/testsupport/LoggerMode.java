package dev.narration.testsupport;

/** The two ways the bundle's guarantees must hold: on the caller's thread, and on all-async loggers' background thread. */
public enum LoggerMode {
    SYNC,
    ALL_ASYNC;

    /** A Log4j context of this mode from the XML configuration ({@link Log4jFixture}). */
    public Log4jFixture start(final String xml) {
        return this == SYNC ? Log4jFixture.sync(xml) : Log4jFixture.allAsync(xml);
    }
}
