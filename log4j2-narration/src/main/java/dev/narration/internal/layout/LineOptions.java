package dev.narration.internal.layout;

import dev.narration.internal.event.ContextSelection;
import dev.narration.internal.event.ContextTypes;
import dev.narration.internal.event.KeyRenames;
import dev.narration.internal.json.StackTraceShape;

/**
 * What a layout's options change in the line, beside its schema and bounds: the stack trace's shape, the context
 * entries written, the keys renamed, the types of context values (docs/layout.md). Built once per layout and immutable; {@link #DEFAULTS} changes
 * nothing.
 */
public final class LineOptions {
    public static final LineOptions DEFAULTS = new LineOptions(StackTraceShape.JDK, ContextSelection.ALL, KeyRenames.NONE, ContextTypes.NONE);

    private final StackTraceShape stackTraces;
    private final ContextSelection context;
    private final KeyRenames renames;
    private final ContextTypes types;

    public LineOptions(final StackTraceShape stackTraces, final ContextSelection context, final KeyRenames renames,
            final ContextTypes types) {
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
}
