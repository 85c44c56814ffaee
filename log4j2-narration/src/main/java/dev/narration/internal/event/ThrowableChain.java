package dev.narration.internal.event;

import java.util.Arrays;

/**
 * An event's throwable with its suppressed exceptions and causes, flattened in the order the JDK prints them (a
 * throwable, then each suppressed one with its own chain, then its cause) and bounded: at most
 * {@value #MAX_THROWABLES} throwables, whatever the chain holds (cycles through causes or suppressed exceptions
 * included). The one walk that the stack trace writer and redaction share, so both see the same throwables and
 * stop at the same one. A walk that stopped short is {@link #isCut() cut}; what it left out is never written, and
 * the rewrite policy drops it from its copy.
 *
 * <p>Reusable and not thread-safe: one per writing thread. {@link #clear()} lets go of the throwables.
 */
public final class ThrowableChain {
    public static final int MAX_THROWABLES = 64;
    /** How a throwable is related to the one before it in the walk, its parent. */
    public static final byte ROOT = 0;
    public static final byte SUPPRESSED = 1;
    public static final byte CAUSE = 2;

    private final Throwable[] throwables = new Throwable[MAX_THROWABLES];
    private final int[] parents = new int[MAX_THROWABLES];
    private final byte[] relations = new byte[MAX_THROWABLES];
    private final int[] indents = new int[MAX_THROWABLES];
    /** Whether every suppressed exception and the cause of a throwable are in the walk. */
    private final boolean[] complete = new boolean[MAX_THROWABLES];
    private int size;
    private boolean cut;

    /** Walks the throwable's chain; {@code null} gives an empty chain. Returns this chain. */
    public ThrowableChain walk(final Throwable root) {
        clear();
        if (root != null) {
            add(root, -1, ROOT, 0);
        }
        return this;
    }

    private boolean add(final Throwable throwable, final int parent, final byte relation, final int indent) {
        if (size == MAX_THROWABLES) {
            cut = true;
            return false;
        }
        final int index = size++;
        throwables[index] = throwable;
        parents[index] = parent;
        relations[index] = relation;
        indents[index] = indent;
        boolean whole = true;
        for (final Throwable suppressed : throwable.getSuppressed()) {
            if (suppressed != throwable) {
                whole &= add(suppressed, index, SUPPRESSED, indent + 1);
            }
        }
        final Throwable cause = throwable.getCause();
        if (cause != null && cause != throwable) {
            whole &= add(cause, index, CAUSE, indent);
        }
        complete[index] = whole;
        return true;
    }

    /** How many throwables the walk holds. */
    public int size() {
        return size;
    }

    /** Whether the chain had more throwables than the walk holds. */
    public boolean isCut() {
        return cut;
    }

    public Throwable throwable(final int index) {
        return throwables[index];
    }

    /** The index of the throwable this one is a suppressed exception or the cause of; -1 for the root. */
    public int parent(final int index) {
        return parents[index];
    }

    /** {@link #ROOT}, {@link #SUPPRESSED} or {@link #CAUSE}. */
    public byte relation(final int index) {
        return relations[index];
    }

    /** How deep among suppressed exceptions the throwable sits: the indentation of its lines in a stack trace. */
    public int indent(final int index) {
        return indents[index];
    }

    /** Whether all of the throwable's suppressed exceptions and its cause, with their chains, are in the walk. */
    public boolean isComplete(final int index) {
        return complete[index];
    }

    /** Lets go of the throwables. */
    public void clear() {
        Arrays.fill(throwables, 0, size, null);
        size = 0;
        cut = false;
    }
}
