package dev.narration.buffer;

import dev.narration.internal.docs.DocPages;
import dev.narration.internal.event.EventNarration;
import dev.narration.internal.jmx.MBeans;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.management.ObjectName;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.impl.LocationAware;
import org.apache.logging.log4j.core.config.AppenderControl;
import org.apache.logging.log4j.core.config.AppenderRef;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.status.StatusLogger;
import org.apache.logging.log4j.util.PropertiesUtil;

/**
 * Holds each request's DEBUG and TRACE events and writes them only when the request fails (docs/buffering.md).
 * An event with a correlation id at {@code level} or less severe is held for its request; an event of that request
 * at {@code flushLevel} or more severe writes the held events first, in the order they were logged, then itself;
 * every other event passes straight through to the {@code <AppenderRef>}s. Held events are dropped, counted by
 * cause, when the request ends (its {@code Correlation} scope closes), when they are older than {@code maxAge},
 * when a cap needs room, and when the buffer stops.
 *
 * <p>It runs wherever its appender is called: on the logging thread with synchronous loggers, on the background
 * thread with asynchronous ones. One lock guards the held events, for O(1) work per event (or O(events dropped));
 * copying an event happens before it is taken, and writing a flush after it is released, so no I/O runs under it.
 */
@Plugin(name = RequestBuffer.PLUGIN_NAME, category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE, printObject = true)
public final class RequestBuffer extends AbstractAppender {
    static final String PLUGIN_NAME = "RequestBuffer";
    private static final AppenderControl[] NO_APPENDERS = {};

    private final BufferLimits limits;
    private final AppenderRef[] appenderRefs;
    private final Configuration configuration;
    private final BufferCounters counters = new BufferCounters();
    private final DropReporter reporter;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private final HeldRequests held;
    /** Guarded by {@link #lock}: once set, nothing more is held. */
    private boolean closed;
    private volatile AppenderControl[] appenders = NO_APPENDERS;
    private volatile boolean requiresLocation;
    private volatile boolean attached;
    private volatile LongSupplier nanoClock = System::nanoTime;
    private ObjectName mbeanName;

    private RequestBuffer(
            final String name,
            final Filter filter,
            final boolean ignoreExceptions,
            final Property[] properties,
            final BufferLimits limits,
            final AppenderRef[] appenderRefs,
            final Configuration configuration) {
        super(name, filter, null, ignoreExceptions, properties);
        this.limits = limits;
        this.appenderRefs = appenderRefs;
        this.configuration = configuration;
        this.reporter = new DropReporter(name, limits);
        this.held = new HeldRequests(limits, counters);
    }

    @PluginBuilderFactory
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Tells every started request buffer that a request ended, as the close of its last {@code Correlation} scope
     * on a thread does: the events held for it are dropped once every event logged before this call on this
     * thread has reached the buffer. For requests delimited some other way (a {@code ThreadContext} id set and
     * removed by hand). Does nothing when no buffer is started; never throws.
     */
    public static void endRequest(final String correlationId) {
        RequestEnds.signal(correlationId);
    }

    /** The JMX name of this buffer's MBean, or {@code null} if it has none. */
    public ObjectName getMBeanName() {
        return mbeanName;
    }

    @Override
    public void start() {
        appenders = resolve();
        for (final AppenderControl appender : appenders) {
            requiresLocation |= appender.getAppender() instanceof LocationAware
                    && ((LocationAware) appender.getAppender()).requiresLocation();
        }
        RequestEnds.attach(this, configuration);
        attached = true;
        mbeanName = MBeans.registerMXBean("type=" + PLUGIN_NAME + ",name=" + ObjectName.quote(getName()), this, mxBean(),
                RequestBufferMXBean.class, component());
        super.start();
    }

    @Override
    public boolean stop(final long timeout, final TimeUnit timeUnit) {
        setStopping();
        final long droppedEvents;
        final int droppedRequests;
        synchronized (lock) {
            closed = true;
            droppedRequests = held.requests();
            droppedEvents = held.clear();
            counters.onDropped(DropCause.STOP, droppedEvents);
        }
        if (attached) {
            attached = false;
            RequestEnds.detach(configuration);
        }
        if (mbeanName != null) {
            MBeans.unregister(mbeanName, this, component());
        }
        final String summary = "{} stopped: dropped {} held events of {} requests, never to be written; since it "
                + "started: {} (" + DocPages.BUFFERING + "#what-operators-see)";
        if (droppedEvents > 0) {
            StatusLogger.getLogger().warn(summary, component(), droppedEvents, droppedRequests, counters);
        } else {
            StatusLogger.getLogger().info(summary, component(), droppedEvents, droppedRequests, counters);
        }
        final boolean stopped = super.stop(timeout, timeUnit, false);
        setStopped();
        return stopped;
    }

    /** Whether an appender it writes to needs the location of events, which only the logging thread can take. */
    @Override
    public boolean requiresLocation() {
        return requiresLocation;
    }

    /** The end of a request is never filtered out: only this buffer acts on it, and it is never written. */
    @Override
    public boolean isFiltered(final LogEvent event) {
        return !(event.getMessage() instanceof RequestEnd) && super.isFiltered(event);
    }

    @Override
    public void append(final LogEvent event) {
        final Message message = event.getMessage();
        if (message instanceof RequestEnd) {
            end(((RequestEnd) message).correlationId());
            return;
        }
        final Level level = event.getLevel();
        if (level != null) {
            final int intLevel = level.intLevel();
            final boolean holds = intLevel >= limits.holdIntLevel;
            if (holds || intLevel <= limits.flushIntLevel) {
                final String id = correlationId(event);
                if (id != null && !id.isEmpty()) {
                    if (holds) {
                        if (hold(id, event)) {
                            return;
                        }
                    } else {
                        flush(id);
                    }
                }
            }
        }
        forward(event);
    }

    /** The one place this package reads an event's request. */
    private static String correlationId(final LogEvent event) {
        return EventNarration.correlationId(event);
    }

    /** Returns false if the event could not be held and must be written instead, rather than lost. */
    private boolean hold(final String id, final LogEvent event) {
        final int causes;
        try {
            final LogEvent copy = EventCopy.of(event);
            final int bytes = EventCopy.freeze(copy);
            synchronized (lock) {
                if (closed) {
                    counters.onHeld();
                    counters.onDropped(DropCause.STOP, 1);
                    return true;
                }
                causes = held.hold(id, copy, bytes, nanoClock.getAsLong());
            }
        } catch (RuntimeException e) {
            error(component() + " could not hold an event of logger " + event.getLoggerName() + " and writes it instead",
                    event, e);
            return false;
        }
        if (causes != 0) {
            reporter.report(causes);
        }
        return true;
    }

    /**
     * Writes the request's held events, oldest first. They are taken out under the lock (those older than maxAge
     * dropped there, a prefix) and written after it is released; a later event of the request is held anew.
     */
    private void flush(final String id) {
        final HeldEvents request;
        synchronized (lock) {
            request = held.takeToFlush(id, nanoClock.getAsLong());
        }
        if (request != null) {
            for (int i = 0; i < request.size(); i++) {
                forward(request.event(i));
            }
        }
    }

    private void end(final String id) {
        synchronized (lock) {
            held.end(id);
        }
    }

    private void forward(final LogEvent event) {
        for (final AppenderControl appender : appenders) {
            try {
                appender.callAppender(event);
            } catch (RuntimeException e) {
                error(component() + " could not write an event to appender " + appender.getAppenderName(), event, e);
            }
        }
    }

    private AppenderControl[] resolve() {
        final Map<String, Appender> configured = configuration.getAppenders();
        final List<AppenderControl> resolved = new ArrayList<>(appenderRefs.length);
        for (final AppenderRef ref : appenderRefs) {
            final Appender appender = configured.get(ref.getRef());
            if (appender == this) {
                StatusLogger.getLogger().error("{} <AppenderRef ref=\"{}\"> refers to the buffer itself; ignored "
                        + "(" + DocPages.BUFFERING + "#attributes)", component(), ref.getRef());
            } else if (appender == null) {
                StatusLogger.getLogger().error("{} <AppenderRef ref=\"{}\"> names no configured appender; ignored. "
                        + "Name one of {} (" + DocPages.BUFFERING + "#attributes)", component(), ref.getRef(), configured.keySet());
            } else {
                resolved.add(new AppenderControl(appender, ref.getLevel(), ref.getFilter()));
            }
        }
        if (resolved.isEmpty()) {
            StatusLogger.getLogger().error("{} has no <AppenderRef> to a configured appender, so it writes nothing: "
                    + "add <AppenderRef ref=\"…\"/> (" + DocPages.BUFFERING + "#attributes)", component());
        }
        return resolved.toArray(NO_APPENDERS);
    }

    private String component() {
        return PLUGIN_NAME + " \"" + getName() + '"';
    }

    /** For tests: the clock of {@code maxAge}, in nanoseconds. */
    void useClock(final LongSupplier clock) {
        this.nanoClock = clock;
    }

    BufferCounters counters() {
        return counters;
    }

    BufferLimits limits() {
        return limits;
    }

    /** Events, requests and estimated bytes held now, read together. */
    long[] heldNow() {
        synchronized (lock) {
            return new long[] {held.events(), held.requests(), held.bytes()};
        }
    }

    RequestBufferMXBean mxBean() {
        return new RequestBufferMXBean() {
            @Override
            public long getHeld() {
                return counters.held();
            }

            @Override
            public long getFlushed() {
                return counters.flushed();
            }

            @Override
            public long getFlushes() {
                return counters.flushes();
            }

            @Override
            public Map<String, Long> getDropped() {
                return counters.droppedByCause();
            }

            @Override
            public long getTotalDropped() {
                return counters.totalDropped();
            }

            @Override
            public long getHeldEventsNow() {
                return heldNow()[0];
            }

            @Override
            public long getHeldRequestsNow() {
                return heldNow()[1];
            }

            @Override
            public long getHeldBytesNow() {
                return heldNow()[2];
            }

            @Override
            public String getLimits() {
                return limits.toString();
            }
        };
    }

    @Override
    public String toString() {
        return PLUGIN_NAME + "{name=" + getName() + ", " + limits + '}';
    }

    /**
     * Builds a {@link RequestBuffer}. Every attribute but {@code name} is optional; a bad value is reported through
     * the status logger (naming the element, the attribute, the value and the default used) and replaced by its
     * default, so a typo never turns buffering off or unbounds it.
     */
    public static final class Builder extends AbstractAppender.Builder<Builder>
            implements org.apache.logging.log4j.core.util.Builder<RequestBuffer> {
        @PluginElement("AppenderRef")
        private AppenderRef[] appenderRefs;

        @PluginBuilderAttribute
        private String level;

        @PluginBuilderAttribute
        private String flushLevel;

        @PluginBuilderAttribute
        private String maxEvents;

        @PluginBuilderAttribute
        private String maxRequests;

        @PluginBuilderAttribute
        private String maxTotalEvents;

        @PluginBuilderAttribute
        private String maxTotalBytes;

        @PluginBuilderAttribute
        private String maxAge;

        @PluginBuilderAttribute
        private String reportIntervalSeconds;

        private Builder() {}

        /** The appenders that held and passing events are written to. */
        public Builder setAppenderRefs(final AppenderRef... appenderRefs) {
            this.appenderRefs = appenderRefs;
            return this;
        }

        /** Events with a correlation id at this level or less severe are held; default DEBUG. */
        public Builder setLevel(final Level level) {
            this.level = level == null ? null : level.name();
            return this;
        }

        /** An event at this level or more severe writes its request's held events; default ERROR. */
        public Builder setFlushLevel(final Level flushLevel) {
            this.flushLevel = flushLevel == null ? null : flushLevel.name();
            return this;
        }

        /** Events held per request, the oldest dropped first; default 1000. */
        public Builder setMaxEvents(final int maxEvents) {
            this.maxEvents = Integer.toString(maxEvents);
            return this;
        }

        /** Requests holding events at once, the least recently used dropped first; default 10000. */
        public Builder setMaxRequests(final int maxRequests) {
            this.maxRequests = Integer.toString(maxRequests);
            return this;
        }

        /** Events held by all requests together; default 100000. */
        public Builder setMaxTotalEvents(final int maxTotalEvents) {
            this.maxTotalEvents = Integer.toString(maxTotalEvents);
            return this;
        }

        /** Estimated bytes held by all requests together; default 64 MB. */
        public Builder setMaxTotalBytes(final long maxTotalBytes) {
            this.maxTotalBytes = Long.toString(maxTotalBytes);
            return this;
        }

        /** How long an event is held at most; default 60 s. */
        public Builder setMaxAge(final Duration maxAge) {
            this.maxAge = maxAge == null ? null : maxAge.toString();
            return this;
        }

        /** After a limit's first drop, at most one status report per limit per this many seconds; default 60. */
        public Builder setReportIntervalSeconds(final long seconds) {
            this.reportIntervalSeconds = Long.toString(seconds);
            return this;
        }

        @Override
        public RequestBuffer build() {
            final String name = getName();
            if (appenderRefs == null || appenderRefs.length == 0) {
                StatusLogger.getLogger().error("{} \"{}\" has no <AppenderRef>: it would write nothing. Add "
                        + "<AppenderRef ref=\"…\"/> naming the appender it writes to (" + DocPages.BUFFERING + "#attributes)", PLUGIN_NAME, name);
                return null;
            }
            if (getConfiguration() == null) {
                StatusLogger.getLogger().error("{} \"{}\" needs its configuration to find its appenders", PLUGIN_NAME, name);
                return null;
            }
            if (getLayout() != null) {
                StatusLogger.getLogger().warn("{} \"{}\" ignores its layout: the appenders of its <AppenderRef>s "
                        + "write with their own (" + DocPages.BUFFERING + "#where-to-put-it)", PLUGIN_NAME, name);
            }
            Level holdLevel = level(name, "level", level, BufferLimits.DEFAULT_LEVEL);
            Level flush = level(name, "flushLevel", flushLevel, BufferLimits.DEFAULT_FLUSH_LEVEL);
            if (flush.intLevel() >= holdLevel.intLevel()) {
                invalid(name, "flushLevel", flushLevel, "must be more severe than level=\"" + holdLevel + '"',
                        BufferLimits.DEFAULT_FLUSH_LEVEL.name());
                flush = BufferLimits.DEFAULT_FLUSH_LEVEL;
                if (flush.intLevel() >= holdLevel.intLevel()) {
                    invalid(name, "level", level, "must be less severe than flushLevel=\"" + flush + '"',
                            BufferLimits.DEFAULT_LEVEL.name());
                    holdLevel = BufferLimits.DEFAULT_LEVEL;
                }
            }
            final BufferLimits limits = new BufferLimits(
                    holdLevel,
                    flush,
                    count(name, "maxEvents", maxEvents, BufferLimits.DEFAULT_MAX_EVENTS),
                    count(name, "maxRequests", maxRequests, BufferLimits.DEFAULT_MAX_REQUESTS),
                    count(name, "maxTotalEvents", maxTotalEvents, BufferLimits.DEFAULT_MAX_TOTAL_EVENTS),
                    size(name, "maxTotalBytes", maxTotalBytes, BufferLimits.DEFAULT_MAX_TOTAL_BYTES),
                    age(name, maxAge),
                    interval(name, reportIntervalSeconds));
            return new RequestBuffer(name, getFilter(), isIgnoreExceptions(), getPropertyArray(), limits,
                    appenderRefs.clone(), getConfiguration());
        }

        private static Level level(final String name, final String attribute, final String value, final Level fallback) {
            if (value == null) {
                return fallback;
            }
            final Level parsed = Level.getLevel(value.trim().toUpperCase(Locale.ROOT));
            if (parsed == null || parsed == Level.OFF || parsed == Level.ALL) {
                invalid(name, attribute, value, "must name a level from TRACE to FATAL (or a custom level)", fallback.name());
                return fallback;
            }
            return parsed;
        }

        private static int count(final String name, final String attribute, final String value, final int fallback) {
            if (value == null) {
                return fallback;
            }
            try {
                final int parsed = Integer.parseInt(value.trim());
                if (parsed >= 1) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            invalid(name, attribute, value, "must be a whole number from 1 to " + Integer.MAX_VALUE, Integer.toString(fallback));
            return fallback;
        }

        private static long size(final String name, final String attribute, final String value, final long fallback) {
            if (value == null) {
                return fallback;
            }
            final long parsed = AttributeSyntax.parseSize(value);
            if (parsed >= 1) {
                return parsed;
            }
            invalid(name, attribute, value, "must be a size of at least 1 byte, such as 64 MB, 512 KB or 1048576",
                    AttributeSyntax.formatSize(fallback));
            return fallback;
        }

        private static Duration age(final String name, final String value) {
            final Duration fallback = BufferLimits.DEFAULT_MAX_AGE;
            if (value == null) {
                return fallback;
            }
            final Duration parsed = AttributeSyntax.parseDuration(value);
            if (parsed != null && !parsed.isNegative() && !parsed.isZero() && parsed.compareTo(Duration.ofDays(1)) <= 0) {
                return parsed;
            }
            invalid(name, "maxAge", value, "must be a duration from 1ms to 24h with its unit, such as 60s, 500ms or 5m",
                    AttributeSyntax.formatDuration(fallback));
            return fallback;
        }

        private static long interval(final String name, final String value) {
            final long fallback = BufferLimits.DEFAULT_REPORT_INTERVAL_SECONDS;
            if (value == null) {
                return fallback;
            }
            try {
                final long parsed = Long.parseLong(value.trim());
                if (parsed >= 0 && parsed <= TimeUnit.DAYS.toSeconds(365)) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            invalid(name, "reportIntervalSeconds", value, "must be a whole number of seconds from 0 to a year",
                    Long.toString(fallback));
            return fallback;
        }

        private static void invalid(
                final String name, final String attribute, final String value, final String rule, final String fallback) {
            StatusLogger.getLogger().error("{} \"{}\" attribute {}=\"{}\" is invalid: it {}; using the default {} "
                    + "(" + DocPages.BUFFERING + "#attributes)", PLUGIN_NAME, name, attribute, value, rule, fallback);
        }
    }
}
