package dev.narration.testing;

import dev.narration.editorial.EditorialStandard;
import dev.narration.editorial.EditorialViolation;
import dev.narration.event.NarrationReader;
import dev.narration.layout.NarrationJsonLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Captures the narration of a {@link LoggerContext} in unit tests: events, not text, so a test asserts what a
 * request narrated rather than how a layout printed it. Needs no test framework. The test kit's artifact,
 * {@code dev.narration:log4j2-narration-testing}, is for the test scope (docs/testing.md).
 *
 * <pre>{@code
 * try (NarrationCapture capture = NarrationCapture.attach(LoggerContext.getContext(false))) {
 *     service.handle(request);
 *     List<CapturedNarration> events = capture.awaitEvents(2, Duration.ofSeconds(5));
 *     assertEquals("accept", events.get(0).action());
 *     assertEquals(events.get(0).correlationId(), events.get(1).correlationId());
 * }
 * }</pre>
 *
 * <p>The capture is attached where each event's journey through the logger configurations ends: the root and
 * every non-additive logger configuration, so it sees every event once, whatever the additivity; a
 * reconfiguration replaces it. With asynchronous loggers
 * events arrive on the background thread: use {@link #awaitEvents(int, Duration)}, which waits at most the given
 * time.
 */
public final class NarrationCapture implements AutoCloseable {
    private final LoggerContext context;
    private final Configuration configuration;
    private final CaptureAppender appender;

    private NarrationCapture(final LoggerContext context, final NarrationReader reader) {
        this.context = context;
        this.configuration = context.getConfiguration();
        this.appender = new CaptureAppender("NarrationCapture-" + System.identityHashCode(this), reader);
        appender.start();
        for (final LoggerConfig logger : loggerConfigs()) {
            logger.addAppender(appender, null, null);
        }
        context.updateLoggers();
    }

    /**
     * Starts capturing every event of the context, read as the first {@code NarrationJsonLayout} of its appenders
     * writes them (its actor rule and names, its context value types); by the default {@code package} rule, with
     * context values as they are, when it has none.
     */
    public static NarrationCapture attach(final LoggerContext context) {
        return new NarrationCapture(Objects.requireNonNull(context, "context"), readerOf(context.getConfiguration()));
    }

    private static NarrationReader readerOf(final Configuration configuration) {
        for (final Appender appender : configuration.getAppenders().values()) {
            if (appender.getLayout() instanceof NarrationJsonLayout) {
                return ((NarrationJsonLayout) appender.getLayout()).reader();
            }
        }
        return NarrationReader.defaults();
    }

    /**
     * Starts capturing, inferring actors by the given rule, spelled as your layout's {@code actorRule} attribute:
     * {@code package}, {@code class} or {@code logger}.
     *
     * @throws IllegalArgumentException for another rule name
     */
    public static NarrationCapture attach(final LoggerContext context, final String actorRule) {
        return new NarrationCapture(Objects.requireNonNull(context, "context"), NarrationReader.withActorRule(actorRule));
    }

    /**
     * Starts capturing, reading each event with the given reader: to infer actors as a layout with
     * {@code <Actor>} prefixes does, {@code NarrationReader.withActors("package", Map.of("org.springframework",
     * "spring"))}.
     */
    public static NarrationCapture attach(final LoggerContext context, final NarrationReader reader) {
        return new NarrationCapture(Objects.requireNonNull(context, "context"), Objects.requireNonNull(reader, "reader"));
    }

    /**
     * Fails with an {@link AssertionError} that lists every violation (logger, level, rule, detail and sentence)
     * if any of the events breaks the standard, by the rules an {@code EditorialFilter} with it applies. Works with
     * any test framework.
     */
    public static void assertConforms(final EditorialStandard standard, final Collection<CapturedNarration> events) {
        final List<EditorialViolation> found = new ArrayList<>();
        for (final CapturedNarration event : events) {
            found.addAll(event.violations(standard));
        }
        if (!found.isEmpty()) {
            final StringBuilder text = new StringBuilder()
                    .append(found.size())
                    .append(found.size() == 1 ? " editorial violation" : " editorial violations")
                    .append(" in ")
                    .append(events.size())
                    .append(" events:");
            for (final EditorialViolation violation : found) {
                text.append("\n  ").append(violation);
            }
            throw new AssertionError(text.toString());
        }
    }

    /** The events captured so far, in the order they were appended. */
    public List<CapturedNarration> events() {
        synchronized (appender.events) {
            return List.copyOf(appender.events);
        }
    }

    /** The captured events that match a condition. */
    public List<CapturedNarration> events(final Predicate<? super CapturedNarration> condition) {
        final List<CapturedNarration> matching = new ArrayList<>();
        for (final CapturedNarration event : events()) {
            if (condition.test(event)) {
                matching.add(event);
            }
        }
        return matching;
    }

    /** The captured events of one correlation id, in order: the story of one request. */
    public List<CapturedNarration> story(final String correlationId) {
        return events(event -> correlationId.equals(event.correlationId()));
    }

    /**
     * Waits until at least {@code count} events were captured or the timeout passed, and returns the events
     * captured by then (check the size: fewer means the timeout passed).
     */
    public List<CapturedNarration> awaitEvents(final int count, final Duration timeout) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (appender.events) {
            while (appender.events.size() < count) {
                final long remainingMillis = (deadline - System.nanoTime()) / 1_000_000L;
                if (remainingMillis <= 0) {
                    break;
                }
                try {
                    appender.events.wait(remainingMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return List.copyOf(appender.events);
        }
    }

    /** Forgets the events captured so far. */
    public void clear() {
        synchronized (appender.events) {
            appender.events.clear();
        }
    }

    /** Detaches the capture from the context. */
    @Override
    public void close() {
        for (final LoggerConfig logger : loggerConfigs()) {
            logger.removeAppender(appender.getName());
        }
        context.updateLoggers();
        appender.stop();
    }

    /** Where events stop travelling up the hierarchy: attaching only there captures each event exactly once. */
    private List<LoggerConfig> loggerConfigs() {
        final List<LoggerConfig> loggers = new ArrayList<>();
        loggers.add(configuration.getRootLogger());
        for (final LoggerConfig logger : configuration.getLoggers().values()) {
            if (!logger.isAdditive() && logger != configuration.getRootLogger()) {
                loggers.add(logger);
            }
        }
        return loggers;
    }

    private static final class CaptureAppender extends AbstractAppender {
        private final List<CapturedNarration> events = new ArrayList<>();
        private final NarrationReader reader;

        CaptureAppender(final String name, final NarrationReader reader) {
            super(name, null, null, true, Property.EMPTY_ARRAY);
            this.reader = reader;
        }

        @Override
        public void append(final LogEvent event) {
            final CapturedNarration captured = CapturedNarration.of(event, reader);
            synchronized (events) {
                events.add(captured);
                events.notifyAll();
            }
        }
    }
}
