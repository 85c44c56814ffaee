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
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code schema="gcp"} against Cloud Logging's table of special JSON fields (structured logging) and Error
 * Reporting's rule for where a stack trace is read, with trace ids from real OpenTelemetry spans, sampled and not.
 */
class GcpSchemaTest {
    private static final SdkTracerProvider SAMPLED = SdkTracerProvider.builder().build();
    private static final SdkTracerProvider UNSAMPLED = SdkTracerProvider.builder().setSampler(Sampler.alwaysOff()).build();
    /** Cloud Logging's LogSeverity names. */
    private static final Set<String> SEVERITIES = Set.of(
            "DEFAULT", "DEBUG", "INFO", "NOTICE", "WARNING", "ERROR", "CRITICAL", "ALERT", "EMERGENCY");
    /** The special fields of structured logging under logging.googleapis.com/, with the JSON type of each. */
    private static final Map<String, String> SPECIAL = Map.of(
            "logging.googleapis.com/trace", "string", "logging.googleapis.com/spanId", "string",
            "logging.googleapis.com/trace_sampled", "boolean", "logging.googleapis.com/sourceLocation", "object",
            "logging.googleapis.com/insertId", "string", "logging.googleapis.com/labels", "object",
            "logging.googleapis.com/operation", "object");
    /** The severity of the first seven events of SchemaEvents: TRACE, DEBUG, INFO, WARN, ERROR, FATAL, NOTICE. */
    private static final List<String> LEVEL_SEVERITIES =
            List.of("DEBUG", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL", "WARNING");

    @AfterAll
    static void stopTracing() {
        SAMPLED.close();
        UNSAMPLED.close();
    }

    private static List<JsonNode> write(final boolean allAsync, final SchemaEvents.Logged[] logged) {
        final String xml = SchemaLines.config("gcp", "serviceName='orchestratord' serviceVersion='1.4.2' "
                + "gcpProjectId='acme-prod' includeLocation='true'", "");
        try (Log4jFixture log4j = allAsync ? Log4jFixture.allAsync(xml) : Log4jFixture.sync(xml)) {
            logged[0] = SchemaEvents.log(log4j.logger("com.acme.orchestratord.Admission"), SAMPLED.get("gcp"), UNSAMPLED.get("gcp"));
            final List<String> lines = log4j.stopAndReadLines("out.jsonl");
            assertThat(lines).hasSize(logged[0].events());
            return JsonLines.parseAll(lines);
        }
    }

    @Test
    void everyLineHasTheSpecialFieldsWithTheirTypesAndTheSeverityOfItsLevel() {
        for (final boolean allAsync : new boolean[] {false, true}) {
            final List<JsonNode> lines = write(allAsync, new SchemaEvents.Logged[1]);
            for (int i = 0; i < LEVEL_SEVERITIES.size(); i++) {
                assertThat(lines.get(i).get("severity").asText()).as(lines.get(i).toString()).isEqualTo(LEVEL_SEVERITIES.get(i));
            }
            for (final JsonNode line : lines) {
                assertThat(SEVERITIES).as(line.toString()).contains(line.get("severity").asText());
                assertThat(OffsetDateTime.parse(line.get("time").asText())).as("time is RFC 3339").isNotNull();
                assertThat(!line.has("message") || line.get("message").isTextual()).isTrue();
                line.fieldNames().forEachRemaining(key -> {
                    if (key.startsWith("logging.googleapis.com/")) {
                        assertThat(SPECIAL).as("a special field of Cloud Logging").containsKey(key);
                        assertThat(line.get(key).getNodeType().toString().toLowerCase(java.util.Locale.ROOT))
                                .as(key).isEqualTo(SPECIAL.get(key));
                    }
                });
                final JsonNode source = line.get("logging.googleapis.com/sourceLocation");
                assertThat(source.get("file").asText()).isEqualTo("SchemaEvents.java");
                assertThat(source.get("line").asText()).as("LogEntrySourceLocation.line, an int64: a string").matches("[0-9]+");
                assertThat(source.get("function").asText()).startsWith("dev.narration.testsupport.SchemaEvents.");
                assertThat(line.get("serviceContext").get("service").asText()).isEqualTo("orchestratord");
                assertThat(line.get("serviceContext").get("version").asText()).isEqualTo("1.4.2");
            }
        }
    }

    @Test
    void traceResourceSpanIdAndTheSpansRealSampledFlagWithAllAsyncLoggersToo() {
        for (final boolean allAsync : new boolean[] {false, true}) {
            final SchemaEvents.Logged[] logged = new SchemaEvents.Logged[1];
            final List<JsonNode> lines = write(allAsync, logged);
            for (final String kind : new String[] {"sampled", "not sampled"}) {
                final SpanContext span = kind.equals("sampled") ? logged[0].sampled() : logged[0].unsampled();
                final List<JsonNode> inSpan = lines.stream()
                        .filter(line -> line.path("message").asText().endsWith("job-9 (" + kind + ")")).toList();
                assertThat(inSpan).hasSize(2);
                for (final JsonNode line : inSpan) {
                    assertThat(line.get("logging.googleapis.com/trace").asText())
                            .isEqualTo("projects/acme-prod/traces/" + span.getTraceId());
                    assertThat(line.get("logging.googleapis.com/spanId").asText()).isEqualTo(span.getSpanId());
                    assertThat(line.get("logging.googleapis.com/trace_sampled").isBoolean()).isTrue();
                    assertThat(line.get("logging.googleapis.com/trace_sampled").booleanValue())
                            .as("all-async: %s, %s", allAsync, kind).isEqualTo(span.isSampled())
                            .isEqualTo(kind.equals("sampled"));
                }
            }
            assertThat(lines.get(0).has("logging.googleapis.com/trace")).as("outside a span").isFalse();
            assertThat(lines.get(0).has("logging.googleapis.com/trace_sampled")).isFalse();
        }
    }

    @Test
    void anExceptionsStackTraceIsWhereErrorReportingReadsItFirst() {
        final List<JsonNode> lines = write(false, new SchemaEvents.Logged[1]);
        final JsonNode failed = lines.stream().filter(l -> l.path("message").asText().equals("Job-7 failed")).findFirst().orElseThrow();
        assertThat(failed.get("stack_trace").asText()).startsWith("java.lang.IllegalStateException: dispatch failed\n\tat ")
                .contains("Caused by: java.io.IOException: connection refused");
        assertThat(failed.get("narration.exception.type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(failed.get("narration.exception.message").asText()).isEqualTo("dispatch failed");
        assertThat(failed.get("severity").asText()).isEqualTo("ERROR");

        final JsonNode map = lines.stream().filter(l -> l.has("limit")).findFirst().orElseThrow();
        assertThat(map.has("message")).as("a MapMessage without a message entry").isFalse();

        final JsonNode collisions = lines.stream().filter(l -> l.path("message").asText().equals("Collisions")).findFirst().orElseThrow();
        assertThat(collisions.get("field.message").asText()).isEqualTo("m");
        assertThat(collisions.get("field.severity").asText()).isEqualTo("s");
        assertThat(collisions.get("field.time").asText()).isEqualTo("ti");
        assertThat(collisions.get("field.logging.googleapis.com/trace").asText()).isEqualTo("g");
        assertThat(collisions.get("field.narration.actor").asText()).isEqualTo("n");
        assertThat(collisions.get("severity").asText()).isEqualTo("INFO");
        final JsonNode context = lines.stream().filter(l -> l.path("narration.actor").asText().equals("scheduler")).findFirst().orElseThrow();
        assertThat(context.get("context.message").asText()).isEqualTo("from the context");
    }

    @Test
    void theProjectComesFromGoogleCloudProjectElseTheTraceIdIsBare() {
        final SortedArrayStringMap context = new SortedArrayStringMap();
        context.putValue("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
        context.putValue("span_id", "00f067aa0ba902b7");
        final LogEvent event = Log4jLogEvent.newBuilder().setLoggerName("com.acme.Jobs").setLevel(Level.INFO)
                .setMessage(new SimpleMessage("Accepted")).setContextData(context).build();
        final NarrationJsonLayout fromEnvironment = NarrationJsonLayout.newBuilder().setConfiguration(new DefaultConfiguration())
                .setSchema("gcp").setEnvironment(Map.of("GOOGLE_CLOUD_PROJECT", "from-env")).build();
        final NarrationJsonLayout none = NarrationJsonLayout.newBuilder().setConfiguration(new DefaultConfiguration())
                .setSchema("gcp").setEnvironment(Map.of()).build();
        assertThat(JsonLines.parse(fromEnvironment.toSerializable(event)).get("logging.googleapis.com/trace").asText())
                .isEqualTo("projects/from-env/traces/4bf92f3577b34da6a3ce929d0e0e4736");
        final JsonNode bare = JsonLines.parse(none.toSerializable(event));
        assertThat(bare.get("logging.googleapis.com/trace").asText()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(bare.has("logging.googleapis.com/trace_sampled")).as("no flags: nothing says it was sampled").isFalse();
    }
}
