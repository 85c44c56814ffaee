package dev.narration.editorial;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Registers a filter's counters on the platform MBean server. On reconfiguration Log4j builds the new
 * configuration before it stops the old one, so a filter of the same name may still be registered: the newer
 * filter takes the name over, and the older one, when stopped, leaves it alone.
 */
final class MBeanRegistration {
    static final String DOMAIN = "dev.narration";

    private static final Map<ObjectName, EditorialFilter> OWNERS = new ConcurrentHashMap<>();

    private MBeanRegistration() {}

    static ObjectName nameOf(final String contextName, final String filterName) throws JMException {
        return new ObjectName(DOMAIN + ":type=" + EditorialFilter.PLUGIN_NAME + ",context=" + ObjectName.quote(contextName)
                + ",name=" + ObjectName.quote(filterName));
    }

    /** Registers the filter's MBean; returns its name, or {@code null} (after a status-logger warning). */
    static ObjectName register(final String contextName, final EditorialFilter filter) {
        try {
            final ObjectName name = nameOf(contextName, filter.getName());
            final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            synchronized (OWNERS) {
                if (server.isRegistered(name)) {
                    server.unregisterMBean(name);
                }
                server.registerMBean(new StandardMBean(filter.mxBean(), EditorialFilterMXBean.class, true), name);
                OWNERS.put(name, filter);
            }
            return name;
        } catch (JMException | RuntimeException | LinkageError e) {
            StatusLogger.getLogger().warn("{} \"{}\": could not register its MBean: {}", EditorialFilter.PLUGIN_NAME, filter.getName(), e.toString());
            return null;
        }
    }

    static void unregister(final ObjectName name, final EditorialFilter filter) {
        try {
            synchronized (OWNERS) {
                if (OWNERS.remove(name, filter)) {
                    ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
                }
            }
        } catch (JMException | RuntimeException | LinkageError e) {
            StatusLogger.getLogger().warn("{} \"{}\": could not unregister its MBean: {}", EditorialFilter.PLUGIN_NAME, filter.getName(), e.toString());
        }
    }
}
