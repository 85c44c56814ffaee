package dev.narration.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Narration;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.SchemaLines;
import dev.narration.testsupport.StatusCapture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.AbstractLogEvent;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.apache.logging.log4j.util.StringMap;
import org.junit.jupiter.api.Test;

/** What every schema shares: the attribute's validation, the limits, and the line that replaces a failed one. */
class BackendSchemasTest {
    /** For each schema, the keys of the sentence, the target, a field and the exception's message. */
    private static final Map<String, List<String>> CUT_KEYS = Map.of(
            "narration", List.of("human", "target", "note", "exception.message"),
            "ecs", List.of("message", "narration.target", "note", "error.message"),
            "gcp", List.of("message", "narration.target", "note", "narration.exception.message"),
            "datadog", List.of("message", "narration.target", "note", "error.message"),
            "otel", List.of("body", "narration.target", "note", "exception.message"));

    @Test
    void anUnknownSchemaIsReportedAndTheNarrationLineWritten() {
        final List<String> lines;
        try (StatusCapture status = StatusCapture.start();
                Log4jFixture log4j = Log4jFixture.sync(SchemaLines.config("elastic", "", ""))) {
            log4j.logger("com.acme.orchestratord.Jobs").info("still logged");
            lines = log4j.stopAndReadLines("out.jsonl");
            assertThat(status.errors()).anySatisfy(message -> assertThat(message).contains("NarrationJsonLayout")
                    .contains("schema=\"elastic\"").contains("narration, ecs, gcp, datadog, otel").contains("schemas.md"));
        }
        assertThat(JsonLines.parse(lines.get(0)).get("human").asText()).isEqualTo("still logged");
    }

    @Test
    void maxStringLengthCutsTheSameValuesInEverySchemaAndNoName() {
        final Map<String, Map<String, JsonNode>> lines = SchemaLines.writeToEverySchema("maxStringLength='10'",
                log4j -> log4j.logger("com.acme.orchestratord.a-logger-name-longer-than-ten").error(Narration.action("accept")
                        .target("0123456789ABCDEF").human("0123456789ABCDEF").field("note", "0123456789ABCDEF"),
                        new IllegalStateException("0123456789ABCDEF")));
        for (final String schema : SchemaLines.SCHEMAS) {
            for (final String key : CUT_KEYS.get(schema)) {
                assertThat(lines.get(schema).get(key).asText()).as("%s %s", schema, key).isEqualTo("0123456789…[truncated]");
            }
        }
        assertThat(lines.get("ecs").get("log.logger").asText()).isEqualTo("com.acme.orchestratord.a-logger-name-longer-than-ten");
        assertThat(lines.get("otel").get("scope.name").asText()).isEqualTo("com.acme.orchestratord.a-logger-name-longer-than-ten");
    }

    @Test
    void anEventThatCannotBeWrittenStillGivesAValidLineOfItsSchema() throws IOException {
        final JsonNode spec;
        try (InputStream in = EcsSchemaTest.class.getResourceAsStream("/ecs-logging/spec.json")) {
            spec = JsonLines.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        for (final String schema : SchemaLines.SCHEMAS) {
            final NarrationJsonLayout layout = NarrationJsonLayout.newBuilder().setConfiguration(new DefaultConfiguration())
                    .setSchema(schema).setServiceName("orchestratord").setEnvironment(Map.of()).build();
            final String text;
            try (StatusCapture status = StatusCapture.start()) {
                text = layout.toSerializable(new BrokenContextEvent());
                assertThat(status.errors()).anySatisfy(message -> assertThat(message).contains("could not encode"));
            }
            assertThat(text).endsWith("\n");
            final JsonNode line = JsonLines.parse(text);
            final Map<String, JsonNode> members = SchemaLines.flatten(schema, line);
            assertThat(members.get("narration.encoding_error").asText()).as(schema).contains("context data unavailable");
            if (schema.equals("ecs")) {
                assertThat(EcsSchemaTest.violations(spec, line)).isEmpty();
            }
            if (schema.equals("otel")) {
                assertThat(OtlpSchemaTest.parse(line).getResourceLogs(0).getScopeLogs(0).getScope().getName())
                        .isEqualTo("com.acme.Broken");
            }
        }
    }

    @Test
    void aThreadWritingSeveralSchemasInTurnRenamesByEachSchemasOwnKeys() {
        final StringMap context = new SortedArrayStringMap();
        context.putValue("service", "billing");
        context.putValue("message", "from the context");
        context.putValue("job_id", "job-7");
        context.freeze();
        final LogEvent event = Log4jLogEvent.newBuilder()
                .setLoggerName("com.acme.Jobs").setLevel(Level.INFO).setMessage(new SimpleMessage("Accepted"))
                .setContextData(context).build();
        final Map<String, NarrationJsonLayout> layouts = new LinkedHashMap<>();
        // Five schemas: more layouts than a thread remembers keys for, so that they also evict each other's.
        for (final String schema : List.of("datadog", "gcp", "narration", "otel", "ecs")) {
            layouts.put(schema, NarrationJsonLayout.newBuilder().setConfiguration(new DefaultConfiguration())
                    .setSchema(schema).setServiceName("orchestratord").setEnvironment(Map.of()).build());
        }
        // The same context key strings on every event, one schema after the other on this one thread.
        for (int round = 0; round < 3; round++) {
            for (final Map.Entry<String, NarrationJsonLayout> layout : layouts.entrySet()) {
                final String schema = layout.getKey();
                final Map<String, JsonNode> members =
                        SchemaLines.flatten(schema, JsonLines.parse(layout.getValue().toSerializable(event)));
                assertThat(members.get("job_id").asText()).as(schema).isEqualTo("job-7");
                switch (schema) {
                    case "datadog":
                        assertThat(members.get("service").asText()).isEqualTo("orchestratord");
                        assertThat(members.get("context.service").asText()).isEqualTo("billing");
                        assertThat(members.get("context.message").asText()).isEqualTo("from the context");
                        break;
                    case "gcp":
                        assertThat(members.get("service").asText()).isEqualTo("billing");
                        assertThat(members.get("context.message").asText()).isEqualTo("from the context");
                        break;
                    case "ecs":
                        assertThat(members.get("context.service").asText()).isEqualTo("billing");
                        assertThat(members.get("context.message").asText()).isEqualTo("from the context");
                        break;
                    default:
                        assertThat(members.get("service").asText()).as(schema).isEqualTo("billing");
                        assertThat(members.get("message").asText()).as(schema).isEqualTo("from the context");
                }
            }
        }
    }

    /** An event whose context data cannot be read: the writer fails in the middle of the line. */
    private static final class BrokenContextEvent extends AbstractLogEvent {
        private static final long serialVersionUID = 1L;

        @Override
        public ReadOnlyStringMap getContextData() {
            throw new IllegalStateException("context data unavailable");
        }

        @Override
        public Level getLevel() {
            return Level.ERROR;
        }

        @Override
        public String getLoggerName() {
            return "com.acme.Broken";
        }

        @Override
        public Message getMessage() {
            return new SimpleMessage("never written");
        }
    }
}
