package dev.narration.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.narration.Narration;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.trace.Trace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A team on JsonTemplateLayout gets the same narration fields as NarrationJsonLayout writes. */
class NarrationResolverTest {
    private static final String CONFIG = "<Configuration status='WARN'><Appenders>"
            + "<File name='jtl' fileName='${dir}/jtl.jsonl'>"
            + "<JsonTemplateLayout eventTemplateUri='classpath:NarrationLayout.json'/></File>"
            + "<File name='narration' fileName='${dir}/narration.jsonl'><NarrationJsonLayout/></File>"
            + "<File name='custom' fileName='${dir}/custom.jsonl'><JsonTemplateLayout eventTemplate='"
            + "{\"who\":{\"$resolver\":\"narration\",\"field\":\"actor\",\"actorRule\":\"class\"},"
            + "\"said\":{\"$resolver\":\"narration\",\"field\":\"human\"},"
            + "\"fields\":{\"$resolver\":\"narration\",\"field\":\"fields\"}}'/></File>"
            + "</Appenders><Loggers><Root level='TRACE'>"
            + "<AppenderRef ref='jtl'/><AppenderRef ref='narration'/><AppenderRef ref='custom'/>"
            + "</Root></Loggers></Configuration>";

    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    @Test
    void shippedTemplateWritesWhatTheNarrationLayoutWrites() {
        final List<String> jtl;
        final List<String> narration;
        try (Log4jFixture log4j = Log4jFixture.sync(CONFIG)) {
            final Logger logger = log4j.logger("com.acme.orchestratord.JobAdmission");
            ThreadContext.put("correlation_id", "req-9");
            ThreadContext.put("level", "context value colliding with a reserved key");
            logger.info(Narration.action("accept").target("job-9").human("Accepted job-9 at position {}", 2)
                    .cute("Hi job-9! 🎫").field("queue_position", 2).field("gpu", true).field("level", "field collision"));
            logger.info("Plain text with \"quotes\"\nand a new line");
            logger.info(new StringMapMessage().with("message", "Map says hi").with("pool_id", "default"));
            logger.info(new StringMapMessage().with("target", "pool-a").with("actor", "pool").with("size", "3"));
            Trace.event(logger, "decode", "token-7", "Decoded token-7");
            logger.error("Dispatch failed", new IllegalStateException("boom", new RuntimeException("root cause")));
            log4j.close();
            jtl = log4j.readLines("jtl.jsonl");
            narration = log4j.readLines("narration.jsonl");
        }
        assertThat(jtl).hasSize(6);
        for (int i = 0; i < jtl.size(); i++) {
            final ObjectNode fromTemplate = (ObjectNode) JsonLines.parse(jtl.get(i));
            final ObjectNode fromLayout = (ObjectNode) JsonLines.parse(narration.get(i));
            // JTL renders stack traces its own way; everything else must be identical, key order included.
            fromTemplate.remove("exception.stacktrace");
            fromLayout.remove("exception.stacktrace");
            assertThat(fromTemplate).as("line %d", i).isEqualTo(fromLayout);
            assertThat(JsonLines.keys(fromTemplate)).isEqualTo(JsonLines.keys(fromLayout));
        }
        final JsonNode first = JsonLines.parse(jtl.get(0));
        assertThat(first.get("actor").asText()).isEqualTo("orchestratord");
        assertThat(first.get("queue_position").isIntegralNumber()).isTrue();
        assertThat(first.get("field.level").asText()).isEqualTo("field collision");
        assertThat(first.get("context.level").asText()).isEqualTo("context value colliding with a reserved key");
        assertThat(first.get("level").asText()).isEqualTo("INFO");
    }

    @Test
    void resolverFieldsCanBePlacedAnywhereInACustomTemplate() {
        final JsonNode line;
        try (Log4jFixture log4j = Log4jFixture.sync(CONFIG)) {
            ThreadContext.put("job_id", "job-3");
            log4j.logger("com.acme.orchestratord.JobAdmission").info(Narration.action("queue").human("Queued job-3").field("queue_position", 5));
            line = JsonLines.parse(log4j.stopAndReadLines("custom.jsonl").get(0));
        }
        assertThat(line.get("who").asText()).isEqualTo("job-admission");
        assertThat(line.get("said").asText()).isEqualTo("Queued job-3");
        assertThat(line.get("fields").get("queue_position").asInt()).isEqualTo(5);
        assertThat(line.get("fields").get("job_id").asText()).isEqualTo("job-3");
    }

    /**
     * {@code JsonTemplateLayout} asks whether a field has a value before writing it, then for the value: the field is
     * read from the event once, whatever the number of questions.
     */
    @Test
    void eachFieldIsReadFromTheEventOnce() {
        final JsonTemplateLayout layout = JsonTemplateLayout.newBuilder().setConfiguration(new DefaultConfiguration())
                .setEventTemplate("{\"target\":{\"$resolver\":\"narration\",\"field\":\"target\"},"
                        + "\"trace_id\":{\"$resolver\":\"narration\",\"field\":\"trace_id\"},"
                        + "\"span_id\":{\"$resolver\":\"narration\",\"field\":\"span_id\"}}")
                .build();
        final CountingContext context = new CountingContext();
        context.putValue("target", "job-1");
        context.putValue("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
        final LogEvent event = Log4jLogEvent.newBuilder().setLoggerName("com.acme.Jobs").setLevel(Level.INFO)
                .setMessage(new SimpleMessage("Accepted")).setContextData(context).build();
        for (int round = 1; round <= 3; round++) {
            final JsonNode line = JsonLines.parse(layout.toSerializable(event));
            assertThat(line.get("target").asText()).isEqualTo("job-1");
            assertThat(line.has("span_id")).isFalse();
            assertThat(context.lookups).as("look-ups after %d events", round)
                    .containsEntry("target", round).containsEntry("trace_id", round).containsEntry("span_id", round);
        }
    }

    /** A context that counts look-ups per key. */
    private static final class CountingContext extends SortedArrayStringMap {
        private static final long serialVersionUID = 1L;
        private final Map<String, Integer> lookups = new HashMap<>();

        @Override
        public <V> V getValue(final String key) {
            lookups.merge(key, 1, Integer::sum);
            return super.getValue(key);
        }
    }
}
