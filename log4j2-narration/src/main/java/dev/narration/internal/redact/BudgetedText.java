package dev.narration.internal.redact;

/**
 * A stretch of a buffer as a user rule's {@code Matcher} reads it, with a step budget: every character the matcher
 * reads counts, and past {@link #budgetFor the budget} the read fails with {@link Exhausted}, which ends the match.
 * A backtracking pattern ({@code (.*a){12}!x}) can read a text exponentially many times; the budget, proportional to
 * the text's length, bounds the work of a rule on a value whatever the pattern, and the engine then masks the value
 * (fail closed, docs/redaction.md#user-rules). {@code java.util.regex} reads a {@code CharSequence} through
 * {@link #charAt} only. Not thread-safe: one per run of a rule.
 */
final class BudgetedText implements CharSequence {
    /** Reads allowed per character of the text: a linear pattern reads each a few times per rule. */
    static final int STEPS_PER_CHAR = 64;
    /** Reads allowed on top, so that short values are never cut short by a pattern's own length. */
    static final int BASE_STEPS = 4096;

    /** Thrown by {@link #charAt} once the budget is spent; one instance, without a stack trace. */
    static final class Exhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Exhausted INSTANCE = new Exhausted();

        private Exhausted() {
            super("a user rule's step budget is spent", null, false, false);
        }
    }

    private final StringBuilder text;
    private final int start;
    private final int length;
    private long steps;

    BudgetedText(final StringBuilder text, final int start, final int end) {
        this.text = text;
        this.start = start;
        this.length = end - start;
        this.steps = budgetFor(length);
    }

    /** The reads a rule may make on a text of {@code length} characters. */
    static long budgetFor(final int length) {
        return (long) STEPS_PER_CHAR * length + BASE_STEPS;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(final int index) {
        if (--steps < 0) {
            throw Exhausted.INSTANCE;
        }
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return text.charAt(start + index);
    }

    @Override
    public CharSequence subSequence(final int from, final int to) {
        return text.subSequence(start + from, start + to);
    }

    @Override
    public String toString() {
        return text.substring(start, start + length);
    }
}
