package dev.narration.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The lines of {@code NarrationJsonLayout}'s schemas (docs/schemas.md), for tests: a configuration per schema, and
 * a line's members as one flat map, so that tests compare the same value across schemas. Nested objects become
 * dotted paths; an OTLP line becomes its log record's fields, {@code body}, its attributes by key (typed values as
 * JSON values: {@code intValue} a number, {@code arrayValue} an array), {@code scope.name}, and its resource
 * attributes as {@code resource:<key>}.
 */
public final class SchemaLines {
    public static final List<String> SCHEMAS = List.of("narration", "ecs", "gcp", "datadog", "otel");
    public static final List<String> BACKENDS = SCHEMAS.subList(1, SCHEMAS.size());

    private SchemaLines() {}

    /**
     * A configuration whose root logger (location included, as all-async loggers need) writes {@code out.jsonl}
     * through a layout of the schema, with further layout attributes (written as they are) and its child elements.
     */
    public static String config(final String schema, final String attributes, final String children) {
        return "<Configuration status='WARN'><Appenders><File name='json' fileName='${dir}/out.jsonl'>"
                + "<NarrationJsonLayout schema='" + schema + "' " + attributes + ">" + children + "</NarrationJsonLayout>"
                + "</File></Appenders><Loggers><Root level='TRACE' includeLocation='true'><AppenderRef ref='json'/></Root>"
                + "</Loggers></Configuration>";
    }

    /**
     * Logs through a synchronous configuration with one appender per schema, each a layout with the given further
     * attributes, so that every schema writes the very same events; each schema's one line, flattened.
     */
    public static Map<String, Map<String, JsonNode>> writeToEverySchema(final String attributes, final Consumer<Log4jFixture> logging) {
        final StringBuilder appenders = new StringBuilder();
        final StringBuilder refs = new StringBuilder();
        for (final String schema : SCHEMAS) {
            appenders.append("<File name='").append(schema).append("' fileName='${dir}/").append(schema)
                    .append(".jsonl'><NarrationJsonLayout schema='").append(schema).append("' ").append(attributes)
                    .append("/></File>");
            refs.append("<AppenderRef ref='").append(schema).append("'/>");
        }
        final Map<String, Map<String, JsonNode>> lines = new HashMap<>();
        try (Log4jFixture log4j = Log4jFixture.sync("<Configuration status='WARN'><Appenders>" + appenders
                + "</Appenders><Loggers><Root level='TRACE' includeLocation='true'>" + refs + "</Root></Loggers>"
                + "</Configuration>")) {
            logging.accept(log4j);
            log4j.close();
            for (final String schema : SCHEMAS) {
                final List<String> written = log4j.readLines(schema + ".jsonl");
                if (written.size() != 1) {
                    throw new AssertionError(schema + " wrote " + written.size() + " lines, not one: " + written);
                }
                lines.put(schema, flatten(schema, JsonLines.parse(written.get(0))));
            }
        }
        return lines;
    }

    /** The members of a line of the schema as one flat map, in the line's order. */
    public static Map<String, JsonNode> flatten(final String schema, final JsonNode line) {
        final Map<String, JsonNode> members = new LinkedHashMap<>();
        if (!"otel".equals(schema)) {
            object("", line, members);
            return members;
        }
        final JsonNode resourceLogs = line.get("resourceLogs").get(0);
        for (final JsonNode attribute : resourceLogs.get("resource").get("attributes")) {
            members.put("resource:" + attribute.get("key").asText(), value(attribute.get("value")));
        }
        final JsonNode scopeLogs = resourceLogs.get("scopeLogs").get(0);
        members.put("scope.name", scopeLogs.get("scope").get("name"));
        final JsonNode record = scopeLogs.get("logRecords").get(0);
        for (final Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
            final Map.Entry<String, JsonNode> member = it.next();
            if (member.getKey().equals("attributes")) {
                for (final JsonNode attribute : member.getValue()) {
                    members.put(attribute.get("key").asText(), value(attribute.get("value")));
                }
            } else if (member.getKey().equals("body")) {
                members.put("body", value(member.getValue()));
            } else {
                members.put(member.getKey(), member.getValue());
            }
        }
        return members;
    }

    private static void object(final String prefix, final JsonNode node, final Map<String, JsonNode> members) {
        for (final Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            final Map.Entry<String, JsonNode> member = it.next();
            if (member.getValue().isObject()) {
                object(prefix + member.getKey() + ".", member.getValue(), members);
            } else {
                members.put(prefix + member.getKey(), member.getValue());
            }
        }
    }

    /** An OTLP {@code AnyValue} as the JSON value it stands for. */
    public static JsonNode value(final JsonNode any) {
        if (any.has("stringValue")) {
            return TextNode.valueOf(any.get("stringValue").asText());
        }
        if (any.has("intValue")) {
            return LongNode.valueOf(Long.parseLong(any.get("intValue").asText()));
        }
        if (any.has("doubleValue")) {
            final JsonNode number = any.get("doubleValue");
            return DoubleNode.valueOf(number.isNumber() ? number.asDouble() : Double.parseDouble(number.asText()));
        }
        if (any.has("boolValue")) {
            return BooleanNode.valueOf(any.get("boolValue").asBoolean());
        }
        if (any.has("arrayValue")) {
            final ArrayNode array = JsonNodeFactory.instance.arrayNode();
            for (final JsonNode item : any.get("arrayValue").get("values")) {
                array.add(value(item));
            }
            return array;
        }
        throw new AssertionError("an OTLP value of no type this bundle writes: " + any);
    }

    /** Whether two JSON values are the same value of the same JSON type (an int and a long are both integers). */
    public static boolean sameValue(final JsonNode a, final JsonNode b) {
        if (a.isIntegralNumber() && b.isIntegralNumber()) {
            return a.bigIntegerValue().equals(b.bigIntegerValue());
        }
        if (a.isNumber() && b.isNumber()) {
            return a.doubleValue() == b.doubleValue() && a.isIntegralNumber() == b.isIntegralNumber();
        }
        return a.equals(b);
    }
}
