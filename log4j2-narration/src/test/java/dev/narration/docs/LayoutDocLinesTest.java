package dev.narration.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.narration.Narration;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The example lines of docs/layout.md's options: each section's configuration (its {@code xml} block, the console
 * appender writing to a file instead), given the event the section describes, writes the section's {@code json}
 * line, member for member but the timestamp. SLF4J 2 key-values reach the layout as context entries (Log4j's
 * binding puts them in the {@code ThreadContext} for the call), so they are given here as such.
 */
class LayoutDocLinesTest {
    private static final String LOGGER = "com.acme.orchestratord.JobAdmission";

    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    @Test
    void contextSelection() throws IOException {
        assertSectionWrites("#### Context selection", Map.of("correlation_id", "req-7f3a9c", "http.method", "POST",
                "http.route", "/jobs", "job_id", "job-123", "session_id", "s-91", "tenant", "acme"),
                log -> log.info(Narration.action("accept").target("job-123").human("Accepted job-123")));
    }

    @Test
    void renamingKeys() throws IOException {
        assertSectionWrites("#### Renaming keys", Map.of("job_id", "job-123"),
                log -> log.info(Narration.action("accept").human("Accepted job-123").field("userId", 42)));
    }

    @Test
    void typedContextValues() throws IOException {
        assertSectionWrites("#### Typed context values", Map.of("user_id", "42", "ok", "true", "ratio", "1",
                "order_no", "1234", "zip", "02134"), log -> log.info("Accepted job-123"));
    }

    @Test
    void lineSizeCap() throws IOException {
        final String reply = "The pool is healthy. ".repeat(240);
        assertSectionWrites("### Line size cap", Map.of(), log -> log.info(Narration.action("reply").human("Replied to job-123")
                .field("prompt", "Summarise the logs").field("reply", reply)));
    }

    private static void assertSectionWrites(final String heading, final Map<String, String> context,
            final Consumer<Logger> logging) throws IOException {
        final String section = section(heading);
        final String xml = block(section, "```xml\n").replace("<Console name=\"json\">",
                "<File name=\"json\" fileName=\"${dir}/out.jsonl\">").replace("</Console>", "</File>");
        final JsonNode documented = JsonLines.parse(block(section, "```json\n").trim());
        final List<String> written;
        try (Log4jFixture log4j = Log4jFixture.sync(xml)) {
            ThreadContext.putAll(context);
            logging.accept(log4j.logger(LOGGER));
            written = log4j.stopAndReadLines("out.jsonl");
        }
        assertThat(written).hasSize(1);
        final ObjectNode line = (ObjectNode) JsonLines.parse(written.get(0));
        ((ObjectNode) documented).remove("@timestamp");
        line.remove("@timestamp");
        ((ObjectNode) documented).remove("thread");
        line.remove("thread");
        assertThat(JsonLines.keys(line)).as(heading).isEqualTo(JsonLines.keys(documented));
        assertThat(line).as(heading).isEqualTo(documented);
    }

    /** The text of docs/layout.md from the heading to the next heading of its level or above. */
    private static String section(final String heading) throws IOException {
        final String page = Files.readString(ProjectFiles.file("docs/layout.md"), StandardCharsets.UTF_8);
        final int start = page.indexOf("\n" + heading + "\n");
        assertThat(start).as(heading).isNotNegative();
        final String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = page.length();
        for (String prefix = level; prefix.length() > 2; prefix = prefix.substring(1)) {
            final int next = page.indexOf("\n" + prefix, start + heading.length() + 1);
            if (next >= 0 && next < end) {
                end = next;
            }
        }
        return page.substring(start, end);
    }

    private static String block(final String section, final String fence) {
        final int open = section.indexOf(fence);
        assertThat(open).as(fence).isNotNegative();
        final int from = open + fence.length();
        return section.substring(from, section.indexOf("```", from));
    }
}
