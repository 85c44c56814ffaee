package dev.narration.editorial;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.Level;

/**
 * A snapshot of an {@link EditorialFilter}'s violation counts, per level and rule. A violation of several rules
 * counts once under each. Levels are the six standard levels; a custom level counts under the standard level
 * whose rules it follows.
 */
public final class EditorialStats {
    private final long[] counts;

    EditorialStats(final long[] counts) {
        this.counts = counts;
    }

    /** Violations of one rule at one level. */
    public long violations(final Level level, final EditorialRule rule) {
        return counts[LevelBand.of(level) * EditorialRule.count() + rule.ordinal()];
    }

    /** Violations of one rule at all levels. */
    public long violations(final EditorialRule rule) {
        long sum = 0;
        for (int band = 0; band < LevelBand.LEVELS.length; band++) {
            sum += counts[band * EditorialRule.count() + rule.ordinal()];
        }
        return sum;
    }

    /** Violations of all rules at all levels. */
    public long total() {
        long sum = 0;
        for (final long count : counts) {
            sum += count;
        }
        return sum;
    }

    /** Every count under a key {@code LEVEL.rule} ({@code INFO.length}, {@code ERROR.error_kind}), zeros included. */
    public Map<String, Long> asMap() {
        final Map<String, Long> map = new LinkedHashMap<>();
        for (int band = 0; band < LevelBand.LEVELS.length; band++) {
            for (int rule = 0; rule < EditorialRule.count(); rule++) {
                map.put(LevelBand.LEVELS[band].name() + '.' + EditorialRule.of(rule).id(), counts[band * EditorialRule.count() + rule]);
            }
        }
        return map;
    }

    /** The non-zero counts, such as {@code {INFO.length=3, ERROR.error_kind=1}}. */
    @Override
    public String toString() {
        final Map<String, Long> nonZero = new LinkedHashMap<>();
        asMap().forEach((key, count) -> {
            if (count != 0) {
                nonZero.put(key, count);
            }
        });
        return nonZero.toString();
    }
}
