package dev.narration.internal.event;

import java.util.Arrays;

/**
 * An event's throwable with its suppressed exceptions and causes, flattened in the order the JDK prints them (a
 * throwable, then each suppressed one with its own chain, then its cause): the one walk that the stack trace
 * writer and redaction share, so that both see the same throwables and leave out the same ones.
 *
 * <p>Bounded whatever the throwables hold (docs/layout.md#stack-traces):
 * <ul>
 * <li>each distinct throwable is walked once: one met again (a cycle through causes or suppressed exceptions, or a
 *     throwable shared by two parents) is an entry that {@link #sameAs repeats} the first, which the JDK prints as
 *     {@code [CIRCULAR REFERENCE: …]}, and nothing below it is walked again;</li>
 * <li>at most {@value #MAX_THROWABLES} entries. When a chain has more, the walk stops there and the
 *     <em>root cause</em>, the end of the causes of the event's throwable, is added as the cause of the last one
 *     walked of those causes: it is usually the most useful part. What the walk left out is {@link #cutAfter()
 *     counted} at the throwables it belongs to, so that a writer can say what is missing, and the rewrite policy's
 *     copy leaves it out too (fail closed);</li>
 * <li>counting what is left out follows causes at most {@value #MAX_CAUSES_COUNTED} times per walk.</li>
 * </ul>
 *
 * <p>Reusable and not thread-safe: one per writing thread. {@link #clear()} lets go of the throwables.
 */
public final class ThrowableChain {
    public static final int MAX_THROWABLES = 64;
    /** Causes followed, per walk, to count what a cut leaves out and to find the root cause. */
    public static final int MAX_CAUSES_COUNTED = 1 << 16;
    /** How a throwable is related to the one before it in the walk, its parent. */
    public static final byte ROOT = 0;
    public static final byte SUPPRESSED = 1;
    public static final byte CAUSE = 2;

    /** The identity table of the throwables walked: twice the entries, a power of two. */
    private static final int SEEN_SLOTS = 2 * MAX_THROWABLES;

    private final Throwable[] throwables = new Throwable[MAX_THROWABLES];
    private final int[] parents = new int[MAX_THROWABLES];
    private final byte[] relations = new byte[MAX_THROWABLES];
    private final int[] indents = new int[MAX_THROWABLES];
    private final int[] sameAs = new int[MAX_THROWABLES];
    /** Per entry: its suppressed exceptions that the walk left out, and the causes below it that it left out. */
    private final int[] omittedSuppressed = new int[MAX_THROWABLES];
    private final int[] omittedCauses = new int[MAX_THROWABLES];
    /** Whether the count in {@link #omittedCauses} stopped at {@link #MAX_CAUSES_COUNTED}, so there are more. */
    private final boolean[] moreCauses = new boolean[MAX_THROWABLES];
    /** Whether the walk stopped before all of the throwable's suppressed exceptions and its cause were in it. */
    private final boolean[] cutBelow = new boolean[MAX_THROWABLES];
    private final Throwable[] seen = new Throwable[SEEN_SLOTS];
    private final int[] seenIndex = new int[SEEN_SLOTS];
    /** The slots of {@link #seen} taken, in the order taken: at most one per entry. */
    private final int[] seenTaken = new int[MAX_THROWABLES];
    private int seenCount;
    private int size;
    /** The last entry walked before the walk stopped, or -1 when nothing was left out. */
    private int cutAfter;
    /** The entries whose counts of what was left out are set, in the order a stack trace would print them. */
    private final int[] openAtCut = new int[MAX_THROWABLES];
    private int openCount;
    /** The root cause added after a cut, or -1. */
    private int addedRoot;
    private int causesLeft;

    public ThrowableChain() {
        Arrays.fill(sameAs, -1);
        clear();
    }

    /** Walks the throwable's chain; {@code null} gives an empty chain. Returns this chain. */
    public ThrowableChain walk(final Throwable root) {
        clear();
        if (root == null) {
            return this;
        }
        add(root, -1, ROOT, 0);
        if (cutAfter >= 0) {
            addRootCause(root);
        }
        return this;
    }

    /**
     * Adds a throwable and what hangs from it, depth first; whether it was added (the walk may have stopped). The
     * last entry is kept for the root cause, so the walk stops one short of {@link #MAX_THROWABLES}.
     */
    private boolean add(final Throwable throwable, final int parent, final byte relation, final int indent) {
        if (cutAfter >= 0 || size == MAX_THROWABLES - 1) {
            stop();
            return false;
        }
        final int index = size++;
        throwables[index] = throwable;
        parents[index] = parent;
        relations[index] = relation;
        indents[index] = indent;
        final int first = find(throwable);
        if (first >= 0) {
            sameAs[index] = first;
            return true;
        }
        remember(throwable, index);
        final Throwable[] suppressed = throwable.getSuppressed();
        for (int s = 0; s < suppressed.length; s++) {
            if (suppressed[s] != throwable && !add(suppressed[s], index, SUPPRESSED, indent + 1)) {
                omittedSuppressed[index] = countOthers(suppressed, s, throwable);
                omitCauses(index, throwable.getCause());
                return true;
            }
        }
        final Throwable cause = throwable.getCause();
        if (cause != null && cause != throwable && !add(cause, index, CAUSE, indent)) {
            omitCauses(index, cause);
        }
        return true;
    }

    private void stop() {
        if (cutAfter < 0) {
            cutAfter = size - 1;
        }
    }

    /** Counts the suppressed exceptions from {@code from} on, leaving out self-suppression as the walk does. */
    private static int countOthers(final Throwable[] suppressed, final int from, final Throwable owner) {
        int count = 0;
        for (int s = from; s < suppressed.length; s++) {
            if (suppressed[s] != owner) {
                count++;
            }
        }
        return count;
    }

    /** Records that the cause of entry {@code index}, and the causes below it, were left out. */
    private void omitCauses(final int index, final Throwable cause) {
        cutBelow[index] = true;
        if (cause != null && cause != throwables[index] && find(cause) < 0) {
            omittedCauses[index] = countCauses(cause, index);
        }
        openAtCut[openCount++] = index;
    }

    /**
     * How many distinct throwables there are from {@code cause} on through causes, before the chain ends or comes
     * back to one already walked or counted; a cycle among them is found by Brent's method, so nothing is kept.
     */
    private int countCauses(final Throwable cause, final int index) {
        Throwable current = cause;
        Throwable mark = cause;
        int count = 0;
        int power = 1;
        int run = 0;
        while (current != null && find(current) < 0) {
            if (causesLeft == 0) {
                moreCauses[index] = true;
                return count;
            }
            causesLeft--;
            count++;
            final Throwable next = current.getCause();
            if (next == current) {
                break;
            }
            current = next;
            if (current == mark) {
                return distinctBeforeRepeat(cause, run + 1, count);
            }
            if (++run == power) {
                mark = current;
                power <<= 1;
                run = 0;
            }
        }
        return count;
    }

    /** The number of distinct throwables from {@code start} through causes, knowing they end in a cycle of {@code cycle}. */
    private static int distinctBeforeRepeat(final Throwable start, final int cycle, final int steps) {
        Throwable ahead = start;
        for (int i = 0; i < cycle && ahead != null; i++) {
            ahead = ahead.getCause();
        }
        Throwable behind = start;
        int lead = 0;
        // A getCause() that answers differently each time has no cycle to measure: the steps taken stand.
        while (behind != ahead && behind != null && ahead != null && lead < steps) {
            behind = behind.getCause();
            ahead = ahead.getCause();
            lead++;
        }
        return behind == ahead ? lead + cycle : steps;
    }

    /**
     * After a cut: adds the root cause, the last of the causes of the event's throwable, as the cause of the last one
     * of those causes that the walk holds, unless the causes end in a throwable already walked (a cycle).
     */
    private void addRootCause(final Throwable root) {
        int last = 0;
        for (int i = 1; i < size; i++) {
            if (parents[i] == last && relations[i] == CAUSE) {
                last = i;
            }
        }
        if (sameAs[last] >= 0 || omittedCauses[last] == 0 || moreCauses[last]) {
            return;
        }
        Throwable end = throwables[last].getCause();
        for (int step = 1; step < omittedCauses[last] && end != null; step++) {
            end = end.getCause();
        }
        if (end == null) {
            return;
        }
        final Throwable beyond = end.getCause();
        if (beyond != null && beyond != end) {
            return; // the causes go on into a cycle: there is no root cause
        }
        omittedCauses[last]--;
        final int index = size++;
        throwables[index] = end;
        parents[index] = last;
        relations[index] = CAUSE;
        indents[index] = indents[last];
        // Its suppressed exceptions are not walked: counted, and left out like the rest.
        omittedSuppressed[index] = countOthers(end.getSuppressed(), 0, end);
        cutBelow[index] = omittedSuppressed[index] > 0;
        addedRoot = index;
    }

    private int find(final Throwable throwable) {
        int slot = System.identityHashCode(throwable) & (SEEN_SLOTS - 1);
        while (seen[slot] != null) {
            if (seen[slot] == throwable) {
                return seenIndex[slot];
            }
            slot = (slot + 1) & (SEEN_SLOTS - 1);
        }
        return -1;
    }

    private void remember(final Throwable throwable, final int index) {
        int slot = System.identityHashCode(throwable) & (SEEN_SLOTS - 1);
        while (seen[slot] != null) {
            slot = (slot + 1) & (SEEN_SLOTS - 1);
        }
        seen[slot] = throwable;
        seenIndex[slot] = index;
        seenTaken[seenCount++] = slot;
    }

    /** How many entries the walk holds. */
    public int size() {
        return size;
    }

    /** Whether the walk left something out. */
    public boolean isCut() {
        return cutAfter >= 0;
    }

    /**
     * The last entry walked before the walk stopped, after which a stack trace says what was left out; -1 when nothing
     * was. The {@link #addedRoot() root cause} may follow it.
     */
    public int cutAfter() {
        return cutAfter;
    }

    /** How many entries have counts of what was left out: {@link #openAtCut(int)}. */
    public int openCount() {
        return openCount;
    }

    /**
     * The {@code k}-th entry with something left out, in the order a stack trace would have printed what is missing:
     * the deepest first.
     */
    public int openAtCut(final int k) {
        return openAtCut[k];
    }

    /** The root cause added after a cut, or -1 (not cut, or the causes end in a cycle). */
    public int addedRoot() {
        return addedRoot;
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

    /** The earlier entry of the same throwable, walked already, when this entry is a repeat; -1 otherwise. */
    public int sameAs(final int index) {
        return sameAs[index];
    }

    /** How many suppressed exceptions of the throwable the walk left out (each with what hangs from it). */
    public int omittedSuppressed(final int index) {
        return omittedSuppressed[index];
    }

    /** How many causes below the throwable the walk left out (the added root cause not counted). */
    public int omittedCauses(final int index) {
        return omittedCauses[index];
    }

    /** Whether there are more causes left out than {@link #omittedCauses} counted. */
    public boolean moreCausesThanCounted(final int index) {
        return moreCauses[index];
    }

    /**
     * Whether all of the throwable's suppressed exceptions and its cause are in the walk, as entries of their own or
     * as repeats; a root cause added in place of the causes left out is not its cause.
     */
    public boolean isComplete(final int index) {
        return !cutBelow[index];
    }

    /**
     * The root cause to keep whatever else a writer leaves out: the last entry, when it ends the causes of the
     * event's throwable (added after a cut, or walked); -1 when the chain has no other entry or no such end.
     */
    public int rootCause() {
        if (addedRoot >= 0) {
            return addedRoot;
        }
        final int last = size - 1;
        if (last <= 0 || cutAfter >= 0 || sameAs[last] >= 0) {
            return -1;
        }
        for (int i = last; i > 0; i = parents[i]) {
            if (relations[i] != CAUSE) {
                return -1;
            }
        }
        return last;
    }

    /** Lets go of the throwables. */
    public void clear() {
        // Entry by entry, and only the identity slots taken: a chain is usually a few throwables of the 64.
        for (int i = 0; i < size; i++) {
            throwables[i] = null;
            sameAs[i] = -1;
            omittedSuppressed[i] = 0;
            omittedCauses[i] = 0;
            moreCauses[i] = false;
            cutBelow[i] = false;
        }
        for (int k = 0; k < seenCount; k++) {
            seen[seenTaken[k]] = null;
        }
        seenCount = 0;
        size = 0;
        cutAfter = -1;
        openCount = 0;
        addedRoot = -1;
        causesLeft = MAX_CAUSES_COUNTED;
    }
}
