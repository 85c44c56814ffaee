package dev.narration.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.Correlation;
import dev.narration.CorrelationScope;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.StatusCapture;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each limit drops held events, never writes them, counts them under its own cause and, for the caps, says so
 * through the status logger. Requests here set their id in the ThreadContext by hand, so no scope close ends them.
 */
class LimitsTest {
    private final AtomicLong nanos = new AtomicLong();

    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    private static void debug(final Logger log, final String id, final String text) {
        ThreadContext.put("correlation_id", id);
        log.debug(text);
        ThreadContext.remove("correlation_id");
    }

    private static void error(final Logger log, final String id, final String text) {
        ThreadContext.put("correlation_id", id);
        log.error(text);
        ThreadContext.remove("correlation_id");
    }

    private Log4jFixture start(final String attributes) {
        final Log4jFixture log4j = Log4jFixture.sync(BufferedLines.config(attributes));
        BufferedLines.buffer(log4j).useClock(nanos::get);
        return log4j;
    }

    @Test
    void eventsOlderThanMaxAgeAreNeverWritten() {
        final Log4jFixture log4j = start("maxAge='60s'");
        final RequestBuffer buffer = BufferedLines.buffer(log4j);
        final Logger log = log4j.logger("com.acme.orchestratord.Admission");
        debug(log, "req-1", "stale");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(30));
        debug(log, "req-1", "fresh");
        debug(log, "req-idle", "idle");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(31));
        error(log, "req-1", "failed");
        assertThat(buffer.counters().dropped(DropCause.MAX_AGE)).as("req-1's stale event, at its flush").isEqualTo(1);

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(30));
        assertThat(buffer.heldNow()[1]).as("req-idle, until the next event looks").isEqualTo(1);
        debug(log, "req-2", "another request");
        assertThat(buffer.heldNow()[1]).as("only req-2").isEqualTo(1);
        assertThat(buffer.counters().dropped(DropCause.MAX_AGE)).as("and req-idle, idle for 61 s").isEqualTo(2);
        error(log, "req-idle", "idle failed");

        final Map<String, List<String>> byId = BufferedLines.humansById(log4j.stopAndReadLines(BufferedLines.FILE));
        assertThat(byId.get("req-1")).containsExactly("fresh", "failed");
        assertThat(byId.get("req-idle")).containsExactly("idle failed");
        assertThat(buffer.counters().dropped(DropCause.STOP)).as("req-2").isEqualTo(1);
        BufferedLines.assertBalanced(buffer);
    }

    @Test
    void heldEventsOfARequestAgeOutEvenWhileItKeepsLogging() {
        final Log4jFixture log4j = start("maxAge='10s'");
        final RequestBuffer buffer = BufferedLines.buffer(log4j);
        final Logger log = log4j.logger("com.acme.orchestratord.Admission");
        for (int i = 0; i < 5; i++) {
            debug(log, "req-1", "debug " + i);
            nanos.addAndGet(TimeUnit.SECONDS.toNanos(4));
        }
        assertThat(buffer.heldNow()[0]).as("held within the last 10 s").isEqualTo(3);
        error(log, "req-1", "failed");
        assertThat(BufferedLines.humansById(log4j.stopAndReadLines(BufferedLines.FILE)).get("req-1"))
                .containsExactly("debug 3", "debug 4", "failed");
        assertThat(buffer.counters().dropped(DropCause.MAX_AGE)).isEqualTo(3);
        BufferedLines.assertBalanced(buffer);
    }

    @Test
    void pastMaxRequestsTheLeastRecentlyUsedRequestGoes() {
        try (StatusCapture status = StatusCapture.start()) {
            final Log4jFixture log4j = start("maxRequests='2'");
            final RequestBuffer buffer = BufferedLines.buffer(log4j);
            final Logger log = log4j.logger("com.acme.orchestratord.Admission");
            debug(log, "req-a", "a 1");
            debug(log, "req-b", "b 1");
            debug(log, "req-a", "a 2");
            debug(log, "req-c", "c 1");
            assertThat(buffer.heldNow()[1]).isEqualTo(2);
            error(log, "req-a", "a failed");
            error(log, "req-b", "b failed");
            error(log, "req-c", "c failed");
            final Map<String, List<String>> byId = BufferedLines.humansById(log4j.stopAndReadLines(BufferedLines.FILE));
            assertThat(byId.get("req-a")).containsExactly("a 1", "a 2", "a failed");
            assertThat(byId.get("req-b")).as("least recently used when req-c came").containsExactly("b failed");
            assertThat(byId.get("req-c")).containsExactly("c 1", "c failed");
            assertThat(buffer.counters().dropped(DropCause.MAX_REQUESTS)).isEqualTo(1);
            assertThat(status.warnings()).anySatisfy(warning -> assertThat(warning)
                    .contains("RequestBuffer \"requests\" dropped held events", "maxRequests=2", "https://github.com/narration-dev/log4j2-narration/blob/main/docs/buffering.md#limits"));
            BufferedLines.assertBalanced(buffer);
        }
    }

    @Test
    void pastMaxTotalEventsTheOldestOfTheLeastRecentlyUsedRequestGo() {
        try (StatusCapture status = StatusCapture.start()) {
            final Log4jFixture log4j = start("maxTotalEvents='5'");
            final RequestBuffer buffer = BufferedLines.buffer(log4j);
            final Logger log = log4j.logger("com.acme.orchestratord.Admission");
            for (int i = 1; i <= 3; i++) {
                debug(log, "req-a", "a " + i);
            }
            for (int i = 1; i <= 3; i++) {
                debug(log, "req-b", "b " + i);
            }
            assertThat(buffer.heldNow()[0]).isEqualTo(5);
            error(log, "req-a", "a failed");
            error(log, "req-b", "b failed");
            final Map<String, List<String>> byId = BufferedLines.humansById(log4j.stopAndReadLines(BufferedLines.FILE));
            assertThat(byId.get("req-a")).containsExactly("a 2", "a 3", "a failed");
            assertThat(byId.get("req-b")).containsExactly("b 1", "b 2", "b 3", "b failed");
            assertThat(buffer.counters().dropped(DropCause.MAX_TOTAL)).isEqualTo(1);
            assertThat(status.warnings()).anySatisfy(warning -> assertThat(warning).contains("maxTotalEvents=5"));
            BufferedLines.assertBalanced(buffer);
        }
    }

    @Test
    void pastMaxTotalBytesTheOldestGoAndAnEventTooLargeAloneIsNotHeld() {
        final Log4jFixture log4j = start("maxTotalBytes='4 KB'");
        final RequestBuffer buffer = BufferedLines.buffer(log4j);
        final Logger log = log4j.logger("com.acme.orchestratord.Admission");
        final String kilo = "k".repeat(1000);
        debug(log, "req-a", "a 1 " + kilo);
        debug(log, "req-a", "a 2 " + kilo);
        assertThat(buffer.heldNow()[0]).as("two events of over 2 KB each do not fit in 4 KB").isEqualTo(1);
        debug(log, "req-b", "b 1 " + "k".repeat(2000));
        assertThat(buffer.heldNow()[0]).as("over 4 KB alone: not held, and nothing made room for it").isEqualTo(1);
        assertThat(buffer.heldNow()[2]).isLessThanOrEqualTo(4096);
        error(log, "req-a", "a failed");
        error(log, "req-b", "b failed");
        final Map<String, List<String>> byId = BufferedLines.humansById(log4j.stopAndReadLines(BufferedLines.FILE));
        assertThat(byId.get("req-a")).containsExactly("a 2 " + kilo, "a failed");
        assertThat(byId.get("req-b")).containsExactly("b failed");
        assertThat(buffer.counters().dropped(DropCause.MAX_TOTAL)).isEqualTo(2);
        BufferedLines.assertBalanced(buffer);
    }

    @Test
    void anEventHeldIsTheEventAsLoggedThoughItsParametersChangeLater() {
        final Log4jFixture log4j = start("");
        final Logger log = log4j.logger("com.acme.orchestratord.Admission");
        final StringBuilder position = new StringBuilder("position 3");
        try (CorrelationScope scope = Correlation.open("req-1")) {
            for (int i = 0; i < 3; i++) {
                log.debug("Queued job-{} at {}", i, position);
            }
            position.setLength(0);
            position.append("changed");
            log.error("Failed");
        }
        assertThat(BufferedLines.humansById(log4j.stopAndReadLines(BufferedLines.FILE)).get("req-1"))
                .containsExactly("Queued job-0 at position 3", "Queued job-1 at position 3", "Queued job-2 at position 3", "Failed");
    }
}
