package dev.narration.redact;

import java.util.Map;

/**
 * What a redaction engine has masked, over JMX as {@code dev.narration:type=Redaction,name=<name>}. Counts only:
 * never the masked text.
 */
public interface RedactionMetricsMXBean {
    /** The engine's name (the {@code name} attribute of the policy or of {@code <Redaction>}). */
    String getName();

    /** Masked values per rule name, every rule listed (zero when it never matched). */
    Map<String, Long> getCounts();

    /** Masked values over all rules. */
    long getTotal();
}
