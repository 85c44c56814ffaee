package dev.narration.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Narration;
import dev.narration.layout.NarrationJsonLayout;
import dev.narration.testsupport.JsonLines;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.ContextDataFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.apache.logging.log4j.message.StructuredDataMessage;
import org.apache.logging.log4j.util.StringMap;
import org.junit.jupiter.api.Test;

/**
 * What an event says, by its sources and their precedence (docs/layout.md#the-line): the public reader and the JSON
 * line agree on every field of every event, and map messages fill root fields the way the context does.
 */
class NarrationReaderTest {
    private static final NarrationJsonLayout LAYOUT = NarrationJsonLayout.newBuilder()
            .setConfiguration(new DefaultConfiguration()).setServiceName("svc").setEnvironment(Map.of()).build();
    private static final List<String> ROOT = List.of("@timestamp", "level", "service.name", "actor", "action", "target",
            "human", "cute", "story", "correlation_id", "trace_id", "span_id", "logger", "thread");

    private static LogEvent event(final Message message, final String... context) {
        final StringMap data = ContextDataFactory.createContextData();
        for (int i = 0; i < context.length; i += 2) {
            data.putValue(context[i], context[i + 1]);
        }
        return Log4jLogEvent.newBuilder().setLoggerName("com.acme.orchestratord.Admission").setLevel(Level.INFO)
                .setMessage(message).setContextData(data).setThreadName("main").build();
    }

    private static JsonNode line(final LogEvent event) {
        return JsonLines.parse(new String(LAYOUT.toByteArray(event), StandardCharsets.UTF_8));
    }

    @Test
    void aMapMessagesEntriesFillTheRootFieldsBeforeTheContext() {
        final LogEvent event = event(new StringMapMessage().with("message", "Accepted job-1").with("actor", "admission")
                        .with("action", "accept").with("target", "job-1").with("correlation_id", "req-map")
                        .with("queue_position", "3"),
                "actor", "from-context", "correlation_id", "req-context", "job_id", "job-1");
        final NarrationReader reader = NarrationReader.defaults();
        assertThat(reader.actor(event)).isEqualTo("admission");
        assertThat(reader.action(event)).isEqualTo("accept");
        assertThat(reader.target(event)).isEqualTo("job-1");
        assertThat(reader.correlationId(event)).isEqualTo("req-map");
        assertThat(reader.human(event)).isEqualTo("Accepted job-1");
        // The entries that filled root fields are not repeated; the context values they overrode keep their place.
        assertThat(reader.fields(event)).containsExactly(Map.entry("queue_position", "3"),
                Map.entry("context.actor", "from-context"), Map.entry("context.correlation_id", "req-context"),
                Map.entry("job_id", "job-1"));
        assertAgreesWithTheLine(event);
    }

    @Test
    void theContextFillsWhatTheMapLeavesAndAMapWithoutAMessageEntryHasNoSentence() {
        final LogEvent event = event(new StringMapMessage().with("job_id", "job-1").with("queue_position", "3"),
                "target", "pool-a", "action", "poll");
        final NarrationReader reader = NarrationReader.defaults();
        assertThat(reader.human(event)).isNull();
        assertThat(reader.target(event)).isEqualTo("pool-a");
        assertThat(reader.action(event)).isEqualTo("poll");
        assertThat(reader.actor(event)).isEqualTo("orchestratord");
        assertThat(line(event).has("human")).isFalse();
        assertAgreesWithTheLine(event);
    }

    @Test
    void aStructuredDataMessagesSentenceIsItsText() {
        final LogEvent event = event(new StructuredDataMessage("audit@1", "login by bob", "audit", Map.of("user", "bob")));
        assertThat(NarrationReader.defaults().human(event)).isEqualTo("login by bob");
        assertAgreesWithTheLine(event);
    }

    @Test
    void reservedKeysIncludingTagsAndTruncatedAreNeverOverwritten() {
        final LogEvent context = event(new SimpleMessage("Accepted"), "tags", "a,b", "truncated", "no", "human", "x");
        // Context entries come in the context's own order, by key.
        assertThat(NarrationReader.defaults().fields(context)).containsExactly(Map.entry("context.human", "x"),
                Map.entry("context.tags", "a,b"), Map.entry("context.truncated", "no"));
        assertAgreesWithTheLine(context);
        final LogEvent narration = event(Narration.action("accept").human("Accepted").field("tags", "x").field("truncated", true)
                .field("context.kept", 1), "action", "poll");
        assertThat(NarrationReader.defaults().fields(narration)).containsExactly(Map.entry("field.tags", "x"),
                Map.entry("field.truncated", true), Map.entry("field.context.kept", 1L), Map.entry("context.action", "poll"));
        assertAgreesWithTheLine(narration);
    }

    @Test
    void anActorRuleIsNamedAsTheLayoutsAttribute() {
        final LogEvent event = event(new SimpleMessage("Accepted"));
        assertThat(NarrationReader.withActorRule("class").actor(event)).isEqualTo("admission");
        assertThat(NarrationReader.withActorRule("LOGGER").actor(event)).isEqualTo("com.acme.orchestratord.Admission");
        assertThatThrownBy(() -> NarrationReader.withActorRule("module"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("package, class, logger");
    }

    /** The reader gives every root field the line writes, and the line's other keys are the reader's fields. */
    private static void assertAgreesWithTheLine(final LogEvent event) {
        final NarrationReader reader = NarrationReader.defaults();
        final JsonNode line = line(event);
        final Map<String, String> root = new LinkedHashMap<>();
        root.put("actor", reader.actor(event));
        root.put("action", reader.action(event));
        root.put("target", reader.target(event));
        root.put("human", reader.human(event));
        root.put("cute", reader.cute(event));
        root.put("story", reader.story(event));
        root.put("correlation_id", reader.correlationId(event));
        root.put("trace_id", reader.traceId(event));
        root.put("span_id", reader.spanId(event));
        root.forEach((key, value) -> assertThat(line.has(key) ? line.get(key).asText() : null).as(key).isEqualTo(value));
        final List<String> fieldKeys = new ArrayList<>();
        for (final Iterator<String> keys = line.fieldNames(); keys.hasNext(); ) {
            final String key = keys.next();
            if (!ROOT.contains(key)) {
                fieldKeys.add(key);
            }
        }
        final Map<String, Object> fields = reader.fields(event);
        assertThat(fieldKeys).containsExactlyElementsOf(fields.keySet());
        fields.forEach((key, value) -> assertThat(line.get(key).asText()).as(key).isEqualTo(String.valueOf(value)));
    }
}
