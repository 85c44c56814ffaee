package dev.narration.buffer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Configurations with a {@code RequestBuffer} in front of a JSON file, and what the file says per request. */
final class BufferedLines {
    static final String FILE = "out.jsonl";
    /** Lines without a correlation id, under this key. */
    static final String NO_ID = "(none)";

    private BufferedLines() {}

    /** The buffer {@code requests} with the given attributes, in front of {@code json}; the root at TRACE. */
    static String config(final String bufferAttributes) {
        return configWith(bufferAttributes, "", "<Root level='TRACE'><AppenderRef ref='requests'/></Root>");
    }

    static String configWith(final String bufferAttributes, final String moreAppenders, final String loggers) {
        return "<Configuration status='WARN'><Appenders>"
                + "<File name='json' fileName='${dir}/" + FILE + "'><NarrationJsonLayout serviceName='svc'/></File>"
                + "<RequestBuffer name='requests' " + bufferAttributes + "><AppenderRef ref='json'/></RequestBuffer>"
                + moreAppenders + "</Appenders><Loggers>" + loggers + "</Loggers></Configuration>";
    }

    static Function<String, Log4jFixture> starter(final boolean allAsync) {
        return allAsync ? Log4jFixture::allAsync : Log4jFixture::sync;
    }

    static RequestBuffer buffer(final Log4jFixture log4j) {
        return log4j.context().getConfiguration().getAppender("requests");
    }

    /** The {@code human} sentences of the lines, in file order, per correlation id. */
    static Map<String, List<String>> humansById(final List<String> lines) {
        final Map<String, List<String>> byId = new LinkedHashMap<>();
        for (final String line : lines) {
            final JsonNode event = JsonLines.parse(line);
            final String id = event.has("correlation_id") ? event.get("correlation_id").asText() : NO_ID;
            byId.computeIfAbsent(id, key -> new ArrayList<>()).add(event.get("human").asText());
        }
        return byId;
    }

    /** {@code held == flushed + dropped + held now}, whatever happened. */
    static void assertBalanced(final RequestBuffer buffer) {
        final BufferCounters counters = buffer.counters();
        final long now = buffer.heldNow()[0];
        org.assertj.core.api.Assertions.assertThat(counters.held())
                .as("held (%s, %d held now)", counters, now)
                .isEqualTo(counters.flushed() + counters.totalDropped() + now);
    }
}
