package dev.narration.editorial;

import dev.narration.Narration;
import dev.narration.NarrationFields;
import dev.narration.event.EventNarration;
import dev.narration.internal.jmx.MBeanRegistration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.ObjectName;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
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
import org.apache.logging.log4j.core.filter.AbstractFilter;
import org.apache.logging.log4j.core.impl.ContextDataInjectorFactory;
import org.apache.logging.log4j.core.impl.ThreadContextDataInjector;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ReusableParameterizedMessage;
import org.apache.logging.log4j.status.StatusLogger;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.StringBuilderFormattable;

/**
 * Enforces the editorial standard ({@link EditorialStandard}, NARRATION.md §6) wherever Log4j accepts a filter.
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
public final class EditorialFilter extends AbstractFilter {
    static final String PLUGIN_NAME = "EditorialFilter";
    private static final String SEQUENCE_COMPONENT = EditorialFilter.class.getName() + ".sequence";

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
                ? MBeanRegistration.register(MBeanRegistration.DOMAIN + ":type=" + PLUGIN_NAME
                        + ",context=" + ObjectName.quote(contextName) + ",name=" + ObjectName.quote(name),
                        this, mxBean(), EditorialFilterMXBean.class, component())
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
            MBeanRegistration.unregister(mbeanName, this, component());
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
            final StringBuilder human = scratch.text;
            formatHuman(event.getMessage(), human);
            final Message message = event.getMessage();
            final boolean hasCorrelation = !standard.needsCorrelation()
                    || EditorialStandard.present(EventNarration.correlationId(message, event.getContextData(), standard.correlationKey()));
            final boolean hasDiagnosis = !standard.needsErrorDiagnosis(band)
                    || event.getThrown() != null
                    || hasErrorKind(message, event.getContextData());
            return decide(event.getLoggerName(), level, band, human, hasCorrelation, hasDiagnosis);
        } catch (RuntimeException e) {
            return failed(event.getLoggerName(), e);
        } finally {
            scratch.release();
        }
    }

    // ---- Logger-level calls: a configuration-wide filter, on the calling thread, before an event exists.

    @Override
    public Result filter(final Logger logger, final Level level, final Marker marker, final Message msg, final Throwable t) {
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        final HumanScratch scratch = HumanScratch.acquire();
        try {
            formatHuman(msg, scratch.text);
            return checkCall(logger, level, msg, scratch.text, t);
        } catch (RuntimeException e) {
            return failed(logger.getName(), e);
        } finally {
            scratch.release();
        }
    }

    @Override
    public Result filter(final Logger logger, final Level level, final Marker marker, final Object msg, final Throwable t) {
        if (msg instanceof Message) {
            return filter(logger, level, marker, (Message) msg, t);
        }
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        if (msg instanceof CharSequence) {
            try {
                return checkCall(logger, level, null, (CharSequence) msg, t);
            } catch (RuntimeException e) {
                return failed(logger.getName(), e);
            }
        }
        final HumanScratch scratch = HumanScratch.acquire();
        try {
            if (msg instanceof StringBuilderFormattable) {
                ((StringBuilderFormattable) msg).formatTo(scratch.text);
            } else {
                scratch.text.append(msg);
            }
            return checkCall(logger, level, null, scratch.text, t);
        } catch (RuntimeException e) {
            return failed(logger.getName(), e);
        } finally {
            scratch.release();
        }
    }

    @Override
    public Result filter(final Logger logger, final Level level, final Marker marker, final String msg) {
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        try {
            return checkCall(logger, level, null, msg, null);
        } catch (RuntimeException e) {
            return failed(logger.getName(), e);
        }
    }

    @Override
    public Result filter(final Logger logger, final Level level, final Marker marker, final String msg, final Object... params) {
        if (params == null || params.length == 0) {
            return filter(logger, level, marker, msg);
        }
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        final HumanScratch scratch = HumanScratch.acquire();
        return checkParameterized(logger, level, scratch, scratch.parameterized().set(msg, params));
    }

    @Override
    public Result filter(final Logger logger, final Level level, final Marker marker, final String msg, final Object p0) {
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        final HumanScratch scratch = HumanScratch.acquire();
        return checkParameterized(logger, level, scratch, scratch.parameterized().set(msg, p0));
    }

    @Override
    public Result filter(
            final Logger logger, final Level level, final Marker marker, final String msg, final Object p0, final Object p1) {
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        final HumanScratch scratch = HumanScratch.acquire();
        return checkParameterized(logger, level, scratch, scratch.parameterized().set(msg, p0, p1));
    }

    @Override
    public Result filter(
            final Logger logger,
            final Level level,
            final Marker marker,
            final String msg,
            final Object p0,
            final Object p1,
            final Object p2) {
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        final HumanScratch scratch = HumanScratch.acquire();
        return checkParameterized(logger, level, scratch, scratch.parameterized().set(msg, p0, p1, p2));
    }

    @Override
    public Result filter(
            final Logger logger,
            final Level level,
            final Marker marker,
            final String msg,
            final Object p0,
            final Object p1,
            final Object p2,
            final Object p3) {
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        final HumanScratch scratch = HumanScratch.acquire();
        return checkParameterized(logger, level, scratch, scratch.parameterized().set(msg, p0, p1, p2, p3));
    }

    @Override
    public Result filter(
            final Logger logger,
            final Level level,
            final Marker marker,
            final String msg,
            final Object p0,
            final Object p1,
            final Object p2,
            final Object p3,
            final Object p4) {
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        final HumanScratch scratch = HumanScratch.acquire();
        return checkParameterized(logger, level, scratch, scratch.parameterized().set(msg, p0, p1, p2, p3, p4));
    }

    @Override
    public Result filter(
            final Logger logger,
            final Level level,
            final Marker marker,
            final String msg,
            final Object p0,
            final Object p1,
            final Object p2,
            final Object p3,
            final Object p4,
            final Object p5) {
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        final HumanScratch scratch = HumanScratch.acquire();
        return checkParameterized(logger, level, scratch, scratch.parameterized().set(msg, p0, p1, p2, p3, p4, p5));
    }

    @Override
    public Result filter(
            final Logger logger,
            final Level level,
            final Marker marker,
            final String msg,
            final Object p0,
            final Object p1,
            final Object p2,
            final Object p3,
            final Object p4,
            final Object p5,
            final Object p6) {
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        final HumanScratch scratch = HumanScratch.acquire();
        return checkParameterized(logger, level, scratch, scratch.parameterized().set(msg, p0, p1, p2, p3, p4, p5, p6));
    }

    @Override
    public Result filter(
            final Logger logger,
            final Level level,
            final Marker marker,
            final String msg,
            final Object p0,
            final Object p1,
            final Object p2,
            final Object p3,
            final Object p4,
            final Object p5,
            final Object p6,
            final Object p7) {
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        final HumanScratch scratch = HumanScratch.acquire();
        return checkParameterized(logger, level, scratch, scratch.parameterized().set(msg, p0, p1, p2, p3, p4, p5, p6, p7));
    }

    @Override
    public Result filter(
            final Logger logger,
            final Level level,
            final Marker marker,
            final String msg,
            final Object p0,
            final Object p1,
            final Object p2,
            final Object p3,
            final Object p4,
            final Object p5,
            final Object p6,
            final Object p7,
            final Object p8) {
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        final HumanScratch scratch = HumanScratch.acquire();
        return checkParameterized(logger, level, scratch, scratch.parameterized().set(msg, p0, p1, p2, p3, p4, p5, p6, p7, p8));
    }

    @Override
    public Result filter(
            final Logger logger,
            final Level level,
            final Marker marker,
            final String msg,
            final Object p0,
            final Object p1,
            final Object p2,
            final Object p3,
            final Object p4,
            final Object p5,
            final Object p6,
            final Object p7,
            final Object p8,
            final Object p9) {
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        final HumanScratch scratch = HumanScratch.acquire();
        return checkParameterized(logger, level, scratch, scratch.parameterized().set(msg, p0, p1, p2, p3, p4, p5, p6, p7, p8, p9));
    }

    // ---- The rules.

    /**
     * Logger-level calls come for every call, also below the logger's level and for {@code isDebugEnabled()}-style
     * probes (a {@code null} message): those are left to the level check, so they are neither formatted nor counted.
     */
    private static boolean skip(final Logger logger, final Level level, final Object message) {
        if (message == null || level == null || logger == null) {
            return true;
        }
        final Level threshold = logger.getLevel();
        return threshold != null && !level.isMoreSpecificThan(threshold);
    }

    /**
     * Checks a pattern and its arguments, set on the scratch's reusable message by the caller (setting only stores
     * references and finds the placeholders; it does not format or call into the arguments), and releases the
     * scratch.
     */
    private Result checkParameterized(
            final Logger logger, final Level level, final HumanScratch scratch, final ReusableParameterizedMessage message) {
        try {
            message.formatTo(scratch.text);
            return checkCall(logger, level, message, scratch.text, null);
        } catch (RuntimeException e) {
            return failed(logger.getName(), e);
        } finally {
            scratch.release();
        }
    }

    /** A logging call before its event exists: the context is what the event will carry (Log4j's injector). */
    private Result checkCall(
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
                    || hasErrorKind(message, context != null ? context : callContext());
        }
        return decide(logger.getName(), level, band, human, hasCorrelation, hasDiagnosis);
    }

    /** What the event of a logging call will carry as context, read in place where Log4j's injector would copy it. */
    private ReadOnlyStringMap callContext() {
        return threadContextOnly ? ThreadContextView.INSTANCE : contextInjector.rawContextData();
    }

    private Result decide(
            final String loggerName,
            final Level level,
            final int band,
            final CharSequence human,
            final boolean hasCorrelation,
            final boolean hasDiagnosis) {
        final int mask = standard.violations(band, human, hasCorrelation, hasDiagnosis);
        if (mask == 0) {
            return onMatch;
        }
        counters.record(band, mask);
        if (reporter != null) {
            reporter.report(loggerName, level, band, mask, human);
        }
        return onMismatch;
    }

    /** An unreadable sentence is a blank one: the rules then say so, rather than the application seeing an error. */
    private static void formatHuman(final Message message, final StringBuilder human) {
        try {
            EventNarration.formatHuman(message, human);
        } catch (RuntimeException e) {
            human.setLength(0);
        }
    }

    private boolean hasErrorKind(final Message message, final ReadOnlyStringMap context) {
        final String key = standard.errorKindKey();
        if (message instanceof Narration && ((Narration) message).indexOf(key) >= 0) {
            return true;
        }
        if (message instanceof MapMessage && ((MapMessage<?, ?>) message).containsKey(key)) {
            return true;
        }
        return context != null && context.getValue(key) != null;
    }

    /**
     * A bug here must not cost the application its event: NEUTRAL lets the rest of the configuration decide, so
     * in the routing pattern the event reaches both appenders rather than neither.
     */
    private Result failed(final String loggerName, final RuntimeException e) {
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
        private long reportIntervalSeconds = 60;

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
            EditorialStandard standard = EditorialStandard.defaults()
                    .withCorrelationRequired(requireCorrelation)
                    .withErrorKindRequired(requireErrorKind)
                    .withCorrelationKey(key("correlationKey", correlationKey, NarrationFields.CORRELATION_ID))
                    .withErrorKindKey(key("errorKindKey", errorKindKey, NarrationFields.ERROR_KIND));
            standard = limit(standard, Level.TRACE, "trace", trace);
            standard = limit(standard, Level.DEBUG, "debug", debug);
            standard = limit(standard, Level.INFO, "info", info);
            standard = limit(standard, Level.WARN, "warn", warn);
            standard = limit(standard, Level.ERROR, "error", error);
            standard = limit(standard, Level.FATAL, "fatal", fatal);
            if (reportIntervalSeconds < 0) {
                invalid("reportIntervalSeconds", Long.toString(reportIntervalSeconds), "must be >= 0", "60");
                reportIntervalSeconds = 60;
            }
            final String contextName = configuration == null || configuration.getLoggerContext() == null
                    ? "none"
                    : configuration.getLoggerContext().getName();
            return new EditorialFilter(this, filterName(), standard, contextName);
        }

        private String filterName() {
            if (name != null && !name.isBlank()) {
                return name;
            }
            if (configuration == null) {
                return PLUGIN_NAME;
            }
            configuration.addComponent(SEQUENCE_COMPONENT, new AtomicInteger());
            final AtomicInteger sequence = configuration.getComponent(SEQUENCE_COMPONENT);
            return PLUGIN_NAME + '-' + sequence.incrementAndGet();
        }

        private static EditorialStandard limit(
                final EditorialStandard standard, final Level level, final String attribute, final String value) {
            if (value == null) {
                return standard;
            }
            try {
                final int limit = Integer.parseInt(value.trim());
                if (limit >= 0) {
                    return standard.withLimit(level, limit);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            final int fallback = standard.limit(level);
            invalid(attribute, value, "must be a whole number of code points >= 0 (0 = unlimited)",
                    fallback == EditorialStandard.UNLIMITED ? "unlimited" : Integer.toString(fallback));
            return standard;
        }

        private static String key(final String attribute, final String value, final String fallback) {
            if (value == null || value.isBlank()) {
                invalid(attribute, String.valueOf(value), "must not be blank", fallback);
                return fallback;
            }
            return value;
        }

        private static void invalid(final String attribute, final String value, final String rule, final String fallback) {
            StatusLogger.getLogger().error("{} attribute {}=\"{}\" is invalid: it {}; using the default {}",
                    PLUGIN_NAME, attribute, value, rule, fallback);
        }
    }
}
