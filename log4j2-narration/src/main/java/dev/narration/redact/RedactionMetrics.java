package dev.narration.redact;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
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
    private final String[] rules;
    private final AtomicLongArray counts;

    RedactionMetrics(final String name, final List<String> rules) {
        this.name = name;
        this.rules = rules.toArray(new String[0]);
        this.counts = new AtomicLongArray(this.rules.length);
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
        final int index = Arrays.asList(rules).indexOf(rule);
        return index < 0 ? 0 : counts.get(index);
    }

    @Override
    public Map<String, Long> getCounts() {
        final Map<String, Long> snapshot = new LinkedHashMap<>();
        for (int i = 0; i < rules.length; i++) {
            snapshot.put(rules[i], counts.get(i));
        }
        return snapshot;
    }

    @Override
    public long getTotal() {
        long total = 0;
        for (int i = 0; i < rules.length; i++) {
            total += counts.get(i);
        }
        return total;
    }

    void increment(final int rule) {
        counts.incrementAndGet(rule);
    }

    void register() {
        BY_NAME.put(name, this);
        if (PropertiesUtil.getProperties().getBooleanProperty("log4j2.disableJmx")) {
            return;
        }
        try {
            final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            final ObjectName objectName = new ObjectName("dev.narration:type=Redaction,name=" + ObjectName.quote(name));
            if (server.isRegistered(objectName)) {
                server.unregisterMBean(objectName);
            }
            server.registerMBean(this, objectName);
        } catch (JMException | RuntimeException e) {
            StatusLogger.getLogger().warn("Redaction metrics {} could not be registered with JMX: {}", name, e.toString());
        }
    }

    @Override
    public String toString() {
        return "RedactionMetrics{name=" + name + ", total=" + getTotal() + '}';
    }
}
