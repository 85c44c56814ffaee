package dev.narration.redact;

import dev.narration.internal.redact.RedactionEngine;
import dev.narration.internal.redact.RuleCounts;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.logging.log4j.status.StatusLogger;
import org.apache.logging.log4j.util.PropertiesUtil;

/**
 * Counts of masked values per rule, for one redaction engine. Read them from the engine
 * ({@link Redactor#metrics()}), by name ({@link #named(String)}), or over JMX
 * ({@code dev.narration:type=Redaction,name=<name>}). A newer engine with the same name (after a reconfiguration)
 * replaces the older one in both places. JMX registration is skipped when Log4j's {@code log4j2.disableJmx} is set.
 */
public final class RedactionMetrics implements RedactionMetricsMXBean {
    private static final Map<String, RedactionMetrics> BY_NAME = new ConcurrentHashMap<>();

    private final String name;
    private final RuleCounts counts;

    private RedactionMetrics(final String name, final RuleCounts counts) {
        this.name = name;
        this.counts = counts;
    }

    /** The metrics of the newest engine with this name, or {@code null}. */
    public static RedactionMetrics named(final String name) {
        return BY_NAME.get(name);
    }

    @Override
    public String getName() {
        return name;
    }

    /** How many values the named rule has masked (0 for an unknown name). */
    public long count(final String rule) {
        return counts.count(rule);
    }

    @Override
    public Map<String, Long> getCounts() {
        return counts.snapshot();
    }

    @Override
    public long getTotal() {
        return counts.total();
    }

    static RedactionMetrics register(final RedactionEngine engine) {
        final RedactionMetrics metrics = new RedactionMetrics(engine.name(), engine.counts());
        BY_NAME.put(metrics.name, metrics);
        if (PropertiesUtil.getProperties().getBooleanProperty("log4j2.disableJmx")) {
            return metrics;
        }
        try {
            final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            final ObjectName objectName = new ObjectName("dev.narration:type=Redaction,name=" + ObjectName.quote(metrics.name));
            if (server.isRegistered(objectName)) {
                server.unregisterMBean(objectName);
            }
            server.registerMBean(metrics, objectName);
        } catch (JMException | RuntimeException e) {
            StatusLogger.getLogger().warn("Redaction metrics {} could not be registered with JMX: {}", metrics.name, e.toString());
        }
        return metrics;
    }

    @Override
    public String toString() {
        return "RedactionMetrics{name=" + name + ", total=" + getTotal() + '}';
    }
}
