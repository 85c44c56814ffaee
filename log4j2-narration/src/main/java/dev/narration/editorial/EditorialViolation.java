package dev.narration.editorial;

import org.apache.logging.log4j.Level;

/** One rule that one captured event breaks: enough to find the call site and see what to fix. Immutable. */
public final class EditorialViolation {
    private final String loggerName;
    private final Level level;
    private final EditorialRule rule;
    private final String detail;
    private final String human;

    EditorialViolation(final String loggerName, final Level level, final EditorialRule rule, final String detail, final String human) {
        this.loggerName = loggerName;
        this.level = level;
        this.rule = rule;
        this.detail = detail;
        this.human = human;
    }

    public String loggerName() {
        return loggerName;
    }

    public Level level() {
        return level;
    }

    public EditorialRule rule() {
        return rule;
    }

    /** What exactly is wrong, such as {@code 112 code points, limit 100}. */
    public String detail() {
        return detail;
    }

    /** The whole {@code human} sentence of the event. */
    public String human() {
        return human;
    }

    /** {@code INFO com.acme.Admission length (112 code points, limit 100): "Accepted …"}, line breaks escaped. */
    @Override
    public String toString() {
        final StringBuilder text = new StringBuilder()
                .append(level).append(' ').append(loggerName).append(' ').append(rule.id())
                .append(" (").append(detail).append("): ");
        Excerpt.appendQuoted(text, human, Integer.MAX_VALUE);
        return text.toString();
    }
}
