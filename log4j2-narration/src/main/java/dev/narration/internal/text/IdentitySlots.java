package dev.narration.internal.text;

import java.util.Arrays;

/**
 * Remembers strings by identity in a fixed table, so that a per-event check of a string that recurs as the very same
 * object (a logger or thread name, a context key or value, a correlation id) is two comparisons. A string's content
 * never changes, so whatever was found about it once holds for ever. Fixed-size: remembering allocates nothing, and
 * a newcomer evicts an older string.
 *
 * <p>Each string may sit in one of two slots, chosen from its identity hash: with one, two of ten strings of an event
 * share a slot in about half of all runs (identity hashes being random per run), and would then evict each other
 * on every event. Not thread-safe: one per thread.
 */
public final class IdentitySlots {
    private final String[] strings;
    private final int mask;

    /** A table of {@code slots} slots, a power of two. */
    public IdentitySlots(final int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        this.strings = new String[slots];
        this.mask = slots - 1;
    }

    /** The slot that holds this very string, or -1. */
    public int find(final String string) {
        final int hash = System.identityHashCode(string);
        final int first = hash & mask;
        if (strings[first] == string) {
            return first;
        }
        final int second = (hash >>> 16) & mask;
        return strings[second] == string ? second : -1;
    }

    /**
     * Puts the string into one of its two slots and returns that slot: an empty one if there is one, else either,
     * by a bit of its hash, so that a third string sharing both slots cannot pin one of them for ever.
     */
    public int claim(final String string) {
        final int hash = System.identityHashCode(string);
        final int first = hash & mask;
        final int second = (hash >>> 16) & mask;
        final int slot = strings[first] == null || strings[second] != null && (hash & (mask + 1)) != 0 ? first : second;
        strings[slot] = string;
        return slot;
    }

    /** Forgets every string. */
    public void clear() {
        Arrays.fill(strings, null);
    }
}
