package dev.narration.buffer;

import dev.narration.internal.correlation.ScopeEnds;
import dev.narration.internal.docs.DocPages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AsyncAppender;
import org.apache.logging.log4j.core.async.AsyncLoggerConfig;
import org.apache.logging.log4j.core.config.AppenderRef;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.spi.ExtendedLogger;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Carries the end of a request to the request buffers along the path of the request's events, so that it arrives
 * after every event the request logged before it (docs/buffering.md, "When a request ends").
 *
 * <p>The end is an event: level TRACE, marker {@value #MARKER_NAME}, a {@link RequestEnd} message, logged through
 * the logger {@value #LOGGER_NAME} of each logger context that has a started buffer. Each such configuration gets a
 * logger config of that name, added when its first buffer starts, non-additive and referring to its buffers only,
 * so no other appender sees the event. It is logged with {@code logMessage}, which no level or configuration-wide
 * filter stops, and its logger config shares the queue of the request's events:
 * <ul>
 *   <li>synchronous loggers: the end reaches the buffers on the calling thread, after the events it logged;</li>
 *   <li>all-async loggers ({@code AsyncLoggerContextSelector}): the logger is an async logger of the same context,
 *       so the end takes the same ring buffer and the background thread sees it after them;</li>
 *   <li>mixed {@code <AsyncLogger>}: when the configuration has any, the logger config is an async one too and
 *       shares their queue; events of synchronous loggers reached the buffer before the end was logged;</li>
 *   <li>a buffer behind an {@code <Async>} appender: the end goes through that appender, when it feeds request
 *       buffers only; otherwise the buffer warns at start that the end may overtake queued events.</li>
 * </ul>
 * With no buffer started, {@link ScopeEnds} has no routes to log to and nothing is logged.
 */
final class RequestEnds {
    static final String LOGGER_NAME = "dev.narration.buffer.RequestEnd";
    static final String MARKER_NAME = "NARRATION_REQUEST_END";
    static final Marker MARKER = MarkerManager.getMarker(MARKER_NAME);
    private static final String FQCN = RequestEnds.class.getName();
    private static final String LOGGER_CONFIG_COMPONENT = RequestEnds.class.getName() + ".loggerConfig";
    private static final Route[] NO_ROUTES = {};

    private static final Object LOCK = new Object();
    private static volatile Route[] routes = NO_ROUTES;

    private RequestEnds() {}

    /** One logger context with started buffers. */
    private static final class Route {
        final LoggerContext context;
        int buffers;
        private volatile ExtendedLogger logger;

        Route(final LoggerContext context) {
            this.context = context;
        }

        void logEnd(final String correlationId) {
            ExtendedLogger current = logger;
            if (current == null) {
                current = context.getLogger(LOGGER_NAME);
                logger = current;
            }
            current.logMessage(FQCN, Level.TRACE, MARKER, new RequestEnd(correlationId), null);
        }
    }

    /** Tells every buffer of every context that the request ended; what each held for it is dropped. */
    static void signal(final String correlationId) {
        final Route[] current = routes;
        if (current.length == 0 || correlationId == null || correlationId.isEmpty()) {
            return;
        }
        for (final Route route : current) {
            try {
                route.logEnd(correlationId);
            } catch (RuntimeException e) {
                StatusLogger.getLogger().error("{}: could not log the end of a request to logger context {}",
                        RequestBuffer.PLUGIN_NAME, route.context.getName(), e);
            }
        }
    }

    /** At a buffer's start: the path of the ends to it, in its configuration, and a route to its context. */
    static void attach(final RequestBuffer buffer, final Configuration configuration) {
        final LoggerContext context = configuration.getLoggerContext();
        synchronized (LOCK) {
            final LoggerConfig endLogger = endLogger(configuration);
            if (endLogger != null) {
                final Appender entry = entryOf(buffer, configuration);
                if (!endLogger.getAppenders().containsKey(entry.getName())) {
                    endLogger.addAppender(entry, null, null);
                }
            }
            if (context == null) {
                StatusLogger.getLogger().warn("{} \"{}\": its configuration has no logger context, so the end of a "
                        + "request cannot reach it; held events go after maxAge", RequestBuffer.PLUGIN_NAME, buffer.getName());
                return;
            }
            Route route = routeOf(context);
            if (route == null) {
                route = new Route(context);
                final Route[] grown = Arrays.copyOf(routes, routes.length + 1);
                grown[grown.length - 1] = route;
                routes = grown;
            }
            route.buffers++;
            ScopeEnds.listen(RequestEnds::signal);
        }
    }

    /** At a buffer's stop: its context's route goes with the last buffer of the context. */
    static void detach(final Configuration configuration) {
        final LoggerContext context = configuration.getLoggerContext();
        if (context == null) {
            return;
        }
        synchronized (LOCK) {
            final Route route = routeOf(context);
            if (route == null || --route.buffers > 0) {
                return;
            }
            final List<Route> kept = new ArrayList<>(Arrays.asList(routes));
            kept.remove(route);
            routes = kept.toArray(NO_ROUTES);
        }
    }

    private static Route routeOf(final LoggerContext context) {
        for (final Route route : routes) {
            if (route.context == context) {
                return route;
            }
        }
        return null;
    }

    /** The configuration's logger config for ends, added at the first buffer; {@code null} if the user has one. */
    private static LoggerConfig endLogger(final Configuration configuration) {
        final LoggerConfig ours = configuration.getComponent(LOGGER_CONFIG_COMPONENT);
        if (ours != null) {
            return ours;
        }
        if (configuration.getLoggers().containsKey(LOGGER_NAME)) {
            StatusLogger.getLogger().warn("{}: the configuration has its own <Logger name=\"{}\">, so the end of a "
                    + "request follows it rather than going to the request buffers only; remove it "
                    + "(" + DocPages.BUFFERING + "#when-a-request-ends)", RequestBuffer.PLUGIN_NAME, LOGGER_NAME);
            return null;
        }
        final LoggerConfig created = hasAsyncLoggers(configuration)
                ? AsyncLoggerConfig.newAsyncBuilder().withLoggerName(LOGGER_NAME).withLevel(Level.TRACE)
                        .withAdditivity(false).withIncludeLocation("false").withConfig(configuration)
                        .withRefs(new AppenderRef[0]).build()
                : LoggerConfig.newBuilder().withLoggerName(LOGGER_NAME).withLevel(Level.TRACE)
                        .withAdditivity(false).withIncludeLocation("false").withConfig(configuration)
                        .withRefs(new AppenderRef[0]).build();
        configuration.addLogger(LOGGER_NAME, created);
        configuration.addComponent(LOGGER_CONFIG_COMPONENT, created);
        created.start();
        return created;
    }

    private static boolean hasAsyncLoggers(final Configuration configuration) {
        if (configuration.getRootLogger() instanceof AsyncLoggerConfig) {
            return true;
        }
        for (final LoggerConfig loggerConfig : configuration.getLoggers().values()) {
            if (loggerConfig instanceof AsyncLoggerConfig) {
                return true;
            }
        }
        return false;
    }

    /**
     * The appender the ends enter by: the {@code <Async>} appender in front of the buffer when it feeds request
     * buffers only (so that the end queues behind the events), else the buffer itself.
     */
    private static Appender entryOf(final RequestBuffer buffer, final Configuration configuration) {
        final Map<String, Appender> appenders = configuration.getAppenders();
        for (final Appender appender : appenders.values()) {
            if (!(appender instanceof AsyncAppender)) {
                continue;
            }
            final List<String> refs = Arrays.asList(((AsyncAppender) appender).getAppenderRefStrings());
            if (!refs.contains(buffer.getName())) {
                continue;
            }
            final String other = refs.stream().filter(ref -> !(appenders.get(ref) instanceof RequestBuffer))
                    .findFirst().orElse(null);
            if (other == null) {
                return appender;
            }
            StatusLogger.getLogger().warn("{} \"{}\" is behind the Async appender \"{}\", which also feeds \"{}\": the end "
                    + "of a request reaches the buffer directly and can overtake the request's events still queued "
                    + "there, whose held events then go after maxAge. Put the RequestBuffer in front of the Async "
                    + "appender (" + DocPages.BUFFERING + "#where-to-put-it)", RequestBuffer.PLUGIN_NAME, buffer.getName(), appender.getName(), other);
        }
        return buffer;
    }
}
