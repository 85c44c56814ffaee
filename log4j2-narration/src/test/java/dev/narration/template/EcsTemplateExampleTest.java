package dev.narration.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Narration;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.CloseableThreadContext;
import org.junit.jupiter.api.Test;

/**
 * The {@code JsonTemplateLayout} + {@code EcsLayout.json} + narration example of docs/layout.md, as a user copies it,
 * writes no duplicate key under a strict parser, even when the context holds the keys the narration fields are read
 * from ({@code correlation_id}, {@code action}): {@code EcsLayout.json} flattens the whole context into the root
 * object, so the example nests it under {@code labels} instead (finding 6 of the issue on new users).
 */
class EcsTemplateExampleTest {
    private static final Pattern XML_BLOCK = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL);

    /** The documented configuration that names an {@code ecs-plus-narration} appender, its consoles as files. */
    private static String documentedConfiguration() throws IOException {
        final String page = Files.readString(ProjectFiles.file("docs/layout.md"), StandardCharsets.UTF_8);
        final Matcher block = XML_BLOCK.matcher(page);
        while (block.find()) {
            if (block.group(1).contains("name=\"ecs-plus-narration\"")) {
                return block.group(1).replaceAll("<Console name=\"([\\w-]+)\">", "<File name=\"$1\" fileName=\"\\${dir}/$1.jsonl\">")
                        .replace("</Console>", "</File>");
            }
        }
        throw new AssertionError("docs/layout.md has no configuration with an ecs-plus-narration appender");
    }

    @Test
    void theEcsExampleWritesEveryKeyOnceAndTheNarrationFieldsAtTheRoot() throws IOException {
        final List<String> lines;
        try (Log4jFixture log4j = Log4jFixture.sync(documentedConfiguration())) {
            try (CloseableThreadContext.Instance context = CloseableThreadContext.put("correlation_id", "req-1")
                    .put("action", "poll").put("tenant", "acme")) {
                log4j.logger("com.acme.orchestratord.JobAdmission").info(Narration.action("accept").target("job-1")
                        .human("Accepted job-1"));
                log4j.logger("com.acme.orchestratord.JobAdmission").info("Polled the queue");
            }
            lines = log4j.stopAndReadLines("ecs-plus-narration.jsonl");
        }
        assertThat(lines).hasSize(2);
        final JsonNode accept = JsonLines.parse(lines.get(0));   // strict: a duplicate key fails here
        final JsonNode poll = JsonLines.parse(lines.get(1));
        assertThat(accept.get("message").asText()).isEqualTo("Accepted job-1");
        assertThat(accept.get("actor").asText()).isEqualTo("orchestratord");
        assertThat(accept.get("action").asText()).isEqualTo("accept");
        assertThat(accept.get("target").asText()).isEqualTo("job-1");
        assertThat(accept.get("correlation_id").asText()).isEqualTo("req-1");
        assertThat(accept.get("labels").get("tenant").asText()).isEqualTo("acme");
        assertThat(accept.get("labels").get("action").asText()).as("the context's own value, kept").isEqualTo("poll");
        assertThat(poll.get("action").asText()).as("from the context").isEqualTo("poll");
        assertThat(poll.has("target")).isFalse();
    }
}
