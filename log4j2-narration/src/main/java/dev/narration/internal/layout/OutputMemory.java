package dev.narration.internal.layout;

import dev.narration.internal.event.ContextKeyPlans;
import dev.narration.internal.text.IdentitySlots;

/**
 * What a thread remembers for one layout, its schema and options, by the key strings' identity: where each context
 * key goes, and whether the schema reserves a key. Context keys are usually the same strings on every event, and
 * finding either again compares a key with the reserved keys, the prefixes and the schema's own keys. Fixed-size;
 * one per layout and thread, not thread-safe.
 */
final class OutputMemory {
    private static final int RESERVED_SLOTS = 64;

    private final ContextKeyPlans plans = new ContextKeyPlans();
    private final IdentitySlots reservedKeys = new IdentitySlots(RESERVED_SLOTS);
    private final boolean[] reservedAnswers = new boolean[RESERVED_SLOTS];
    private LineSchema schema;
    private LineOptions options;

    boolean isFor(final LineSchema lineSchema, final LineOptions lineOptions) {
        return schema == lineSchema && options == lineOptions;
    }

    /** Forgets everything, to remember for another layout. */
    void reset(final LineSchema lineSchema, final LineOptions lineOptions) {
        plans.clear();
        reservedKeys.clear();
        schema = lineSchema;
        options = lineOptions;
    }

    ContextKeyPlans plans() {
        return plans;
    }

    /** {@code schema.reserves(key)}, remembered. */
    boolean reserves(final String key) {
        int slot = reservedKeys.find(key);
        if (slot < 0) {
            slot = reservedKeys.claim(key);
            reservedAnswers[slot] = schema.reserves(key);
        }
        return reservedAnswers[slot];
    }
}
