package dev.narration.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Narration;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.SchemaLines;
import dev.narration.testsupport.StatusCapture;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.apache.logging.log4j.util.StringMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code contextInclude}, {@code contextExclude} and {@code <Rename>} through log4j2.xml, in every schema. */
class ContextSelectionTest {
    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    private static JsonNode line(final String attributes, final String children, final Runnable logging) {
        try (Log4jFixture log4j = Log4jFixture.sync(SchemaLines.config("narration", attributes, children))) {
            logging.run();
            log4j.logger("com.acme.jobs.JobRunner").info(Narration.action("admit").human("Admitted job").field("userId", 42));
            final List<String> lines = log4j.stopAndReadLines("out.jsonl");
            assertThat(lines).hasSize(1);
            return JsonLines.parse(lines.get(0));
        }
    }

    private static void context() {
        ThreadContext.put("http.method", "POST");
        ThreadContext.put("http.route", "/jobs");
        ThreadContext.put("job_id", "job-123");
        ThreadContext.put("pool_id", "default");
        ThreadContext.put("session_token_hint", "tok-7");
        ThreadContext.put("correlation_id", "req-7f3a9c");
    }

    @Test
    void includeKeepsOnlyTheKeysItsGlobsMatch() {
        final JsonNode line = line("contextInclude='http.*, *_id'", "", ContextSelectionTest::context);
        assertThat(line.get("http.method").asText()).isEqualTo("POST");
        assertThat(line.get("http.route").asText()).isEqualTo("/jobs");
        assertThat(line.get("job_id").asText()).isEqualTo("job-123");
        assertThat(line.get("pool_id").asText()).isEqualTo("default");
        assertThat(line.has("session_token_hint")).isFalse();
        // A context key that feeds a root field is selected like any other: correlation_id matches *_id.
        assertThat(line.get("correlation_id").asText()).isEqualTo("req-7f3a9c");
        // Message fields are not context: never selected out.
        assertThat(line.get("userId").asLong()).isEqualTo(42);
    }

    @Test
    void excludeDropsWhatItsGlobsMatchEvenWhenIncluded() {
        final JsonNode line = line("contextInclude='*' contextExclude='http.r*, session_*'", "", ContextSelectionTest::context);
        assertThat(line.get("http.method").asText()).isEqualTo("POST");
        assertThat(line.has("http.route")).isFalse();
        assertThat(line.has("session_token_hint")).isFalse();
        assertThat(line.get("job_id").asText()).isEqualTo("job-123");
    }

    @Test
    void selectionLeavesTheRootFieldsAContextEntryFeeds() {
        final JsonNode line = line("contextInclude='http.*' contextExclude='correlation_id'", "", ContextSelectionTest::context);
        assertThat(line.get("correlation_id").asText()).isEqualTo("req-7f3a9c");
        assertThat(line.has("context.correlation_id")).isFalse();
        assertThat(line.has("job_id")).isFalse();
    }

    @Test
    void selectionAndRenamesApplyInEverySchema() {
        for (final String schema : SchemaLines.SCHEMAS) {
            final Map<String, JsonNode> line;
            try (Log4jFixture log4j = Log4jFixture.sync(SchemaLines.config(schema, "contextInclude='job_id, http.*'",
                    "<Rename from='userId' to='user_id'/><Rename from='job_id' to='job'/>"))) {
                context();
                log4j.logger("com.acme.jobs.JobRunner").info(Narration.action("admit").human("Admitted job").field("userId", 42));
                line = SchemaLines.flatten(schema, JsonLines.parse(log4j.stopAndReadLines("out.jsonl").get(0)));
            }
            assertThat(line.get("user_id").asLong()).as(schema).isEqualTo(42);
            assertThat(line.get("job").asText()).as(schema).isEqualTo("job-123");
            assertThat(line.get("http.method").asText()).as(schema).isEqualTo("POST");
            assertThat(line).as(schema).doesNotContainKeys("userId", "job_id", "pool_id", "session_token_hint");
        }
    }

    @Test
    void renamedKeysFollowTheCollisionRule() {
        final JsonNode line = line("", "<Rename from='job_id' to='logger'/><Rename from='pool_id' to='userId'/>"
                + "<Rename from='http.method' to='method'/>", ContextSelectionTest::context);
        assertThat(line.get("method").asText()).isEqualTo("POST");
        assertThat(line.has("http.method")).isFalse();
        // logger is a reserved key, userId a message field's: the context values keep their place under context.
        assertThat(line.get("logger").asText()).isEqualTo("com.acme.jobs.JobRunner");
        assertThat(line.get("context.logger").asText()).isEqualTo("job-123");
        assertThat(line.get("userId").asLong()).isEqualTo(42);
        assertThat(line.get("context.userId").asText()).isEqualTo("default");
    }

    @Test
    void badRenamesAreReportedAndLeftOut() {
        final JsonNode line;
        try (StatusCapture status = StatusCapture.start()) {
            line = line("", "<Rename from='job_id'/><Rename from='pool_id' to='pool'/><Rename from='pool_id' to='p2'/>",
                    ContextSelectionTest::context);
            assertThat(status.errors()).anySatisfy(message -> assertThat(message).contains("NarrationJsonLayout")
                    .contains("<Rename from=\"job_id\" to=\"null\"/>").contains("layout.md"));
            assertThat(status.errors()).anySatisfy(message -> assertThat(message)
                    .contains("<Rename from=\"pool_id\" to=\"p2\"/>").contains("same from or to"));
        }
        assertThat(line.get("job_id").asText()).isEqualTo("job-123");
        assertThat(line.get("pool").asText()).isEqualTo("default");
    }

    @Test
    void aThreadWritingThroughManyLayoutsInTurnPlacesContextByEachLayoutsOwnOptions() {
        final StringMap context = new SortedArrayStringMap();
        context.putValue("job_id", "job-123");
        context.putValue("pool_id", "default");
        context.freeze();
        final LogEvent event = Log4jLogEvent.newBuilder().setLoggerName("com.acme.jobs.JobRunner").setLevel(Level.INFO)
                .setMessage(new SimpleMessage("Admitted job")).setContextData(context).build();
        // More layouts than a thread remembers placements for, so that they also evict each other's.
        final Map<String, NarrationJsonLayout> layouts = new LinkedHashMap<>();
        layouts.put("job_id", layout().build());
        layouts.put("none", layout().setContextExclude("job_id").build());
        layouts.put("job", layout().setRenames(Rename.newBuilder().setFrom("job_id").setTo("job").build()).build());
        layouts.put("context.logger", layout().setRenames(Rename.newBuilder().setFrom("job_id").setTo("logger").build()).build());
        layouts.put("only-pool", layout().setContextInclude("pool_id").build());
        layouts.put("no-pool", layout().setContextExclude("pool_id").build());
        for (int round = 0; round < 3; round++) {
            for (final Map.Entry<String, NarrationJsonLayout> layout : layouts.entrySet()) {
                final JsonNode line = JsonLines.parse(layout.getValue().toSerializable(event));
                final String expected = layout.getKey();
                switch (expected) {
                    case "none":
                    case "only-pool":
                        assertThat(line.has("job_id")).as(expected).isFalse();
                        assertThat(line.get("pool_id").asText()).as(expected).isEqualTo("default");
                        break;
                    case "no-pool":
                        assertThat(line.get("job_id").asText()).as(expected).isEqualTo("job-123");
                        assertThat(line.has("pool_id")).as(expected).isFalse();
                        break;
                    default:
                        assertThat(line.get(expected).asText()).as(expected).isEqualTo("job-123");
                        assertThat(line.get("pool_id").asText()).as(expected).isEqualTo("default");
                }
                if (!expected.equals("job_id") && !expected.equals("no-pool")) {
                    assertThat(line.has("job_id")).as(expected).isFalse();
                }
            }
        }
    }

    @Test
    void aContextEntryMovesAsideOnlyForTheEventsWhoseMessageHasAFieldOfItsName() {
        final StringMap context = new SortedArrayStringMap();
        context.putValue("job_id", "job-123");
        context.freeze();
        final Log4jLogEvent.Builder builder = Log4jLogEvent.newBuilder().setLoggerName("com.acme.jobs.JobRunner")
                .setLevel(Level.INFO).setContextData(context);
        final LogEvent plain = builder.setMessage(new SimpleMessage("Admitted job")).build();
        final LogEvent withField = builder.setMessage(Narration.action("admit").human("Admitted job").field("job_id", "job-9")).build();
        final NarrationJsonLayout layout = layout().build();
        for (int round = 0; round < 3; round++) {
            final JsonNode first = JsonLines.parse(layout.toSerializable(plain));
            assertThat(first.get("job_id").asText()).isEqualTo("job-123");
            assertThat(first.has("context.job_id")).isFalse();
            final JsonNode second = JsonLines.parse(layout.toSerializable(withField));
            assertThat(second.get("job_id").asText()).isEqualTo("job-9");
            assertThat(second.get("context.job_id").asText()).isEqualTo("job-123");
        }
    }

    private static NarrationJsonLayout.Builder layout() {
        return NarrationJsonLayout.newBuilder().setConfiguration(new DefaultConfiguration()).setServiceName("orchestratord")
                .setEnvironment(Map.of());
    }
}
