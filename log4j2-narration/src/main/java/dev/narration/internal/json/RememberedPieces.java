package dev.narration.internal.json;

import dev.narration.internal.text.IdentitySlots;

/**
 * The bytes last written for a string, remembered by the string's identity and a tag that says which piece of the
 * line they were (the string escaped, or a member's opening with the string as its key): a logger or thread name,
 * a context key or value is usually the very same {@code String} on every event, and a string's content never
 * changes, so the piece is copied instead of written again. Fixed-size: remembering allocates nothing, a newcomer
 * evicts an older piece, a string has one piece at a time, and a piece longer than a slot is not remembered. Not
 * thread-safe: one per writing thread.
 */
public final class RememberedPieces {
    private final IdentitySlots strings;
    private final int[] tags;
    private final int[] lengths;
    private final byte[] bytes;
    private final int slotBytes;

    /** A table of {@code slots} slots (a power of two) of {@code slotBytes} bytes each. */
    public RememberedPieces(final int slots, final int slotBytes) {
        this.strings = new IdentitySlots(slots);
        this.tags = new int[slots];
        this.lengths = new int[slots];
        this.bytes = new byte[slots * slotBytes];
        this.slotBytes = slotBytes;
    }

    /** Appends the piece remembered for this very string under {@code tag}; whether there was one. */
    public boolean appendTo(final JsonLine out, final String string, final int tag) {
        final int slot = strings.find(string);
        if (slot < 0 || tags[slot] != tag) {
            return false;
        }
        out.append(bytes, slot * slotBytes, lengths[slot]);
        return true;
    }

    /** Remembers what {@code out} holds from {@code start} on as the string's piece under {@code tag}, if it fits. */
    public void remember(final JsonLine out, final int start, final String string, final int tag) {
        final int n = out.length() - start;
        if (n <= slotBytes) {
            int slot = strings.find(string);
            if (slot < 0) {
                slot = strings.claim(string);
            }
            out.copyTo(start, n, bytes, slot * slotBytes);
            lengths[slot] = n;
            tags[slot] = tag;
        }
    }
}
