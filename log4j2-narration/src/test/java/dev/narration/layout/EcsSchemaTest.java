package dev.narration.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.SchemaEvents;
import dev.narration.testsupport.SchemaLines;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@code schema="ecs"} against the ecs-logging specification itself ({@code ecs-logging/spec.json} in the test
 * resources, Elastic's file): every line of a variety of events, synchronous and all-async, has every required
 * field, each field at its {@code index}, of its type, and the top-level fields as dotted keys, never nested.
 */
class EcsSchemaTest {
    private static final SdkTracerProvider SAMPLED = SdkTracerProvider.builder().build();
    private static final SdkTracerProvider UNSAMPLED = SdkTracerProvider.builder().setSampler(Sampler.alwaysOff()).build();
    private static final String ATTRIBUTES = "serviceName='orchestratord' serviceVersion='1.4.2' "
            + "deploymentEnvironment='production' serviceInstanceId='pod-7' includeLocation='true'";

    @AfterAll
    static void stopTracing() {
        SAMPLED.close();
        UNSAMPLED.close();
    }

    @Test
    void everyLineIsValidByTheEcsLoggingSpecification() throws IOException {
        final JsonNode spec = spec();
        for (final boolean allAsync : new boolean[] {false, true}) {
            final String xml = SchemaLines.config("ecs", ATTRIBUTES, "");
            final List<String> lines;
            final int events;
            try (Log4jFixture log4j = allAsync ? Log4jFixture.allAsync(xml) : Log4jFixture.sync(xml)) {
                events = SchemaEvents.log(log4j.logger("com.acme.orchestratord.Admission"),
                        SAMPLED.get("ecs"), UNSAMPLED.get("ecs")).events();
                lines = log4j.stopAndReadLines("out.jsonl");
            }
            assertThat(lines).hasSize(events);
            for (final String line : lines) {
                assertThat(violations(spec, JsonLines.parse(line))).as("all-async: %s; %s", allAsync, line).isEmpty();
            }
        }
    }

    @Test
    void theSpecificationsRulesFindWhatBreaksThem() throws IOException {
        final JsonNode spec = spec();
        assertThat(violations(spec, JsonLines.parse("{\"log.level\":\"INFO\",\"@timestamp\":\"2026-01-01T00:00:00Z\","
                + "\"ecs.version\":\"8.11.0\"}"))).anyMatch(v -> v.contains("@timestamp"));
        assertThat(violations(spec, JsonLines.parse("{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"log\":{\"level\":\"INFO\"},"
                + "\"ecs.version\":\"8.11.0\"}"))).anyMatch(v -> v.contains("log.level"));
        assertThat(violations(spec, JsonLines.parse("{\"@timestamp\":\"2026-01-01T00:00:00Z\",\"log.level\":\"INFO\","
                + "\"message\":3,\"ecs.version\":\"8.11.0\"}"))).anyMatch(v -> v.contains("message"));
        assertThat(violations(spec, JsonLines.parse("{\"@timestamp\":\"yesterday\",\"log.level\":\"INFO\","
                + "\"ecs.version\":\"8.11.0\"}"))).anyMatch(v -> v.contains("@timestamp"));
    }

    private static JsonNode spec() throws IOException {
        try (InputStream in = EcsSchemaTest.class.getResourceAsStream("/ecs-logging/spec.json")) {
            return JsonLines.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** What in the line breaks the specification's field rules; empty when it is valid. */
    static List<String> violations(final JsonNode spec, final JsonNode line) {
        final List<String> violations = new ArrayList<>();
        final List<String> keys = JsonLines.keys(line);
        for (final Iterator<Map.Entry<String, JsonNode>> it = spec.get("fields").fields(); it.hasNext(); ) {
            final Map.Entry<String, JsonNode> field = it.next();
            final String name = field.getKey();
            final JsonNode rule = field.getValue();
            final JsonNode nested = nested(line, name);
            final JsonNode value = line.has(name) ? line.get(name) : nested;
            if (rule.path("top_level_field").asBoolean() && nested != null) {
                violations.add(name + " must be a top-level dotted key, not nested");
            }
            if (value == null) {
                if (rule.path("required").asBoolean()) {
                    violations.add(name + " is required");
                }
                continue;
            }
            if (rule.has("index") && keys.indexOf(name) != rule.get("index").asInt()) {
                violations.add(name + " must be member " + rule.get("index").asInt() + ", is " + keys.indexOf(name));
            }
            if (!hasType(value, rule.get("type").asText())) {
                violations.add(name + " must be of type " + rule.get("type").asText() + ": " + value);
            }
        }
        return violations;
    }

    /** The value at a dotted name written as nested objects ({@code {"log":{"level":…}}}), or {@code null}. */
    private static JsonNode nested(final JsonNode line, final String name) {
        JsonNode node = line;
        for (final String part : name.split("\\.")) {
            node = node.isObject() ? node.get(part) : null;
            if (node == null) {
                return null;
            }
        }
        return name.contains(".") ? node : null;
    }

    private static boolean hasType(final JsonNode value, final String type) {
        switch (type) {
            case "string":
                return value.isTextual();
            case "integer":
                return value.isIntegralNumber();
            case "object":
                return value.isObject();
            case "datetime":
                try {
                    OffsetDateTime.parse(value.asText());
                    return value.isTextual();
                } catch (java.time.format.DateTimeParseException e) {
                    return false;
                }
            default:
                throw new AssertionError("a type the ecs-logging specification did not have: " + type);
        }
    }
}
