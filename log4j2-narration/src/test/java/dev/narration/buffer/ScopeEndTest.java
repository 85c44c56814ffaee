package dev.narration.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Correlation;
import dev.narration.CorrelationScope;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.async.AsyncLoggerConfig;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The close of a request's {@code Correlation} scope drops what the buffer held for it, and reaches the buffer
 * after every event the request logged before it, on each path an event can take. On the asynchronous paths a
 * {@link Gate} stops the background thread after the buffer has held two DEBUG events, and the request then logs
 * its ERROR and closes its scope while the ERROR waits in the queue: an end that overtook it would drop the two
 * events before the ERROR could write them.
 */
class ScopeEndTest {
    private static final String ALL = "<File name='all' fileName='${dir}/all.jsonl'><NarrationJsonLayout/></File>";

    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sync", "allAsync", "asyncLogger", "asyncAppenderBehind", "asyncAppenderInFront"})
    void theEndOfARequestArrivesAfterItsEvents(final String path) throws InterruptedException {
        final Log4jFixture log4j = start(path);
        final Log4jFixture unbuffered = Log4jFixture.sync("<Configuration status='WARN'><Appenders>" + ALL
                + "</Appenders><Loggers><Root level='TRACE'><AppenderRef ref='all'/></Root></Loggers></Configuration>");
        final RequestBuffer buffer = BufferedLines.buffer(log4j);
        final Logger log = log4j.logger("com.acme.orchestratord.Admission");
        // The asynchronous threads that format the gate: with Async appenders, one behind each.
        final Gate gate = new Gate(path.startsWith("asyncAppender") ? 2 : 1);
        if (path.equals("sync")) {
            gate.open();
        }

        try (CorrelationScope scope = Correlation.open("req-fail")) {
            log.debug("fail: debug 1");
            log.debug("fail: debug 2");
            log.info(gate);
            gate.awaitReached();
            log.error("fail: failed");
        }
        try (CorrelationScope scope = Correlation.open("req-ok")) {
            log.debug("ok: debug");
        }
        gate.open();

        final Map<String, List<String>> byId = BufferedLines.humansById(log4j.stopAndReadLines(BufferedLines.FILE));
        assertThat(byId.get("req-fail")).containsExactly("gate", "fail: debug 1", "fail: debug 2", "fail: failed");
        assertThat(byId).doesNotContainKey("req-ok");
        final BufferCounters counters = buffer.counters();
        assertThat(counters.flushed()).isEqualTo(2);
        assertThat(counters.dropped(DropCause.REQUEST_END)).as("req-ok's DEBUG, when its scope closed").isEqualTo(1);
        assertThat(counters.dropped(DropCause.STOP)).as("nothing left for the stop").isZero();
        BufferedLines.assertBalanced(buffer);

        assertThat(log4j.readLines("all.jsonl")).as("another appender of the same configuration").noneMatch(ScopeEndTest::isEnd);
        assertThat(unbuffered.stopAndReadLines("all.jsonl")).as("a logger context without a buffer").isEmpty();
    }

    @Test
    void theEndTakesTheQueueOfMixedAsyncLoggers() {
        try (Log4jFixture log4j = start("asyncLogger")) {
            final LoggerConfig end = log4j.context().getConfiguration().getLoggers().get(RequestEnds.LOGGER_NAME);
            assertThat(end).isInstanceOf(AsyncLoggerConfig.class);
            assertThat(end.isAdditive()).isFalse();
            assertThat(end.getAppenders().keySet()).containsExactly("requests");
        }
        try (Log4jFixture log4j = start("sync")) {
            final LoggerConfig end = log4j.context().getConfiguration().getLoggers().get(RequestEnds.LOGGER_NAME);
            assertThat(end).isNotInstanceOf(AsyncLoggerConfig.class);
            assertThat(end.getAppenders().keySet()).containsExactly("requests");
        }
        try (Log4jFixture log4j = start("asyncAppenderBehind")) {
            final LoggerConfig end = log4j.context().getConfiguration().getLoggers().get(RequestEnds.LOGGER_NAME);
            assertThat(end.getAppenders().keySet()).as("the end queues behind the events").containsExactly("async");
        }
    }

    @Test
    void aScopeClosedWithNoBufferStartedLogsNothing() {
        try (Log4jFixture buffered = start("sync")) {
            buffered.logger("com.acme.Warmup").debug("held, then dropped at the end");
        }
        final Log4jFixture log4j = Log4jFixture.sync("<Configuration status='WARN'><Appenders>" + ALL
                + "</Appenders><Loggers><Root level='TRACE'><AppenderRef ref='all'/></Root></Loggers></Configuration>");
        for (int i = 0; i < 100; i++) {
            try (CorrelationScope scope = Correlation.open("req-" + i)) {
                assertThat(scope.id()).isEqualTo("req-" + i);
            }
        }
        RequestBuffer.endRequest("req-explicit");
        assertThat(log4j.stopAndReadLines("all.jsonl")).isEmpty();
    }

    @Test
    void nestedScopesOfOneIdEndTheRequestOnceTheLastCloses() {
        try (Log4jFixture log4j = start("sync")) {
            final RequestBuffer buffer = BufferedLines.buffer(log4j);
            final Logger log = log4j.logger("com.acme.orchestratord.Admission");
            try (CorrelationScope outer = Correlation.open("req-1")) {
                try (CorrelationScope inner = Correlation.open("req-1")) {
                    log.debug("inner");
                }
                assertThat(buffer.heldNow()[0]).as("the request goes on in the outer scope").isEqualTo(1);
                log.debug("outer");
            }
            assertThat(buffer.heldNow()[0]).isZero();
            assertThat(buffer.counters().dropped(DropCause.REQUEST_END)).isEqualTo(2);
        }
    }

    @Test
    void endRequestEndsARequestWithoutAScope() {
        try (Log4jFixture log4j = start("allAsync")) {
            final RequestBuffer buffer = BufferedLines.buffer(log4j);
            final Logger log = log4j.logger("com.acme.orchestratord.Admission");
            ThreadContext.put("correlation_id", "req-by-hand");
            log.debug("by hand");
            ThreadContext.remove("correlation_id");
            RequestBuffer.endRequest("req-by-hand");
            log4j.close();
            assertThat(buffer.counters().dropped(DropCause.REQUEST_END)).isEqualTo(1);
            assertThat(buffer.counters().dropped(DropCause.STOP)).isZero();
        }
    }

    private static boolean isEnd(final String line) {
        final JsonNode event = JsonLines.parse(line);
        return event.get("logger").asText().equals(RequestEnds.LOGGER_NAME) || event.get("human").asText().endsWith(" ended");
    }

    /**
     * The buffer {@code requests} and a second appender {@code all} on the root, the way each path reaches them;
     * with Async appenders, {@code all} gets its own, so that no appender formats the gate on the calling thread.
     */
    private static Log4jFixture start(final String path) {
        final String root = "<Root level='TRACE'><AppenderRef ref='requests'/><AppenderRef ref='all'/></Root>";
        final String asyncAll = ALL + "<Async name='asyncAll'><AppenderRef ref='all'/></Async>";
        switch (path) {
            case "sync":
                return Log4jFixture.sync(BufferedLines.configWith("", ALL, root));
            case "allAsync":
                return Log4jFixture.allAsync(BufferedLines.configWith("", ALL, root));
            case "asyncLogger":
                return Log4jFixture.sync(BufferedLines.configWith("", ALL,
                        "<AsyncLogger name='com.acme' level='TRACE' additivity='false'><AppenderRef ref='requests'/>"
                                + "<AppenderRef ref='all'/></AsyncLogger>" + root));
            case "asyncAppenderBehind":
                return Log4jFixture.sync(BufferedLines.configWith("", asyncAll + "<Async name='async'><AppenderRef ref='requests'/></Async>",
                        "<Root level='TRACE'><AppenderRef ref='async'/><AppenderRef ref='asyncAll'/></Root>"));
            case "asyncAppenderInFront":
                return Log4jFixture.sync("<Configuration status='WARN'><Appenders>"
                        + "<File name='json' fileName='${dir}/" + BufferedLines.FILE + "'><NarrationJsonLayout/></File>"
                        + "<Async name='async'><AppenderRef ref='json'/></Async>"
                        + "<RequestBuffer name='requests'><AppenderRef ref='async'/></RequestBuffer>" + asyncAll
                        + "</Appenders><Loggers><Root level='TRACE'><AppenderRef ref='requests'/>"
                        + "<AppenderRef ref='asyncAll'/></Root></Loggers></Configuration>");
            default:
                throw new IllegalArgumentException(path);
        }
    }
}
