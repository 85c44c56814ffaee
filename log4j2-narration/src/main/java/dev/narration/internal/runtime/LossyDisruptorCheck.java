package dev.narration.internal.runtime;

import dev.narration.internal.docs.DocPages;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.async.AsyncLoggerConfig;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.status.StatusLogger;
import org.apache.logging.log4j.util.PropertiesUtil;

/**
 * Warns at start-up, through the status logger at ERROR level (printed even without {@code status="WARN"}), when
 * asynchronous loggers run on a Disruptor version that silently discards events: Disruptor 4.x with Log4j up to
 * 2.26.1. There, a producer blocked on a full ring buffer has already claimed its slot, so Log4j reads a negative
 * remaining capacity and drops the next producers' events without a word (docs/async.md, "Disruptor 4").
 *
 * <p>The bundle's plugins call {@link #warnIfLossy(Configuration)} when they are built; it warns once per JVM.
 */
public final class LossyDisruptorCheck {
    /** The last Log4j release known to lose events on Disruptor 4. */
    static final int[] LAST_AFFECTED_LOG4J = {2, 26, 1};

    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private LossyDisruptorCheck() {}

    /** Checks the running Log4j and Disruptor and reports a losing combination, once per JVM. Never throws. */
    public static void warnIfLossy(final Configuration configuration) {
        warnIfLossy(configuration, LoggerContext.class.getClassLoader());
    }

    /** As {@link #warnIfLossy(Configuration)}, finding the Disruptor through the given class loader. */
    static void warnIfLossy(final Configuration configuration, final ClassLoader loader) {
        if (WARNED.get()) {
            return;
        }
        try {
            final int disruptorMajor = disruptorMajorVersion(loader);
            if (disruptorMajor == 0) {
                return; // no Disruptor: no asynchronous loggers either
            }
            final String problem = problem(
                    usesAsyncLoggers(configuration), disruptorMajor, LoggerContext.class.getPackage().getImplementationVersion());
            if (problem != null && WARNED.compareAndSet(false, true)) {
                StatusLogger.getLogger().error(problem);
            }
        } catch (RuntimeException | LinkageError e) {
            StatusLogger.getLogger().debug("log4j2-narration could not check the Disruptor version", e);
        }
    }

    /**
     * The warning for this combination, or {@code null} when it does not lose events. An unknown Log4j version on
     * Disruptor 4 is reported too: nothing shows it is fixed.
     */
    static String problem(final boolean asyncLoggers, final int disruptorMajor, final String log4jVersion) {
        if (!asyncLoggers || disruptorMajor < 4 || isAfterLastAffected(log4jVersion)) {
            return null;
        }
        return "log4j2-narration: asynchronous loggers are running on LMAX Disruptor " + disruptorMajor
                + ".x with Log4j " + (log4jVersion == null ? "(unknown version)" : log4jVersion)
                + ". This combination SILENTLY DISCARDS EVENTS when two or more threads log into a full ring buffer"
                + " (Disruptor 4 claims a slot before waiting, Log4j then sees a negative remaining capacity and"
                + " routes the event to DISCARD). Use com.lmax:disruptor:3.4.4 — see " + DocPages.ASYNC + "#disruptor-4-loses-events";
    }

    static boolean isAfterLastAffected(final String version) {
        if (version == null) {
            return false;
        }
        final String[] parts = version.split("[.-]");
        for (int i = 0; i < LAST_AFFECTED_LOG4J.length; i++) {
            final int part;
            try {
                part = i < parts.length ? Integer.parseInt(parts[i]) : 0;
            } catch (NumberFormatException e) {
                return false;
            }
            if (part != LAST_AFFECTED_LOG4J[i]) {
                return part > LAST_AFFECTED_LOG4J[i];
            }
        }
        return false;
    }

    /** 3 or 4 the way Log4j tells them apart (a class that 4.0 removed), or 0 without a Disruptor. */
    static int disruptorMajorVersion(final ClassLoader loader) {
        if (!ClassPresence.isPresent("com.lmax.disruptor.RingBuffer", loader)) {
            return 0;
        }
        return ClassPresence.isPresent("com.lmax.disruptor.SequenceReportingEventHandler", loader) ? 3 : 4;
    }

    /** All-async loggers (the context selector) or {@code <AsyncLogger>}/{@code <AsyncRoot>} elements. */
    private static boolean usesAsyncLoggers(final Configuration configuration) {
        final String selector = PropertiesUtil.getProperties().getStringProperty("log4j2.contextSelector");
        if (selector != null && selector.contains("AsyncLoggerContextSelector")) {
            return true;
        }
        if (configuration == null) {
            return false;
        }
        if (configuration.getLoggerContext() instanceof AsyncLoggerContext) {
            return true;
        }
        if (configuration.getRootLogger() instanceof AsyncLoggerConfig) {
            return true;
        }
        for (final LoggerConfig logger : configuration.getLoggers().values()) {
            if (logger instanceof AsyncLoggerConfig) {
                return true;
            }
        }
        return false;
    }
}
