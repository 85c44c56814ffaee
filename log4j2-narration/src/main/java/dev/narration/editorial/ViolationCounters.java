package dev.narration.editorial;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Violations counted per level and rule. An array of atomics rather than {@code LongAdder}s: violations are
 * rare next to events, and a {@code LongAdder} allocates cells under contention.
 */
final class ViolationCounters {
    private final AtomicLongArray counts = new AtomicLongArray(LevelBand.LEVELS.length * EditorialRule.count());

    void record(final int band, final int mask) {
        for (int rule = 0; rule < EditorialRule.count(); rule++) {
            if ((mask & (1 << rule)) != 0) {
                counts.incrementAndGet(band * EditorialRule.count() + rule);
            }
        }
    }

    EditorialStats snapshot() {
        final long[] copy = new long[counts.length()];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = counts.get(i);
        }
        return new EditorialStats(copy);
    }
}
