package dev.narration.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Narration;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import java.util.List;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Narration fields survive the hand-off to the background thread of all-async and mixed async loggers. */
class AsyncHandOffTest {
    private static final String APPENDERS = "<Appenders><File name='json' fileName='${dir}/out.jsonl'>"
            + "<NarrationJsonLayout serviceName='orchestratord'/></File></Appenders>";

    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    @Test
    void allAsyncLoggers() {
        try (Log4jFixture log4j = Log4jFixture.allAsync("<Configuration status='WARN'>" + APPENDERS
                + "<Loggers><Root level='INFO'><AppenderRef ref='json'/></Root></Loggers></Configuration>")) {
            assertNarrationSurvives(log4j, "com.acme.orchestratord.Admission");
        }
    }

    @Test
    void mixedAsyncLoggerConfig() {
        try (Log4jFixture log4j = Log4jFixture.sync("<Configuration status='WARN'>" + APPENDERS + "<Loggers>"
                + "<AsyncLogger name='com.acme' level='INFO' additivity='false'><AppenderRef ref='json'/></AsyncLogger>"
                + "<Root level='INFO'><AppenderRef ref='json'/></Root></Loggers></Configuration>")) {
            assertNarrationSurvives(log4j, "com.acme.orchestratord.Admission");
        }
    }

    private static void assertNarrationSurvives(final Log4jFixture log4j, final String loggerName) {
        final StringBuilder mutable = new StringBuilder("position-3");
        ThreadContext.put("correlation_id", "req-async");
        for (int i = 0; i < 1000; i++) {
            log4j.logger(loggerName).info(Narration.action("accept").actor("orchestratord").target("job-" + i)
                    .human("Accepted job-{} at {}", i, mutable).cute("Welcome! 🎫").story("\"Hi,\" said job.")
                    .field("queue_position", i).field("load", 0.5).field("gpu", i % 2 == 0));
        }
        // Changed after the calls: the lines must show the values at the time of the call.
        mutable.setLength(0);
        mutable.append("changed");
        ThreadContext.put("correlation_id", "req-later");
        final List<String> lines = log4j.stopAndReadLines("out.jsonl");
        assertThat(lines).hasSize(1000);
        for (int i = 0; i < lines.size(); i++) {
            final JsonNode line = JsonLines.parse(lines.get(i));
            assertThat(line.get("actor").asText()).isEqualTo("orchestratord");
            assertThat(line.get("action").asText()).isEqualTo("accept");
            assertThat(line.get("target").asText()).isEqualTo("job-" + i);
            assertThat(line.get("human").asText()).isEqualTo("Accepted job-" + i + " at position-3");
            assertThat(line.get("cute").asText()).isEqualTo("Welcome! 🎫");
            assertThat(line.get("story").asText()).isEqualTo("\"Hi,\" said job.");
            assertThat(line.get("correlation_id").asText()).isEqualTo("req-async");
            assertThat(line.get("queue_position").isIntegralNumber()).isTrue();
            assertThat(line.get("queue_position").asInt()).isEqualTo(i);
            assertThat(line.get("load").isDouble()).isTrue();
            assertThat(line.get("gpu").isBoolean()).isTrue();
            assertThat(line.get("gpu").asBoolean()).isEqualTo(i % 2 == 0);
        }
    }
}
