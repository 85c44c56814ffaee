package dev.narration.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.narration.Narration;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.SchemaEvents;
import dev.narration.testsupport.SchemaLines;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code schema="otel"} read by OpenTelemetry's own protobuf definitions: every line is parsed by protobuf's
 * {@code JsonFormat} (which rejects an unknown field) into an {@code ExportLogsServiceRequest}, the message the
 * Collector's {@code otlpjsonfile} receiver reads. OTLP/JSON writes {@code traceId} and {@code spanId} in hex while
 * protobuf's JSON reads {@code bytes} as base64: as the Collector's reader does, the test turns the two ids from hex
 * into base64 before parsing, and checks the hex text against the real span separately.
 */
class OtlpSchemaTest {
    private static final SdkTracerProvider SAMPLED = SdkTracerProvider.builder().build();
    private static final SdkTracerProvider UNSAMPLED = SdkTracerProvider.builder().setSampler(Sampler.alwaysOff()).build();
    private static final String ATTRIBUTES = "serviceName='orchestratord' serviceVersion='1.4.2' "
            + "deploymentEnvironment='production' serviceInstanceId='pod-7' includeLocation='true'";
    private static final Map<String, Integer> SEVERITY_NUMBERS = Map.of(
            "TRACE", 1, "DEBUG", 5, "INFO", 9, "WARN", 13, "ERROR", 17, "FATAL", 21, "NOTICE", 13);

    @AfterAll
    static void stopTracing() {
        SAMPLED.close();
        UNSAMPLED.close();
    }

    @Test
    void everyLineIsAnExportLogsServiceRequestOfOneRecordWithTheRightSeverityScopeAndResource() throws Exception {
        for (final boolean allAsync : new boolean[] {false, true}) {
            final Written written = write(allAsync);
            for (int i = 0; i < written.lines.size(); i++) {
                final JsonNode raw = JsonLines.parse(written.lines.get(i));
                final ExportLogsServiceRequest request = parse(raw);
                assertThat(request.getResourceLogsCount()).isEqualTo(1);
                final ResourceLogs resourceLogs = request.getResourceLogs(0);
                assertThat(attributes(resourceLogs.getResource().getAttributesList())).containsExactly(
                        Map.entry("service.name", "orchestratord"), Map.entry("service.version", "1.4.2"),
                        Map.entry("service.instance.id", "pod-7"), Map.entry("deployment.environment.name", "production"));
                assertThat(resourceLogs.getScopeLogsCount()).isEqualTo(1);
                final ScopeLogs scopeLogs = resourceLogs.getScopeLogs(0);
                assertThat(scopeLogs.getScope().getName()).isEqualTo("com.acme.orchestratord.Admission");
                assertThat(scopeLogs.getLogRecordsCount()).isEqualTo(1);
                final LogRecord record = scopeLogs.getLogRecords(0);
                assertThat(record.getSeverityNumberValue()).as(written.lines.get(i))
                        .isEqualTo(SEVERITY_NUMBERS.get(record.getSeverityText()));
                final JsonNode rawRecord = raw.at("/resourceLogs/0/scopeLogs/0/logRecords/0");
                assertThat(rawRecord.get("timeUnixNano").isTextual()).as("timeUnixNano is a string").isTrue();
                assertThat(record.getTimeUnixNano()).isBetween(written.before * 1_000_000L, written.after * 1_000_000L);
                assertThat(attributes(record.getAttributesList())).containsKey("thread.name").containsKey("code.function.name");
                assertThat(attributes(record.getAttributesList()).get("code.function.name").toString())
                        .startsWith("dev.narration.testsupport.SchemaEvents.");
            }
            assertThat(written.lines.stream().map(line -> parse(JsonLines.parse(line)))
                    .map(request -> request.getResourceLogs(0).getScopeLogs(0).getLogRecords(0).getSeverityText())
                    .collect(Collectors.toSet())).containsAll(SEVERITY_NUMBERS.keySet());
        }
    }

    @Test
    void attributesKeepTheirTypesAndTheNarration() throws Exception {
        final List<LogRecord> records = records(write(false).lines);
        final LogRecord accept = withBody(records, "Accepted job-123; queued at position 3");
        final Map<String, Object> attributes = attributes(accept.getAttributesList());
        assertThat(attributes).containsEntry("narration.actor", "orchestratord").containsEntry("narration.action", "accept")
                .containsEntry("narration.target", "job-123").containsEntry("narration.cute", "Welcome, job-123! 🎫")
                .containsEntry("narration.story", "\"Room for one more?\" asked job-123.")
                .containsEntry("narration.correlation_id", "req-42").containsEntry("job_id", "job-123")
                .containsEntry("queue_position", 3L).containsEntry("load", 0.25).containsEntry("gpu", true)
                .containsEntry("pool", "gpu-a").containsEntry("big", "12345678901234567890.5")
                .containsEntry("huge", "123456789012345678901234567890").containsEntry("object", "built")
                .containsEntry("narration.tags", List.of("SCHEMA_AUDIT", "SCHEMA_SECURITY"));
        assertThat((Double) attributes.get("ratio")).isNaN();

        final Map<String, Object> collisions = attributes(withBody(records, "Collisions").getAttributesList());
        assertThat(collisions).containsEntry("message", "m").containsEntry("field.thread.name", "t")
                .containsEntry("field.narration.actor", "n").doesNotContainKey("narration.actor.")
                .containsEntry("narration.actor", "orchestratord");

        final LogRecord failed = withBody(records, "Job-7 failed");
        assertThat(attributes(failed.getAttributesList())).containsEntry("exception.type", "java.lang.IllegalStateException")
                .containsEntry("exception.message", "dispatch failed").containsEntry("error_kind", "io");
        assertThat(attributes(failed.getAttributesList()).get("exception.stacktrace").toString())
                .startsWith("java.lang.IllegalStateException: dispatch failed\n\tat ")
                .contains("Caused by: java.io.IOException: connection refused", "Suppressed: java.lang.IllegalArgumentException");

        final LogRecord map = records.stream().filter(r -> attributes(r.getAttributesList()).containsKey("limit"))
                .findFirst().orElseThrow();
        assertThat(map.hasBody()).as("a MapMessage without a message entry has no body").isFalse();
        assertThat(attributes(map.getAttributesList())).containsEntry("limit", 7L).containsEntry("pool_id", "default");
    }

    @Test
    void theSpanIdsAreHexAndTheFlagsAreTheSpansOwnWithAllAsyncLoggersToo() throws Exception {
        for (final boolean allAsync : new boolean[] {false, true}) {
            final Written written = write(allAsync);
            for (final String kind : new String[] {"sampled", "not sampled"}) {
                final SpanContext span = kind.equals("sampled") ? written.logged.sampled() : written.logged.unsampled();
                assertThat(span.isSampled()).isEqualTo(kind.equals("sampled"));
                final String line = written.lines.stream().filter(l -> l.contains("Dispatched job-9 (" + kind + ")"))
                        .findFirst().orElseThrow();
                final JsonNode raw = JsonLines.parse(line).at("/resourceLogs/0/scopeLogs/0/logRecords/0");
                assertThat(raw.get("traceId").asText()).isEqualTo(span.getTraceId());
                assertThat(raw.get("spanId").asText()).isEqualTo(span.getSpanId());
                final LogRecord record = parse(JsonLines.parse(line)).getResourceLogs(0).getScopeLogs(0).getLogRecords(0);
                assertThat(HexFormat.of().formatHex(record.getTraceId().toByteArray())).isEqualTo(span.getTraceId());
                assertThat(HexFormat.of().formatHex(record.getSpanId().toByteArray())).isEqualTo(span.getSpanId());
                assertThat(record.getFlags()).as("all-async: %s, %s", allAsync, kind)
                        .isEqualTo(span.getTraceFlags().asByte() & 0xff).isEqualTo(kind.equals("sampled") ? 1 : 0);
            }
            final LogRecord outside = withBody(records(written.lines), "Accepted request; queued at position 3");
            assertThat(outside.getTraceId().isEmpty()).isTrue();
            assertThat(outside.getFlags()).isZero();
        }
    }

    private record Written(List<String> lines, SchemaEvents.Logged logged, long before, long after) {}

    private static Written write(final boolean allAsync) {
        final String xml = SchemaLines.config("otel", ATTRIBUTES, "");
        final long before = System.currentTimeMillis();
        try (Log4jFixture log4j = allAsync ? Log4jFixture.allAsync(xml) : Log4jFixture.sync(xml)) {
            final SchemaEvents.Logged logged = SchemaEvents.log(log4j.logger("com.acme.orchestratord.Admission"),
                    SAMPLED.get("otel"), UNSAMPLED.get("otel"));
            final long after = System.currentTimeMillis() + 1;
            final List<String> lines = log4j.stopAndReadLines("out.jsonl");
            assertThat(lines).hasSize(logged.events());
            return new Written(lines, logged, before, after);
        }
    }

    private static List<LogRecord> records(final List<String> lines) {
        final List<LogRecord> records = new ArrayList<>();
        for (final String line : lines) {
            records.add(parse(JsonLines.parse(line)).getResourceLogs(0).getScopeLogs(0).getLogRecords(0));
        }
        return records;
    }

    @Test
    void aKeyWhoseValueChangesTypeIsWrittenWithEachValuesOwnTypeEvenBesideTheDefaultLine() {
        final NarrationJsonLayout otel = NarrationJsonLayout.newBuilder().setConfiguration(new DefaultConfiguration())
                .setSchema("otel").setServiceName("orchestratord").setEnvironment(Map.of()).build();
        final NarrationJsonLayout narration = NarrationJsonLayout.newBuilder().setConfiguration(new DefaultConfiguration())
                .setServiceName("orchestratord").setEnvironment(Map.of()).build();
        final Log4jLogEvent.Builder builder = Log4jLogEvent.newBuilder().setLoggerName("com.acme.Jobs").setLevel(Level.INFO);
        final Object[] values = {7L, "seven", 7.5, true};
        // The same key string in every event, in both a member's and an attribute's form on this one thread.
        final String key = "attempts";
        for (int round = 0; round < 3; round++) {
            for (final Object value : values) {
                final Narration message = Narration.action("retry").human("Retried job");
                if (value instanceof Long) {
                    message.field(key, (long) (Long) value);
                } else if (value instanceof Double) {
                    message.field(key, (double) (Double) value);
                } else if (value instanceof Boolean) {
                    message.field(key, (boolean) (Boolean) value);
                } else {
                    message.field(key, (String) value);
                }
                final LogEvent event = builder.setMessage(message).build();
                final LogRecord record = parse(JsonLines.parse(otel.toSerializable(event)))
                        .getResourceLogs(0).getScopeLogs(0).getLogRecords(0);
                assertThat(attributes(record.getAttributesList())).as("%s", value).containsEntry(key, value);
                final JsonNode member = JsonLines.parse(narration.toSerializable(event)).get(key);
                assertThat(member.isTextual()).as("%s", value).isEqualTo(value instanceof String);
                assertThat(member.asText()).as("%s", value).isEqualTo(String.valueOf(value));
            }
        }
    }

    private static LogRecord withBody(final List<LogRecord> records, final String body) {
        return records.stream().filter(r -> r.getBody().getStringValue().equals(body)).findFirst().orElseThrow();
    }

    /** The line, already parsed strictly, with its hex ids in base64, parsed by protobuf's JsonFormat. */
    static ExportLogsServiceRequest parse(final JsonNode line) {
        final JsonNode copy = line.deepCopy();
        for (final JsonNode resourceLogs : copy.path("resourceLogs")) {
            for (final JsonNode scopeLogs : resourceLogs.path("scopeLogs")) {
                for (final JsonNode record : scopeLogs.path("logRecords")) {
                    for (final String id : new String[] {"traceId", "spanId"}) {
                        if (record.has(id)) {
                            ((ObjectNode) record).put(id, Base64.getEncoder().encodeToString(
                                    HexFormat.of().parseHex(record.get(id).asText())));
                        }
                    }
                }
            }
        }
        final ExportLogsServiceRequest.Builder request = ExportLogsServiceRequest.newBuilder();
        try {
            JsonFormat.parser().merge(copy.toString(), request);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("not an ExportLogsServiceRequest: " + e.getMessage() + "\n" + line, e);
        }
        return request.build();
    }

    /** Attributes by key, in order, their values as Java values (a list for an array). */
    private static Map<String, Object> attributes(final List<KeyValue> attributes) {
        final Map<String, Object> values = new LinkedHashMap<>();
        for (final KeyValue attribute : attributes) {
            assertThat(values).as("a key once").doesNotContainKey(attribute.getKey());
            values.put(attribute.getKey(), value(attribute.getValue()));
        }
        return values;
    }

    private static Object value(final AnyValue value) {
        switch (value.getValueCase()) {
            case STRING_VALUE:
                return value.getStringValue();
            case INT_VALUE:
                return value.getIntValue();
            case DOUBLE_VALUE:
                return value.getDoubleValue();
            case BOOL_VALUE:
                return value.getBoolValue();
            case ARRAY_VALUE:
                return value.getArrayValue().getValuesList().stream().map(OtlpSchemaTest::value).collect(Collectors.toList());
            default:
                throw new AssertionError("a value of no type this bundle writes: " + value);
        }
    }
}
