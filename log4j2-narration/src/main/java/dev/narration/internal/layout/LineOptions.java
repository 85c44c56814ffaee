package dev.narration.internal.layout;

import dev.narration.internal.event.ContextSelection;
import dev.narration.internal.event.ContextTypes;
import dev.narration.internal.event.KeyRenames;
import dev.narration.internal.json.StackTraceShape;

/**
 * What a layout's options change in the line, beside its schema and bounds: the stack trace's shape, the context
 * entries written, the keys renamed, the types of context values, the line's cap (docs/layout.md). Built once per layout and immutable; {@link #DEFAULTS} changes
 * nothing.
 */
public final class LineOptions {
    public static final LineOptions DEFAULTS = new LineOptions(StackTraceShape.JDK, ContextSelection.ALL, KeyRenames.NONE, ContextTypes.NONE, 0);

    private final StackTraceShape stackTraces;
    private final ContextSelection context;
    private final KeyRenames renames;
    private final ContextTypes types;
    private final int maxLineBytes;

    /** {@code maxLineBytes} is the cap of a whole line in bytes, its newline included; 0 for none. */
    public LineOptions(final StackTraceShape stackTraces, final ContextSelection context, final KeyRenames renames,
            final ContextTypes types, final int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
        this.stackTraces = stackTraces;
        this.context = context;
        this.renames = renames;
        this.types = types;
    }

    public StackTraceShape stackTraces() {
        return stackTraces;
    }

    public ContextSelection context() {
        return context;
    }

    public KeyRenames renames() {
        return renames;
    }

    public ContextTypes types() {
        return types;
    }

    public int maxLineBytes() {
        return maxLineBytes;
    }
}
