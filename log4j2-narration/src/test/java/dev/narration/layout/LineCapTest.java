package dev.narration.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Narration;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.SchemaLines;
import dev.narration.testsupport.StatusCapture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code maxLineBytes} through log4j2.xml: a line over the cap is still one JSON object, at most the cap in bytes
 * with its newline, cut stack trace first and then its largest values, and says so (docs/layout.md#line-size-cap).
 */
class LineCapTest {
    private static final String SUFFIX = "…[truncated]";

    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    /** The lines written through a narration layout with these attributes, each checked to be within the cap. */
    private static List<String> written(final String schema, final int cap, final Consumer<Logger> logging) {
        final List<String> lines;
        try (Log4jFixture log4j = Log4jFixture.sync(SchemaLines.config(schema, "maxLineBytes='" + cap + "' maxStringLength='0'", ""))) {
            logging.accept(log4j.logger("com.acme.jobs.JobRunner"));
            lines = log4j.stopAndReadLines("out.jsonl");
        }
        for (final String line : lines) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length + 1).as(schema).isLessThanOrEqualTo(cap);
            JsonLines.parse(line);
        }
        return lines;
    }

    private static JsonNode only(final List<String> lines) {
        assertThat(lines).hasSize(1);
        return JsonLines.parse(lines.get(0));
    }

    /** A chain whose trace is tens of KiB: many distinct frames. */
    private static IllegalStateException deepFailure() {
        final StackTraceElement[] frames = new StackTraceElement[400];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new StackTraceElement("com.acme.jobs.stage" + i + ".StageRunner", "runStage" + i, "StageRunner.java", i + 1);
        }
        final IllegalStateException failure = new IllegalStateException("job-1 failed");
        failure.setStackTrace(frames);
        return failure;
    }

    @Test
    void aLineUnderTheCapIsUnchanged() {
        final JsonNode line = only(written("narration", 4096, log -> log.info(Narration.action("admit").human("Admitted job-1")
                .field("pool", "gpu-a"))));
        assertThat(line.has("truncated")).isFalse();
        assertThat(line.get("human").asText()).isEqualTo("Admitted job-1");
        assertThat(line.get("pool").asText()).isEqualTo("gpu-a");
    }

    @Test
    void theStackTraceIsCutBeforeTheMessage() {
        final String message = "Job job-1 failed after ".repeat(60);
        final JsonNode line = only(written("narration", 8192, log -> log.error(message, deepFailure())));
        assertThat(line.get("truncated").asBoolean()).isTrue();
        assertThat(line.get("human").asText()).isEqualTo(message);
        assertThat(line.get("exception.stacktrace").asText()).startsWith("java.lang.IllegalStateException: job-1 failed");
        assertThat(line.get("exception.type").asText()).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void theLargestValuesAreCutFirst() {
        final String small = "s".repeat(300);
        final String large = "L".repeat(50_000);
        final String larger = "X".repeat(80_000);
        final JsonNode line = only(written("narration", 4096, log -> {
            ThreadContext.put("tenant", small);
            log.info(Narration.action("admit").human("Admitted job-1").field("prompt", large).field("reply", larger));
        }));
        assertThat(line.get("truncated").asBoolean()).isTrue();
        assertThat(line.get("human").asText()).isEqualTo("Admitted job-1");
        assertThat(line.get("tenant").asText()).isEqualTo(small);
        assertThat(line.get("prompt").asText()).endsWith(SUFFIX).startsWith("LLLL");
        assertThat(line.get("reply").asText()).endsWith(SUFFIX).startsWith("XXXX");
        assertThat(line.get("logger").asText()).isEqualTo("com.acme.jobs.JobRunner");
    }

    @Test
    void aHugeMessageAndTraceTogetherFit() {
        final String message = "Job failed: " + "é\u0001\"".repeat(40_000);
        final JsonNode line = only(written("narration", 2048, log -> log.error(message, deepFailure())));
        assertThat(line.get("truncated").asBoolean()).isTrue();
        assertThat(line.get("human").asText()).startsWith("Job failed: é\u0001\"").endsWith(SUFFIX);
        assertThat(line.get("exception.stacktrace").asText()).startsWith("java.lang.IllegalStateException: job-1 failed");
        assertThat(line.get("level").asText()).isEqualTo("ERROR");
    }

    @Test
    void everySchemaSaysTheLineWasCutUnderItsKey() {
        final Map<String, String> keys = Map.of("narration", "truncated", "ecs", "narration.truncated",
                "gcp", "narration.truncated", "datadog", "narration.truncated", "otel", "narration.truncated");
        for (final String schema : SchemaLines.SCHEMAS) {
            final List<String> lines = written(schema, 4096, log -> {
                log.error(Narration.action("fail").human("Job job-1 failed").field("prompt", "p".repeat(30_000)), deepFailure());
                log.info(Narration.action("admit").human("Admitted job-2"));
            });
            assertThat(lines).as(schema).hasSize(2);
            final Map<String, JsonNode> cut = SchemaLines.flatten(schema, JsonLines.parse(lines.get(0)));
            assertThat(cut.get(keys.get(schema)).asBoolean()).as(schema).isTrue();
            final Map<String, JsonNode> whole = SchemaLines.flatten(schema, JsonLines.parse(lines.get(1)));
            assertThat(whole).as(schema).doesNotContainKey(keys.get(schema));
        }
    }

    @Test
    void badCapsAreReportedAndNoCapUsed() {
        for (final String bad : List.of("100", "1MB", "-1")) {
            try (StatusCapture status = StatusCapture.start()) {
                final List<String> lines;
                try (Log4jFixture log4j = Log4jFixture.sync(SchemaLines.config("narration", "maxLineBytes='" + bad + "'", ""))) {
                    log4j.logger("com.acme.jobs.JobRunner").info(Narration.action("admit").human("Admitted job-1")
                            .field("prompt", "p".repeat(5_000)));
                    lines = log4j.stopAndReadLines("out.jsonl");
                }
                assertThat(status.errors()).anySatisfy(message -> assertThat(message).contains("NarrationJsonLayout")
                        .contains("maxLineBytes=\"" + bad + "\"").contains("at least 1024").contains("Using 0"));
                assertThat(only(lines).get("prompt").asText()).hasSize(5_000);
            }
        }
    }
}
