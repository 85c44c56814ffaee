package dev.narration.buffer;

/**
 * Why held events were dropped, never written. The first three are limits that a configuration may set too low,
 * and are reported through the status logger; the others are how a request's held events normally go.
 */
enum DropCause {
    /** A request held {@code maxEvents} events: its oldest one made room for the newest. */
    MAX_EVENTS("maxEvents", true),
    /** {@code maxRequests} requests held events: the least recently used one gave up all of them. */
    MAX_REQUESTS("maxRequests", true),
    /** All requests together held {@code maxTotalEvents} events or {@code maxTotalBytes}. */
    MAX_TOTAL("maxTotal", true),
    /** The request ended (its correlation scope closed) without an event at {@code flushLevel}. */
    REQUEST_END("requestEnd", false),
    /** Held longer than {@code maxAge}. */
    MAX_AGE("maxAge", false),
    /** The buffer stopped (shutdown or reconfiguration). */
    STOP("stop", false);

    private static final DropCause[] ALL = values();

    private final String id;
    private final boolean limit;

    DropCause(final String id, final boolean limit) {
        this.id = id;
        this.limit = limit;
    }

    /** The key under which JMX and the status logger show the count. */
    String id() {
        return id;
    }

    /** Whether reaching it means a limit may be set too low, which the status logger reports. */
    boolean isLimit() {
        return limit;
    }

    int bit() {
        return 1 << ordinal();
    }

    static int count() {
        return ALL.length;
    }

    static DropCause of(final int ordinal) {
        return ALL[ordinal];
    }
}
