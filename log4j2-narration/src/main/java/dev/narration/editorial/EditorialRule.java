package dev.narration.editorial;

/**
 * The rules of the editorial standard (docs/standard.md#editorial-standard). Each has a stable {@link #id()}: it names the rule in
 * status-logger reports, in JMX attribute keys and in {@link EditorialViolation}s, so dashboards and tests can
 * rely on it.
 */
public enum EditorialRule {
    /** {@code human} is longer, in Unicode code points, than the limit of the event's level. */
    LENGTH("length"),
    /** {@code human} contains CR or LF: a reader could take the rest for a separate, forged line. */
    ONE_LINE("one_line"),
    /** {@code human} is empty or only whitespace: the event tells an operator nothing. */
    NOT_BLANK("not_blank"),
    /** The event has no correlation id, so it cannot be tied to its request. */
    CORRELATION("correlation"),
    /** An ERROR event carries neither an {@code error_kind} nor a throwable, so it cannot be diagnosed. */
    ERROR_KIND("error_kind");

    private static final EditorialRule[] RULES = values();

    private final String id;

    EditorialRule(final String id) {
        this.id = id;
    }

    /** The rule's stable name, such as {@code length} or {@code one_line}. */
    public String id() {
        return id;
    }

    /** This rule's bit in a violation mask. */
    int bit() {
        return 1 << ordinal();
    }

    static EditorialRule of(final int ordinal) {
        return RULES[ordinal];
    }

    static int count() {
        return RULES.length;
    }

    @Override
    public String toString() {
        return id;
    }
}
