package dev.narration.example.jobsd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Starts the Spring Boot example in its own JVM, as {@code java -cp … JobsApplication} would, on the runtime class
 * path (the bundle's packaged jar, Boot's Log4j 2.24.3), with Boot's own {@code logging.*} properties on the command
 * line, and reads what it wrote: the console (stdout) and the DEBUG file that log4j2-spring.xml names.
 */
class SpringBootExampleIT {
    /** Strict: a duplicate key or trailing garbage fails the test. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final String INTAKE = JobIntake.class.getName();

    private static Run run;

    @BeforeAll
    static void runTheApplication() throws Exception {
        run = Run.start("requests", "--logging.level.org.springframework=DEBUG");
    }

    @Test
    void theConsoleIsAllJsonAtInfoAndAbove() {
        assertThat(run.console).as("console lines").hasSizeGreaterThanOrEqualTo(8);
        for (final JsonNode line : run.console) {
            assertThat(line.path("level").asText()).as(line.toString()).isIn("INFO", "WARN", "ERROR");
            // ${spring:spring.application.name} in log4j2-spring.xml read Boot's environment.
            assertThat(line.path("service.name").asText()).isEqualTo("jobsd");
        }
    }

    @Test
    void bootsLoggingLevelPropertyOpensSpringsDebugLinesAndTheActorElementsNameThem() {
        final List<JsonNode> spring = run.file.stream()
                .filter(line -> line.path("logger").asText().startsWith("org.springframework.")).toList();
        // log4j2-spring.xml sets the root to INFO; logging.level.org.springframework=DEBUG on the command line wins.
        assertThat(spring).anyMatch(line -> line.path("level").asText().equals("DEBUG"));
        for (final JsonNode line : spring) {
            assertThat(line.path("human").asText()).as(line.toString()).isNotBlank();
        }
        // The <Actor> elements of log4j2-spring.xml name Spring's loggers after the framework, the longest prefix
        // first, rather than after their innermost packages (support, annotation, concurrent…; docs/spring-boot.md).
        final Map<String, Long> actors = spring.stream().collect(
                Collectors.groupingBy(line -> line.path("actor").asText(), TreeMap::new, Collectors.counting()));
        System.out.println("Spring's " + spring.size() + " lines by actor: " + actors);
        assertThat(actors).containsOnlyKeys("spring", "spring-boot");
        for (final JsonNode line : spring) {
            final boolean boot = line.path("logger").asText().startsWith("org.springframework.boot.");
            assertThat(line.path("actor").asText()).as(line.toString()).isEqualTo(boot ? "spring-boot" : "spring");
        }
        assertThat(run.file).filteredOn(line -> line.path("logger").asText().equals(INTAKE))
                .extracting(line -> line.path("actor").asText()).as("the application's own actor").containsOnly("jobsd");
    }

    @Test
    void everyLineOfARequestCarriesItsCorrelationIdOnEveryThread() {
        final Map<String, List<JsonNode>> byJob = new TreeMap<>();
        for (final JsonNode line : run.file) {
            if (line.path("logger").asText().equals(INTAKE)) {
                assertThat(line.hasNonNull("correlation_id")).as(line.toString()).isTrue();
                final String id = line.get("correlation_id").asText();
                byJob.computeIfAbsent(id, key -> new ArrayList<>()).add(line);
            }
        }
        assertThat(byJob).containsKeys("req-7f3a", "req-9c1e").hasSize(3);
        final String fresh = byJob.keySet().stream().filter(id -> !id.startsWith("req-")).findFirst().orElseThrow();
        assertThat(fresh).as("a fresh id for the request that sent none").matches("[0-9A-HJKMNP-TV-Z]{26}");
        // Received (DEBUG), accept, dispatch (on Boot's task executor: the TaskDecorator carried the id), audit.
        assertThat(byJob.get("req-7f3a")).hasSize(4);
        assertThat(byJob.get(fresh)).hasSize(4);
        assertThat(byJob.get("req-9c1e")).hasSize(2);
        assertThat(byJob.get("req-7f3a")).extracting(line -> line.path("thread").asText()).contains("main")
                .anyMatch(thread -> thread.startsWith("task-"));
        for (final List<JsonNode> lines : byJob.values()) {
            assertThat(lines).extracting(line -> line.path("tenant").asText()).containsOnly(lines.get(0).path("tenant").asText());
        }
    }

    @Test
    void slf4jKeyValuesMdcMarkersAndNarrationsAsTheyArriveInTheLine() {
        final JsonNode accept = only(line -> "accept".equals(line.path("action").asText()) && "job-1".equals(line.path("target").asText()));
        // addKeyValue("action"/"target", …) fills the narration fields; other keys are structured fields. Log4j's
        // SLF4J binding hands every value over as text (docs/slf4j.md), so compare the text only.
        assertThat(accept.path("queue_position").asText()).isEqualTo("1");
        assertThat(accept.path("human").asText()).isEqualTo("Accepted job job-1; queued at position 1");
        assertThat(accept.path("tenant").asText()).as("MDC").isEqualTo("acme");
        assertThat(accept.path("actor").asText()).as("inferred from the package").isEqualTo("jobsd");

        final JsonNode dispatch = only(line -> "dispatch".equals(line.path("action").asText()) && "job-1".equals(line.path("target").asText()));
        assertThat(dispatch.path("predicted_start_ms").isIntegralNumber()).as("a Narration's typed field").isTrue();
        assertThat(dispatch.path("predicted_start_ms").asLong()).isEqualTo(420L);
        assertThat(dispatch.path("pool_id").asText()).isEqualTo("gpu-a");

        // The marker's line keeps its sentence and fields, and carries the marker in tags (docs/slf4j.md#markers).
        final JsonNode audit = only(line -> line.path("human").asText().equals("Job job-1 admitted for tenant acme"));
        assertThat(audit.path("correlation_id").asText()).isEqualTo("req-7f3a");
        assertThat(audit.path("tags").isArray()).isTrue();
        assertThat(audit.path("tags")).extracting(JsonNode::asText).containsExactly("AUDIT");
        assertThat(only(line -> "accept".equals(line.path("action").asText()) && "job-1".equals(line.path("target").asText()))
                .has("tags")).as("a line without a marker").isFalse();

        final JsonNode reject = only(line -> "ERROR".equals(line.path("level").asText()));
        assertThat(reject.path("action").asText()).isEqualTo("reject");
        assertThat(reject.path("error_kind").asText()).isEqualTo("model_not_found");
        assertThat(reject.path("exception.type").asText()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(reject.path("exception.message").asText()).isEqualTo("unknown model gpt-17");
        assertThat(run.console).contains(reject);
    }

    @Test
    void withBannerModeLogTheBannerIsOneJsonLine() throws Exception {
        final Run banner = Run.start("banner", "--spring.main.banner-mode=log");
        final List<JsonNode> lines = banner.console.stream()
                .filter(line -> line.path("logger").asText().equals("org.springframework.boot.SpringApplication")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).path("human").asText()).contains("(v" + System.getProperty("spring-boot.version") + ")", "\n");
    }

    private static JsonNode only(final Predicate<JsonNode> which) {
        final List<JsonNode> found = run.file.stream().filter(which).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    /** One run of the application: its console and its file, every line parsed strictly. */
    private static final class Run {
        final List<JsonNode> console;
        final List<JsonNode> file;

        private Run(final List<JsonNode> console, final List<JsonNode> file) {
            this.console = console;
            this.file = file;
        }

        static Run start(final String name, final String... properties) throws Exception {
            final Path logs = Files.createDirectories(Path.of(System.getProperty("application.logs")));
            final Path dir = Files.createTempDirectory(logs, name + "-"); // the File appender appends: start empty
            final Path stdout = dir.resolve("stdout.txt");
            final Path stderr = dir.resolve("stderr.txt");
            final List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("application.classpath"),
                    JobsApplication.class.getName(),
                    "--logging.file.path=" + dir));
            command.addAll(List.of(properties));
            final Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the application did not finish within 120 s; see " + dir);
            }
            final String errors = Files.readString(stderr, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(errors).isZero();
            return new Run(parse(stdout), parse(dir.resolve("narration.jsonl")));
        }

        private static List<JsonNode> parse(final Path file) throws IOException {
            final List<JsonNode> lines = new ArrayList<>();
            for (final String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                try {
                    lines.add(JSON.readTree(text));
                } catch (JsonProcessingException e) {
                    throw new AssertionError(file + ": not a JSON line: " + text, e);
                }
            }
            assertThat(lines).as(file.toString()).isNotEmpty();
            assertThat(lines).allMatch(JsonNode::isObject);
            return lines;
        }
    }
}
