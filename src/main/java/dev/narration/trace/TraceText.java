package dev.narration.trace;

/**
 * The shape of a trace event: which parameter holds what, and the sentence each kind renders. The sentence is
 * written on the calling thread ({@link TraceMessage#formatTo}) and read back on the layout's thread
 * ({@link TraceFields}) by the same {@link #walk} code, so the writer and the reader cannot disagree about where a
 * number stands.
 *
 * <p>Parameters: {@code [action, target, correlationId, human, name0, value0, name1, value1, name2, value2]}. A
 * value is either a {@code String} or a {@link NumberKind} whose number is in the text.
 */
abstract class TraceText {
    static final int ACTION = 0;
    static final int TARGET = 1;
    static final int CORRELATION_ID = 2;
    static final int HUMAN = 3;
    static final int FIRST_FIELD = 4;
    static final int MAX_FIELDS = 3;
    /** Log4j's own reusable parameter arrays have 10 slots; staying within that lets arrays circulate unchanged. */
    static final int CAPACITY = FIRST_FIELD + 2 * MAX_FIELDS;

    /** ASCII, so that a slot's text buffer never switches to two bytes per character (a one-off copy each). */
    static final String ARROW = " -> ";

    /** A fixed piece of the sentence. */
    abstract void literal(String text);

    /** A string parameter (nothing for {@code null}). */
    abstract void text(String value);

    /** The number of the given field. */
    abstract void number(int field, NumberKind kind);

    static int fieldCount(final int parameterCount) {
        return (parameterCount - FIRST_FIELD) / 2;
    }

    static String name(final Object[] params, final int field) {
        return (String) params[FIRST_FIELD + 2 * field];
    }

    static Object value(final Object[] params, final int field) {
        return params[FIRST_FIELD + 2 * field + 1];
    }

    /** Renders (or re-reads) the sentence of an event of the given kind. */
    final void walk(final TraceKind kind, final Object[] params, final int parameterCount) {
        final int fields = fieldCount(parameterCount);
        final String human = (String) params[HUMAN];
        switch (kind) {
            case ENTER:
                literal("enter ");
                text((String) params[TARGET]);
                literal("(");
                for (int i = 0; i < fields; i++) {
                    if (i > 0) {
                        literal(", ");
                    }
                    text(name(params, i));
                    literal("=");
                    writeValue(params, i);
                }
                literal(")");
                break;
            case EXIT:
                literal("exit ");
                text((String) params[TARGET]);
                for (int i = 0; i < fields - 1; i++) {
                    literal(ARROW);
                    writeValue(params, i);
                }
                literal(" (");
                writeValue(params, fields - 1);
                literal(" ms)");
                break;
            case LOOP:
                text((String) params[TARGET]);
                literal(" iteration ");
                writeValue(params, 0);
                literal(" of ");
                writeValue(params, 1);
                if (human != null) {
                    literal(": ");
                    text(human);
                }
                break;
            case STATE:
                text((String) params[TARGET]);
                literal(": ");
                writeValue(params, 0);
                literal(ARROW);
                writeValue(params, 1);
                if (human != null) {
                    literal(" (");
                    text(human);
                    literal(")");
                }
                break;
            default:
                text(human);
        }
    }

    private void writeValue(final Object[] params, final int field) {
        final Object value = value(params, field);
        if (value instanceof NumberKind) {
            number(field, (NumberKind) value);
        } else {
            text((String) value);
        }
    }
}
