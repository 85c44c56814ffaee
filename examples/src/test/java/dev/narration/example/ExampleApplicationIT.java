package dev.narration.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the example application in its own JVM with examples/log4j2.xml on all-async loggers, as the README's
 * run command does, and checks what an operator and a machine get out of it.
 */
class ExampleApplicationIT {
    /** Strict: a duplicate key or trailing garbage fails the test. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    @Test
    void exampleNarratesToConsoleAndWritesJsonLines() throws Exception {
        final Path projectDir = Path.of(System.getProperty("project.dir"));
        final Path workDir = Files.createTempDirectory("narration-example");
        final Path console = workDir.resolve("console.txt");
        final Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"),
                        "-Dlog4j2.contextSelector=org.apache.logging.log4j.core.async.AsyncLoggerContextSelector",
                        "-Dlog4j2.configurationFile=" + projectDir.resolve("examples/log4j2.xml"),
                        JobOrchestratorExample.class.getName())
                .directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(console.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("example finished").isTrue();
        final String printed = Files.readString(console, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(printed).isZero();

        // Console: levels coloured by Log4j's %highlight (WARN yellow, ERROR bright red), the rest by %style.
        assertThat(printed).contains("\u001b[33mWARN \u001b[m", "\u001b[1;31mERROR\u001b[m", "\u001b[36mworkerd      \u001b[m");
        // Without the colours: readable lines at INFO and above only, with the typed fields as key=value pairs.
        final String plain = printed.replaceAll("\u001b\\[[0-9;]*m", "");
        assertThat(plain).contains("orchestratord accept", "Dispatched job-1", "WARN  workerd", "ERROR workerd",
                        "error_kind=model_not_found", "duration_ms=2800")
                .doesNotContain("DEBUG");

        // File: DEBUG and above as JSON lines.
        final List<String> lines = Files.readAllLines(workDir.resolve("target/logs/narration.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).hasSizeGreaterThan(20);
        boolean sawDebug = false;
        boolean sawError = false;
        for (final String text : lines) {
            final JsonNode line = JSON.readTree(text);
            for (final String key : new String[] {"@timestamp", "level", "service.name", "actor", "human"}) {
                assertThat(line.hasNonNull(key)).as(key + " in " + text).isTrue();
            }
            if (line.has("job_id")) {
                for (final String key : new String[] {"action", "target", "correlation_id"}) {
                    assertThat(line.hasNonNull(key)).as(key + " in request-scoped " + text).isTrue();
                }
            }
            sawDebug |= "DEBUG".equals(line.get("level").asText());
            if ("ERROR".equals(line.get("level").asText())) {
                sawError = true;
                assertThat(line.get("exception.type").asText()).isEqualTo("java.lang.IllegalArgumentException");
                assertThat(line.get("error_kind").asText()).isEqualTo("model_not_found");
            }
        }
        assertThat(sawDebug).isTrue();
        assertThat(sawError).isTrue();
        assertThat(new File(workDir.toFile(), "target/logs").list()).contains("narration.jsonl");
    }
}
