package dev.narration.internal.trace;

import java.util.Locale;

/**
 * The kinds of TRACE helper event. Each carries the {@code action} it stands for (docs/standard.md#fields: the helper kind
 * is the last source of an event's action) and the marker that {@link TraceMessage#getFormat()} returns.
 *
 * <p>The marker is how a trace event is recognised after an asynchronous hand-off, where Log4j copies the text,
 * the format and the parameters of a reusable message into its own ring-buffer event and the message type is lost.
 * Each marker is a distinct {@code String} instance compared by identity, so no user's message pattern can ever be
 * mistaken for one, even one with the same characters.
 */
public enum TraceKind {
    EVENT(null),
    ENTER("enter"),
    EXIT("exit"),
    LOOP("loop"),
    STATE("state");

    private static final TraceKind[] KINDS = values();

    final String action;
    final String format;

    TraceKind(final String action) {
        this.action = action;
        // Built at run time, so never the interned instance of an equal literal in user code.
        this.format = "narration.trace:" + name().toLowerCase(Locale.ROOT);
    }

    /** The kind whose marker is this very string instance, or {@code null}. */
    static TraceKind ofFormat(final String format) {
        if (format != null) {
            for (final TraceKind kind : KINDS) {
                if (kind.format == format) {
                    return kind;
                }
            }
        }
        return null;
    }
}
