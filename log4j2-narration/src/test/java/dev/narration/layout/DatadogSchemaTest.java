package dev.narration.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.SchemaEvents;
import dev.narration.testsupport.SchemaLines;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code schema="datadog"} against Datadog's reserved and standard attributes, unified service tagging, and its rule
 * for correlating OpenTelemetry traces with logs ({@code dd.trace_id}: the unsigned decimal of the lower 64 bits of
 * the trace id; {@code dd.span_id}: the decimal of the span id), with ids from real spans, sampled and not.
 */
class DatadogSchemaTest {
    private static final SdkTracerProvider SAMPLED = SdkTracerProvider.builder().build();
    private static final SdkTracerProvider UNSAMPLED = SdkTracerProvider.builder().setSampler(Sampler.alwaysOff()).build();
    /** The statuses Datadog's status remapper gives its logs. */
    private static final Set<String> STATUSES = Set.of("emerg", "alert", "critical", "error", "warning", "notice", "info", "debug");
    /** The status of the first seven events of SchemaEvents: TRACE, DEBUG, INFO, WARN, ERROR, FATAL, NOTICE. */
    private static final List<String> LEVEL_STATUSES = List.of("debug", "debug", "info", "warning", "error", "critical", "warning");

    @AfterAll
    static void stopTracing() {
        SAMPLED.close();
        UNSAMPLED.close();
    }

    private static List<JsonNode> write(final boolean allAsync, final SchemaEvents.Logged[] logged) {
        final String xml = SchemaLines.config("datadog", "serviceName='orchestratord' serviceVersion='1.4.2' "
                + "deploymentEnvironment='production' serviceInstanceId='pod-7' includeLocation='true'", "");
        try (Log4jFixture log4j = allAsync ? Log4jFixture.allAsync(xml) : Log4jFixture.sync(xml)) {
            logged[0] = SchemaEvents.log(log4j.logger("com.acme.orchestratord.Admission"),
                    SAMPLED.get("datadog"), UNSAMPLED.get("datadog"));
            final List<String> lines = log4j.stopAndReadLines("out.jsonl");
            assertThat(lines).hasSize(logged[0].events());
            return JsonLines.parseAll(lines);
        }
    }

    @Test
    void everyLineHasTheReservedAndServiceAttributesAndTheStatusOfItsLevel() {
        final List<JsonNode> lines = write(false, new SchemaEvents.Logged[1]);
        for (int i = 0; i < LEVEL_STATUSES.size(); i++) {
            assertThat(lines.get(i).get("status").asText()).as(lines.get(i).toString()).isEqualTo(LEVEL_STATUSES.get(i));
        }
        for (final JsonNode line : lines) {
            assertThat(STATUSES).contains(line.get("status").asText());
            assertThat(OffsetDateTime.parse(line.get("timestamp").asText())).isNotNull();
            assertThat(line.get("service").asText()).isEqualTo("orchestratord");
            assertThat(line.get("dd.service").asText()).isEqualTo("orchestratord");
            assertThat(line.get("dd.env").asText()).isEqualTo("production");
            assertThat(line.get("dd.version").asText()).isEqualTo("1.4.2");
            assertThat(line.get("narration.service.instance.id").asText()).isEqualTo("pod-7");
            assertThat(line.get("logger.name").asText()).isEqualTo("com.acme.orchestratord.Admission");
            assertThat(line.get("logger.thread_name").asText()).isEqualTo("main");
            assertThat(line.get("logger.method_name").asText()).isIn("log", "inSpan");
        }
        final JsonNode failed = lines.stream().filter(l -> l.path("message").asText().equals("Job-7 failed")).findFirst().orElseThrow();
        assertThat(failed.get("error.kind").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(failed.get("error.message").asText()).isEqualTo("dispatch failed");
        assertThat(failed.get("error.stack").asText()).startsWith("java.lang.IllegalStateException: dispatch failed\n\tat ");

        final JsonNode collisions = lines.stream().filter(l -> l.path("message").asText().equals("Collisions")).findFirst().orElseThrow();
        assertThat(collisions.get("field.status").asText()).isEqualTo("st");
        assertThat(collisions.get("field.message").asText()).isEqualTo("m");
        assertThat(collisions.get("field.service").asText()).isEqualTo("sv");
        assertThat(collisions.get("field.error").asText()).isEqualTo("e");
        assertThat(collisions.get("field.dd.trace_id").asText()).isEqualTo("d");
        assertThat(collisions.get("status").asText()).isEqualTo("info");
        assertThat(collisions.get("service").asText()).isEqualTo("orchestratord");
        assertThat(lines.stream().filter(l -> l.has("limit")).findFirst().orElseThrow().has("message")).isFalse();
    }

    @Test
    void traceAndSpanIdsAreDatadogsDecimalsOfTheRealSpansWithAllAsyncLoggersToo() {
        for (final boolean allAsync : new boolean[] {false, true}) {
            final SchemaEvents.Logged[] logged = new SchemaEvents.Logged[1];
            final List<JsonNode> lines = write(allAsync, logged);
            for (final String kind : new String[] {"sampled", "not sampled"}) {
                final SpanContext span = kind.equals("sampled") ? logged[0].sampled() : logged[0].unsampled();
                final List<JsonNode> inSpan = lines.stream()
                        .filter(line -> line.path("message").asText().endsWith("job-9 (" + kind + ")")).toList();
                assertThat(inSpan).hasSize(2);
                for (final JsonNode line : inSpan) {
                    // Datadog's rule: the lower 64 bits of the 128-bit trace id, read as an unsigned integer.
                    final BigInteger lower64 = new BigInteger(span.getTraceId(), 16).mod(BigInteger.ONE.shiftLeft(64));
                    assertThat(line.get("dd.trace_id").isTextual()).isTrue();
                    assertThat(line.get("dd.trace_id").asText()).isEqualTo(lower64.toString());
                    assertThat(line.get("dd.span_id").asText()).isEqualTo(new BigInteger(span.getSpanId(), 16).toString());
                    assertThat(line.get("narration.trace_id").asText()).isEqualTo(span.getTraceId());
                    assertThat(line.get("narration.span_id").asText()).isEqualTo(span.getSpanId());
                }
            }
            assertThat(lines.get(0).has("dd.trace_id")).as("outside a span").isFalse();
        }
    }

    @Test
    void anIdThatIsNotHexHasNoDecimalButKeepsItsText() {
        final List<String> lines;
        try (Log4jFixture log4j = Log4jFixture.sync(SchemaLines.config("datadog", "", ""))) {
            ThreadContext.put("trace_id", "not-a-trace-id");
            ThreadContext.put("span_id", "ffffffffffffffff");
            log4j.logger("com.acme.Jobs").info("Accepted");
            lines = log4j.stopAndReadLines("out.jsonl");
        } finally {
            ThreadContext.clearMap();
        }
        final JsonNode line = JsonLines.parse(lines.get(0));
        assertThat(line.has("dd.trace_id")).isFalse();
        assertThat(line.get("narration.trace_id").asText()).isEqualTo("not-a-trace-id");
        assertThat(line.get("dd.span_id").asText()).as("above Long.MAX_VALUE, still unsigned").isEqualTo("18446744073709551615");
    }
}
