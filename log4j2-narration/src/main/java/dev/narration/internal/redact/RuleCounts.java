package dev.narration.internal.redact;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How many values each rule of one engine has masked: the built-in rules by {@link BuiltInRule} ordinal, then the
 * user rules. Counts only, never the masked text. Read through the public {@code RedactionMetricsMXBean}.
 */
public final class RuleCounts {
    private final String[] rules;
    private final AtomicLongArray counts;

    RuleCounts(final List<String> rules) {
        this.rules = rules.toArray(new String[0]);
        this.counts = new AtomicLongArray(this.rules.length);
    }

    /** How many values the named rule has masked (0 for an unknown name). */
    public long count(final String rule) {
        for (int i = 0; i < rules.length; i++) {
            if (rules[i].equals(rule)) {
                return counts.get(i);
            }
        }
        return 0;
    }

    /** Every rule's count, in rule order, zeros included. */
    public Map<String, Long> snapshot() {
        final Map<String, Long> snapshot = new LinkedHashMap<>();
        for (int i = 0; i < rules.length; i++) {
            snapshot.put(rules[i], counts.get(i));
        }
        return snapshot;
    }

    public long total() {
        long total = 0;
        for (int i = 0; i < rules.length; i++) {
            total += counts.get(i);
        }
        return total;
    }

    void increment(final int rule) {
        counts.incrementAndGet(rule);
    }
}
