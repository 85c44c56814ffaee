package dev.narration.editorial;

import java.util.Map;

/**
 * What an {@link EditorialFilter} shows over JMX, under
 * {@code dev.narration:type=EditorialFilter,context="<logger context>",name="<filter name>"}.
 */
public interface EditorialFilterMXBean {
    /** Violations per {@code LEVEL.rule}, such as {@code INFO.length}; zeros included, so the keys are stable. */
    Map<String, Long> getViolations();

    /** Violations of all rules at all levels. */
    long getTotalViolations();

    /** The limits and rules this filter enforces. */
    String getStandard();
}
