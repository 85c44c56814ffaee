package dev.narration.internal.jmx;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Registers the bundle's MXBeans on the platform MBean server. On reconfiguration Log4j builds the new
 * configuration before it stops the old one, so a component of the same name may still be registered: the newer
 * component takes the name over, and the older one, when stopped, leaves it alone.
 */
public final class MBeanRegistration {
    public static final String DOMAIN = "dev.narration";

    private static final Map<ObjectName, Object> OWNERS = new ConcurrentHashMap<>();

    private MBeanRegistration() {}

    /**
     * Registers {@code mxBean} under {@code name} on behalf of {@code owner}; returns the name, or {@code null}
     * after a status-logger warning that names the component (as in {@code EditorialFilter "editorial"}).
     */
    public static <T> ObjectName register(
            final String name, final Object owner, final T mxBean, final Class<T> type, final String component) {
        try {
            final ObjectName objectName = new ObjectName(name);
            final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            synchronized (OWNERS) {
                if (server.isRegistered(objectName)) {
                    server.unregisterMBean(objectName);
                }
                server.registerMBean(new StandardMBean(mxBean, type, true), objectName);
                OWNERS.put(objectName, owner);
            }
            return objectName;
        } catch (JMException | RuntimeException | LinkageError e) {
            StatusLogger.getLogger().warn("{}: could not register its MBean: {}", component, e.toString());
            return null;
        }
    }

    /** Unregisters the name if {@code owner} still holds it. */
    public static void unregister(final ObjectName name, final Object owner, final String component) {
        try {
            synchronized (OWNERS) {
                if (OWNERS.remove(name, owner)) {
                    ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
                }
            }
        } catch (JMException | RuntimeException | LinkageError e) {
            StatusLogger.getLogger().warn("{}: could not unregister its MBean: {}", component, e.toString());
        }
    }
}
