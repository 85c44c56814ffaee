package dev.narration.redact;

import dev.narration.internal.jmx.MBeans;
import dev.narration.internal.redact.RuleCounts;
import java.util.Map;
import javax.management.JMException;
import javax.management.ObjectName;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * An engine's counts as its JMX bean, {@code dev.narration:type=Redaction,name="<name>"}. A newer engine with the
 * same name (after a reconfiguration) takes the name over.
 */
final class RedactionMetrics implements RedactionMetricsMXBean {
    private final String name;
    private final RuleCounts counts;

    private RedactionMetrics(final String name, final RuleCounts counts) {
        this.name = name;
        this.counts = counts;
    }

    /** The metrics registered last under this engine name, or {@code null}. */
    static RedactionMetricsMXBean named(final String name) {
        final ObjectName objectName = objectName(name);
        return objectName == null ? null : (RedactionMetricsMXBean) MBeans.bean(objectName);
    }

    static RedactionMetrics register(final String name, final RuleCounts counts) {
        final RedactionMetrics metrics = new RedactionMetrics(name, counts);
        final ObjectName objectName = objectName(name);
        if (objectName != null) {
            MBeans.register(objectName, metrics, metrics, "Redaction metrics " + name);
        }
        return metrics;
    }

    private static ObjectName objectName(final String name) {
        try {
            return MBeans.name("type=Redaction,name=" + ObjectName.quote(name));
        } catch (JMException e) {
            StatusLogger.getLogger().warn("Redaction metrics {} have no valid JMX name: {}", name, e.toString());
            return null;
        }
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public Map<String, Long> getCounts() {
        return counts.snapshot();
    }

    @Override
    public long getTotal() {
        return counts.total();
    }

    @Override
    public String toString() {
        return "RedactionMetrics{name=" + name + ", total=" + getTotal() + '}';
    }
}
