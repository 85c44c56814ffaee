package dev.narration.pattern;

import dev.narration.internal.event.StructuredFieldVisitor;
import dev.narration.internal.logfmt.LogfmtWriter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.util.StringBuilderFormattable;

/**
 * Writes an event's structured fields as logfmt pairs ({@code job_id=job-1 queue_position=3}), with the keys the
 * JSON line gives them. One per thread: the visitor keeps per-event state.
 */
final class LogfmtFields extends StructuredFieldVisitor {
    private static final ThreadLocal<LogfmtFields> WRITERS = ThreadLocal.withInitial(LogfmtFields::new);

    private StringBuilder out;
    private int lineStart;

    /** Appends the pairs, separated by one space; nothing when the event has no fields. */
    static void write(final LogEvent event, final StringBuilder out) {
        LogfmtFields writer = WRITERS.get();
        if (writer.out != null) {
            // A value's toString() logged on this thread while its fields were being written.
            writer = new LogfmtFields();
        }
        writer.out = out;
        writer.lineStart = out.length();
        try {
            writer.visit(event);
        } finally {
            writer.out = null;
        }
    }

    private void key(final String prefix, final String name) {
        if (out.length() > lineStart) {
            out.append(' ');
        }
        final int start = out.length();
        if (prefix != null) {
            out.append(prefix);
        }
        out.append(name);
        LogfmtWriter.endValue(out, start);
        out.append('=');
    }

    @Override
    protected void visitString(final String prefix, final String name, final CharSequence value) {
        key(prefix, name);
        final int start = out.length();
        out.append(value);
        LogfmtWriter.endValue(out, start);
    }

    @Override
    protected void visitLong(final String prefix, final String name, final long value) {
        key(prefix, name);
        out.append(value);
    }

    @Override
    protected void visitDouble(final String prefix, final String name, final double value) {
        key(prefix, name);
        out.append(value);
    }

    @Override
    protected void visitBoolean(final String prefix, final String name, final boolean value) {
        key(prefix, name);
        out.append(value);
    }

    @Override
    protected void visitObject(final String prefix, final String name, final Object value) {
        key(prefix, name);
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            out.append(((Number) value).doubleValue());
        } else if (value instanceof Boolean) {
            out.append(((Boolean) value).booleanValue());
        } else {
            final int start = out.length();
            try {
                if (value instanceof CharSequence) {
                    out.append((CharSequence) value);
                } else if (value instanceof StringBuilderFormattable) {
                    ((StringBuilderFormattable) value).formatTo(out);
                } else {
                    out.append(value);
                }
            } catch (RuntimeException e) {
                out.setLength(start);
                out.append('<').append(value.getClass().getName()).append(".toString() threw ")
                        .append(e.getClass().getName()).append('>');
            }
            LogfmtWriter.endValue(out, start);
        }
    }
}
