package dev.narration.editorial;

import dev.narration.NarrationFields;
import dev.narration.internal.event.EventNarration;
import dev.narration.internal.jmx.MBeans;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.ContextDataInjector;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.core.config.plugins.PluginConfiguration;
import org.apache.logging.log4j.core.impl.ContextDataInjectorFactory;
import org.apache.logging.log4j.core.impl.ThreadContextDataInjector;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.status.StatusLogger;
import org.apache.logging.log4j.util.ReadOnlyStringMap;

/**
 * Enforces the editorial standard ({@link EditorialStandard}, docs/standard.md#editorial-standard) wherever Log4j accepts a filter.
 * A <em>match</em> is a conforming event: {@code onMatch} and {@code onMismatch} both default to NEUTRAL, so a bare
 * {@code <EditorialFilter/>} only counts and reports. Every violation is counted per level and rule
 * ({@link #violations()}, JMX) and reported through the status logger, rate-limited.
 *
 * <p>It reads the {@code human} sentence the way {@code NarrationJsonLayout} does ({@link EventNarration}), into
 * a per-thread buffer, once per check; a conforming event costs no allocation. Where it runs depends on where it
 * is placed (docs/editorial.md): configuration-wide it sees each logging call on the calling thread before any
 * event exists (the logger-level {@code filter} methods); on a logger, an AppenderRef or an appender it sees the
 * {@link LogEvent}, on the background thread with asynchronous loggers.
 */
@Plugin(name = EditorialFilter.PLUGIN_NAME, category = Node.CATEGORY, elementType = Filter.ELEMENT_TYPE, printObject = true)
public final class EditorialFilter extends LoggerCallFilter {
    static final String PLUGIN_NAME = "EditorialFilter";

    private final String name;
    private final EditorialStandard standard;
    private final ContextDataInjector contextInjector = ContextDataInjectorFactory.createInjector();
    private final boolean threadContextOnly =
            contextInjector.getClass() == ThreadContextDataInjector.ForDefaultThreadContextMap.class;
    private final ViolationCounters counters = new ViolationCounters();
    private final ViolationReporter reporter;
    private final ObjectName mbeanName;

    private EditorialFilter(final Builder builder, final String name, final EditorialStandard standard, final String contextName) {
        super(builder.getOnMatch(), builder.getOnMismatch());
        this.name = name;
        this.standard = standard;
        this.reporter = builder.report ? new ViolationReporter(name, standard, builder.reportIntervalSeconds) : null;
        this.mbeanName = builder.report
                ? MBeans.registerMXBean("type=" + PLUGIN_NAME + ",context=" + ObjectName.quote(contextName) + ",name="
                        + ObjectName.quote(name), this, mxBean(), EditorialFilterMXBean.class, component())
                : null;
    }

    @PluginBuilderFactory
    public static Builder newBuilder() {
        return new Builder();
    }

    /** The name this filter reports under (status logger, JMX). */
    public String getName() {
        return name;
    }

    /** The standard this filter enforces; use it in tests to check captured narration by the same rules. */
    public EditorialStandard standard() {
        return standard;
    }

    /** A snapshot of the violations counted so far. */
    public EditorialStats violations() {
        return counters.snapshot();
    }

    /** The JMX name of this filter's MBean, or {@code null} if it has none. */
    public ObjectName getMBeanName() {
        return mbeanName;
    }

    private String component() {
        return PLUGIN_NAME + " \"" + name + '"';
    }

    private EditorialFilterMXBean mxBean() {
        return new EditorialFilterMXBean() {
            @Override
            public Map<String, Long> getViolations() {
                return counters.snapshot().asMap();
            }

            @Override
            public long getTotalViolations() {
                return counters.snapshot().total();
            }

            @Override
            public String getStandard() {
                return standard.toString();
            }
        };
    }

    @Override
    public boolean stop(final long timeout, final TimeUnit timeUnit) {
        setStopping();
        if (mbeanName != null) {
            MBeans.unregister(mbeanName, this, component());
        }
        setStopped();
        return true;
    }

    // ---- The event, on a logger, an AppenderRef or an appender.

    @Override
    public Result filter(final LogEvent event) {
        final Level level = event.getLevel();
        if (level == null) {
            return Result.NEUTRAL;
        }
        final int band = LevelBand.of(level);
        final HumanScratch scratch = HumanScratch.acquire();
        try {
            final int mask = standard.violations(event, band, scratch.text);
            return decide(event.getLoggerName(), level, band, scratch.text, mask);
        } catch (RuntimeException e) {
            return failed(event.getLoggerName(), e);
        } finally {
            scratch.release();
        }
    }

    // ---- The rules.

    /** A logging call before its event exists: the context is what the event will carry (Log4j's injector). */
    @Override
    Result checkCall(
            final Logger logger, final Level level, final Message message, final CharSequence human, final Throwable thrown) {
        final int band = LevelBand.of(level);
        ReadOnlyStringMap context = null;
        boolean hasCorrelation = true;
        if (standard.needsCorrelation()) {
            context = callContext();
            hasCorrelation = EditorialStandard.present(EventNarration.correlationId(message, context, standard.correlationKey()));
        }
        boolean hasDiagnosis = true;
        if (standard.needsErrorDiagnosis(band)) {
            hasDiagnosis = thrown != null
                    || message != null && message.getThrowable() != null
                    || EventNarration.carries(message, context != null ? context : callContext(), standard.errorKindKey());
        }
        return decide(logger.getName(), level, band, human, standard.violations(band, human, hasCorrelation, hasDiagnosis));
    }

    /** What the event of a logging call will carry as context, read in place where Log4j's injector would copy it. */
    private ReadOnlyStringMap callContext() {
        return threadContextOnly ? ThreadContextView.INSTANCE : contextInjector.rawContextData();
    }

    /** Counts and reports the violations in {@code mask}, a mask of {@link EditorialRule} bits. */
    private Result decide(final String loggerName, final Level level, final int band, final CharSequence human, final int mask) {
        if (mask == 0) {
            return onMatch;
        }
        counters.record(band, mask);
        if (reporter != null) {
            reporter.report(loggerName, level, band, mask, human);
        }
        return onMismatch;
    }

    /**
     * A bug here must not cost the application its event: NEUTRAL lets the rest of the configuration decide, so
     * in the routing pattern the event reaches both appenders rather than neither.
     */
    @Override
    Result failed(final String loggerName, final RuntimeException e) {
        StatusLogger.getLogger().error("{} \"{}\" could not check an event of logger {}", PLUGIN_NAME, name, loggerName, e);
        return Result.NEUTRAL;
    }

    @Override
    public String toString() {
        return PLUGIN_NAME + "{name=" + name + ", " + standard + ", onMatch=" + onMatch + ", onMismatch=" + onMismatch + '}';
    }

    /**
     * Builds an {@link EditorialFilter}. Every attribute is optional; a bad value is reported through the status
     * logger (naming the attribute) and replaced by its default, so a typo never disables the filter.
     */
    public static final class Builder extends AbstractFilterBuilder<Builder>
            implements org.apache.logging.log4j.core.util.Builder<EditorialFilter> {
        @PluginConfiguration
        private Configuration configuration;

        @PluginBuilderAttribute
        private String name;

        @PluginBuilderAttribute
        private String trace;

        @PluginBuilderAttribute
        private String debug;

        @PluginBuilderAttribute
        private String info;

        @PluginBuilderAttribute
        private String warn;

        @PluginBuilderAttribute
        private String error;

        @PluginBuilderAttribute
        private String fatal;

        @PluginBuilderAttribute
        private boolean requireCorrelation = true;

        @PluginBuilderAttribute
        private String correlationKey = NarrationFields.CORRELATION_ID;

        @PluginBuilderAttribute
        private boolean requireErrorKind = true;

        @PluginBuilderAttribute
        private String errorKindKey = NarrationFields.ERROR_KIND;

        @PluginBuilderAttribute
        private boolean report = true;

        @PluginBuilderAttribute
        private long reportIntervalSeconds = EditorialAttributes.DEFAULT_REPORT_INTERVAL_SECONDS;

        private Builder() {
            // A bare filter must never drop an event: Log4j's builder defaults onMismatch to DENY.
            setOnMismatch(Result.NEUTRAL);
        }

        public Builder setConfiguration(final Configuration configuration) {
            this.configuration = configuration;
            return this;
        }

        /** The name in status-logger reports and the JMX name; default {@code EditorialFilter-<n>}, n counting up. */
        public Builder setName(final String name) {
            this.name = name;
            return this;
        }

        /** TRACE limit in code points, 0 = unlimited (the default). */
        public Builder setTrace(final int limit) {
            this.trace = Integer.toString(limit);
            return this;
        }

        /** DEBUG limit in code points, 0 = unlimited; default 150. */
        public Builder setDebug(final int limit) {
            this.debug = Integer.toString(limit);
            return this;
        }

        /** INFO limit in code points, 0 = unlimited; default 100. */
        public Builder setInfo(final int limit) {
            this.info = Integer.toString(limit);
            return this;
        }

        /** WARN limit in code points, 0 = unlimited; default 120. */
        public Builder setWarn(final int limit) {
            this.warn = Integer.toString(limit);
            return this;
        }

        /** ERROR limit in code points, 0 = unlimited; default 150. */
        public Builder setError(final int limit) {
            this.error = Integer.toString(limit);
            return this;
        }

        /** FATAL limit in code points, 0 = unlimited (the default). */
        public Builder setFatal(final int limit) {
            this.fatal = Integer.toString(limit);
            return this;
        }

        public Builder setRequireCorrelation(final boolean requireCorrelation) {
            this.requireCorrelation = requireCorrelation;
            return this;
        }

        public Builder setCorrelationKey(final String correlationKey) {
            this.correlationKey = correlationKey;
            return this;
        }

        public Builder setRequireErrorKind(final boolean requireErrorKind) {
            this.requireErrorKind = requireErrorKind;
            return this;
        }

        public Builder setErrorKindKey(final String errorKindKey) {
            this.errorKindKey = errorKindKey;
            return this;
        }

        /** Whether violations are reported through the status logger and JMX (they are always counted). */
        public Builder setReport(final boolean report) {
            this.report = report;
            return this;
        }

        /** After a logger's first violation of a rule, at most one report per rule per this many seconds. */
        public Builder setReportIntervalSeconds(final long seconds) {
            this.reportIntervalSeconds = seconds;
            return this;
        }

        @Override
        public EditorialFilter build() {
            final EditorialStandard standard = EditorialAttributes.standard(requireCorrelation, correlationKey,
                    requireErrorKind, errorKindKey, new String[] {trace, debug, info, warn, error, fatal});
            reportIntervalSeconds = EditorialAttributes.reportInterval(reportIntervalSeconds);
            final String contextName = configuration == null || configuration.getLoggerContext() == null
                    ? "none"
                    : configuration.getLoggerContext().getName();
            return new EditorialFilter(this, EditorialAttributes.filterName(name, configuration), standard, contextName);
        }
    }
}
