package dev.narration.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Narration;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.StatusCapture;
import java.util.List;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.message.StringMapMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LayoutConfigurationTest {
    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    private static String config(final String layoutAttributes) {
        return "<Configuration status='WARN'><Appenders><File name='json' fileName='${dir}/out.jsonl'>"
                + "<NarrationJsonLayout " + layoutAttributes + "/></File></Appenders>"
                + "<Loggers><Root level='INFO'><AppenderRef ref='json'/></Root></Loggers></Configuration>";
    }

    @Test
    void badAttributeValuesAreReportedByNameAndDefaultsKeepLogging() {
        final List<String> lines;
        try (StatusCapture status = StatusCapture.start();
                Log4jFixture log4j = Log4jFixture.sync(config("actorRule='module' maxStringLength='-5'"))) {
            log4j.logger("com.acme.orchestratord.Jobs").info("still logged");
            lines = log4j.stopAndReadLines("out.jsonl");
            assertThat(status.errors()).anySatisfy(message -> assertThat(message)
                    .contains("NarrationJsonLayout").contains("actorRule=\"module\"").contains("package, class, logger"));
            assertThat(status.errors()).anySatisfy(message -> assertThat(message)
                    .contains("NarrationJsonLayout").contains("maxStringLength=\"-5\""));
        }
        assertThat(JsonLines.parse(lines.get(0)).get("actor").asText()).isEqualTo("orchestratord");
    }

    @Test
    void actorRuleAndMaxStringLengthApply() {
        final JsonNode line;
        try (Log4jFixture log4j = Log4jFixture.sync(config("actorRule='class' maxStringLength='10'"))) {
            log4j.logger("com.acme.orchestratord.JobAdmission").info("0123456789ABCDEF");
            line = JsonLines.parse(log4j.stopAndReadLines("out.jsonl").get(0));
        }
        assertThat(line.get("actor").asText()).isEqualTo("job-admission");
        assertThat(line.get("human").asText()).isEqualTo("0123456789…[truncated]");
    }

    @Test
    void collisionsNeverOverwriteReservedKeysAndNeverDuplicate() {
        final JsonNode line;
        try (Log4jFixture log4j = Log4jFixture.sync(config(""))) {
            ThreadContext.put("actor", "context-actor");
            ThreadContext.put("action", "context-action");
            ThreadContext.put("correlation_id", "req-ctx");
            ThreadContext.put("human", "context human");
            ThreadContext.put("job_id", "context-job");
            ThreadContext.put("field.x", "context field.x");
            log4j.logger("com.acme.orchestratord.Jobs").info(Narration.action("accept").actor("narration-actor")
                    .human("Accepted").field("job_id", "message-job").field("logger", "field logger")
                    .field("context.job_id", "tricky"));
            line = JsonLines.parse(log4j.stopAndReadLines("out.jsonl").get(0));
        }
        assertThat(line.get("actor").asText()).isEqualTo("narration-actor");
        assertThat(line.get("context.actor").asText()).isEqualTo("context-actor");
        assertThat(line.get("action").asText()).isEqualTo("accept");
        assertThat(line.get("context.action").asText()).isEqualTo("context-action");
        assertThat(line.get("correlation_id").asText()).isEqualTo("req-ctx");
        assertThat(line.has("context.correlation_id")).isFalse();
        assertThat(line.get("human").asText()).isEqualTo("Accepted");
        assertThat(line.get("context.human").asText()).isEqualTo("context human");
        assertThat(line.get("job_id").asText()).isEqualTo("message-job");
        assertThat(line.get("context.job_id").asText()).isEqualTo("context-job");
        assertThat(line.get("field.context.job_id").asText()).isEqualTo("tricky");
        assertThat(line.get("logger").asText()).isEqualTo("com.acme.orchestratord.Jobs");
        assertThat(line.get("field.logger").asText()).isEqualTo("field logger");
        assertThat(line.get("context.field.x").asText()).isEqualTo("context field.x");
    }

    @Test
    void mapMessageEntriesAreFieldsAndItsMessageIsHuman() {
        final JsonNode line;
        try (Log4jFixture log4j = Log4jFixture.sync(config(""))) {
            log4j.logger("com.acme.pool.Jobs").info(new StringMapMessage().with("message", "Pool ready").with("pool_id", "default"));
            line = JsonLines.parse(log4j.stopAndReadLines("out.jsonl").get(0));
        }
        assertThat(line.get("human").asText()).isEqualTo("Pool ready");
        assertThat(line.get("pool_id").asText()).isEqualTo("default");
        assertThat(line.has("message")).isFalse();
    }

    @Test
    void aFieldWhoseToStringThrowsDoesNotLoseTheEvent() {
        final JsonNode line;
        final Object hostile = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };
        try (Log4jFixture log4j = Log4jFixture.sync(config(""))) {
            log4j.logger("com.acme.pool.Jobs").info(Narration.action("probe").human("Probed").field("weird", hostile)
                    .field("nan", Double.NaN));
            line = JsonLines.parse(log4j.stopAndReadLines("out.jsonl").get(0));
        }
        assertThat(line.get("human").asText()).isEqualTo("Probed");
        assertThat(line.get("weird").asText()).contains("toString() threw java.lang.IllegalStateException");
        assertThat(line.get("nan").asText()).isEqualTo("NaN");
    }
}
