package dev.narration.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Narration;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import java.util.List;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NarrationJsonLayoutTest {
    private static final String CONFIG = "<Configuration status='WARN'><Appenders>"
            + "<File name='json' fileName='${dir}/out.jsonl'>"
            + "<NarrationJsonLayout serviceName='orchestratord' serviceVersion='1.4.2' deploymentEnvironment='test'/>"
            + "</File></Appenders>"
            + "<Loggers><Root level='TRACE'><AppenderRef ref='json'/></Root></Loggers></Configuration>";

    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    @Test
    void plainLoggerCallBecomesANarrationLine() {
        final JsonNode line;
        try (Log4jFixture log4j = Log4jFixture.sync(CONFIG)) {
            final Logger logger = log4j.logger("com.acme.orchestratord.JobAdmission");
            ThreadContext.put("correlation_id", "req-42");
            ThreadContext.put("job_id", "job-123");
            logger.info("Accepted request; queued at position {}", 3);
            line = JsonLines.parse(log4j.stopAndReadLines("out.jsonl").get(0));
        }
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("service.name").asText()).isEqualTo("orchestratord");
        assertThat(line.get("service.version").asText()).isEqualTo("1.4.2");
        assertThat(line.get("deployment.environment.name").asText()).isEqualTo("test");
        assertThat(line.get("actor").asText()).isEqualTo("orchestratord");
        assertThat(line.get("human").asText()).isEqualTo("Accepted request; queued at position 3");
        assertThat(line.get("correlation_id").asText()).isEqualTo("req-42");
        assertThat(line.get("job_id").asText()).isEqualTo("job-123");
        assertThat(line.get("logger").asText()).isEqualTo("com.acme.orchestratord.JobAdmission");
        assertThat(line.get("@timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(JsonLines.keys(line)).containsExactly("@timestamp", "level", "service.name", "service.version",
                "deployment.environment.name", "actor", "human", "correlation_id", "job_id", "logger", "thread");
    }

    @Test
    void narrationMessageKeepsTypedFieldsAndRenderings() {
        final JsonNode line;
        try (Log4jFixture log4j = Log4jFixture.sync(CONFIG)) {
            log4j.logger("com.acme.orchestratord.JobAdmission").info(Narration.action("accept").target("job-123")
                    .human("Accepted request; queued at position {}", 3).cute("Welcome, job-123! 🎫")
                    .story("\"Room for one more?\" asked job-123.").field("queue_position", 3)
                    .field("gpu", true).field("load", 0.25));
            line = JsonLines.parse(log4j.stopAndReadLines("out.jsonl").get(0));
        }
        assertThat(line.get("action").asText()).isEqualTo("accept");
        assertThat(line.get("target").asText()).isEqualTo("job-123");
        assertThat(line.get("cute").asText()).isEqualTo("Welcome, job-123! 🎫");
        assertThat(line.get("story").asText()).isEqualTo("\"Room for one more?\" asked job-123.");
        assertThat(line.get("queue_position").isIntegralNumber()).isTrue();
        assertThat(line.get("queue_position").asLong()).isEqualTo(3);
        assertThat(line.get("gpu").isBoolean()).isTrue();
        assertThat(line.get("load").asDouble()).isEqualTo(0.25);
    }

    @Test
    void errorCarriesExceptionChain() {
        final JsonNode line;
        try (Log4jFixture log4j = Log4jFixture.sync(CONFIG)) {
            final Exception error = new IllegalStateException("dispatch failed", new java.io.IOException("connection refused"));
            log4j.logger("com.acme.orchestratord.Dispatcher").error("Dispatch of job-7 failed", error);
            line = JsonLines.parse(log4j.stopAndReadLines("out.jsonl").get(0));
        }
        assertThat(line.get("exception.type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(line.get("exception.message").asText()).isEqualTo("dispatch failed");
        assertThat(line.get("exception.stacktrace").asText())
                .startsWith("java.lang.IllegalStateException: dispatch failed\n\tat dev.narration.layout.NarrationJsonLayoutTest.errorCarriesExceptionChain(NarrationJsonLayoutTest.java:")
                .contains("\nCaused by: java.io.IOException: connection refused\n\t")
                .containsPattern("\\t\\.\\.\\. \\d+ more");
        final List<String> keys = JsonLines.keys(line);
        assertThat(keys.subList(keys.size() - 3, keys.size()))
                .containsExactly("exception.type", "exception.message", "exception.stacktrace");
    }
}
