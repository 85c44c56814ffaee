package dev.narration.internal.event;

import dev.narration.internal.text.IdentitySlots;
import java.util.Arrays;

/**
 * Where each context key's entry goes in one output, remembered by the key's identity. When the event's message has
 * no fields of its own, an entry's placement depends only on its key and on the output (the keys it writes itself,
 * its context selection, its renames), and a context key is usually the same string on every event: placing it
 * again would compare it with the reserved keys, the prefixes and the output's keys on every event. Fixed-size, so
 * remembering allocates nothing; one per output and thread, not thread-safe.
 */
public final class ContextKeyPlans {
    private static final int SLOTS = 32;

    private final IdentitySlots keys = new IdentitySlots(SLOTS);
    /** The name each key is written under, {@code null} for a key whose entry is not written. */
    private final String[] names = new String[SLOTS];
    private final String[] prefixes = new String[SLOTS];

    /** The slot of this very key, or -1. */
    int find(final String key) {
        return keys.find(key);
    }

    /** Whether the entry is written; if not, the root field it feeds or the selection left it out. */
    boolean written(final int slot) {
        return names[slot] != null;
    }

    String name(final int slot) {
        return names[slot];
    }

    String prefix(final int slot) {
        return prefixes[slot];
    }

    /** Remembers that {@code key}'s entry goes under {@code prefix} and {@code name}, or nowhere if name is null. */
    void remember(final String key, final String prefix, final String name) {
        final int slot = keys.claim(key);
        names[slot] = name;
        prefixes[slot] = prefix;
    }

    /** Forgets every key, for another output. */
    public void clear() {
        keys.clear();
        Arrays.fill(names, null);
        Arrays.fill(prefixes, null);
    }
}
