package dev.narration.testsupport;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;

/** Parses JSON lines strictly: a duplicate key, trailing garbage or an invalid escape fails the test. */
public final class JsonLines {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonLines() {}

    public static JsonNode parse(final String line) {
        try {
            return MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not valid JSON: " + e.getOriginalMessage() + "\n" + abbreviate(line), e);
        }
    }

    public static List<JsonNode> parseAll(final List<String> lines) {
        final List<JsonNode> nodes = new ArrayList<>(lines.size());
        for (final String line : lines) {
            nodes.add(parse(line));
        }
        return nodes;
    }

    /** The keys of an object in document order. */
    public static List<String> keys(final JsonNode node) {
        final List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static String abbreviate(final String line) {
        return line.length() <= 400 ? line : line.substring(0, 400) + "…";
    }
}
