package dev.narration.internal.jmx;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.apache.logging.log4j.status.StatusLogger;
import org.apache.logging.log4j.util.PropertiesUtil;

/**
 * The one way the bundle's components show themselves over JMX, under the domain {@value #DOMAIN}. On
 * reconfiguration Log4j builds the new configuration before it stops the old one, so a component of the same name
 * may still be registered: the newer one takes the name over, and the older one, when stopped, leaves it alone.
 * Every name is also kept here, with its owner, so that a component can be found by name when Log4j's
 * {@code log4j2.disableJmx} keeps it off the platform server.
 */
public final class MBeans {
    public static final String DOMAIN = "dev.narration";

    private static final Map<ObjectName, Registration> REGISTERED = new ConcurrentHashMap<>();

    private MBeans() {}

    private static final class Registration {
        final Object owner;
        final Object bean;

        Registration(final Object owner, final Object bean) {
            this.owner = owner;
            this.bean = bean;
        }
    }

    /** {@code dev.narration:<properties>}; each value must be quoted by the caller where needed. */
    public static ObjectName name(final String properties) throws JMException {
        return new ObjectName(DOMAIN + ':' + properties);
    }

    /**
     * Registers {@code bean} under {@code name} for {@code owner}, taking the name over from an older owner. A failure
     * is reported through the status logger as {@code what} and leaves the component working; returns whether the
     * bean is on the platform server.
     */
    public static boolean register(final ObjectName name, final Object owner, final Object bean, final String what) {
        synchronized (REGISTERED) {
            REGISTERED.put(name, new Registration(owner, bean));
            if (PropertiesUtil.getProperties().getBooleanProperty("log4j2.disableJmx")) {
                return false;
            }
            try {
                final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
                if (server.isRegistered(name)) {
                    server.unregisterMBean(name);
                }
                server.registerMBean(bean, name);
                return true;
            } catch (JMException | RuntimeException | LinkageError e) {
                StatusLogger.getLogger().warn("{}: could not register its MBean {}: {}", what, name, e.toString());
                return false;
            }
        }
    }

    /**
     * Registers {@code view} as an MXBean of {@code type} under {@code dev.narration:<properties>} for {@code owner};
     * returns the name, or {@code null} when it is not on the platform server (JMX off, or a failure, reported as
     * {@code what}).
     */
    public static <T> ObjectName registerMXBean(
            final String properties, final Object owner, final T view, final Class<T> type, final String what) {
        try {
            final ObjectName objectName = name(properties);
            return register(objectName, owner, new StandardMBean(view, type, true), what) ? objectName : null;
        } catch (JMException | RuntimeException e) {
            StatusLogger.getLogger().warn("{}: could not register its MBean: {}", what, e.toString());
            return null;
        }
    }

    /** Takes the name back from {@code owner}, unless a newer owner has it by now. */
    public static void unregister(final ObjectName name, final Object owner, final String what) {
        synchronized (REGISTERED) {
            final Registration registration = REGISTERED.get(name);
            if (registration == null || registration.owner != owner) {
                return;
            }
            REGISTERED.remove(name);
            try {
                final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
                if (server.isRegistered(name)) {
                    server.unregisterMBean(name);
                }
            } catch (JMException | RuntimeException | LinkageError e) {
                StatusLogger.getLogger().warn("{}: could not unregister its MBean {}: {}", what, name, e.toString());
            }
        }
    }

    /** The bean registered last under {@code name}, whether or not JMX is on, or {@code null}. */
    public static Object bean(final ObjectName name) {
        final Registration registration = REGISTERED.get(name);
        return registration == null ? null : registration.bean;
    }
}
