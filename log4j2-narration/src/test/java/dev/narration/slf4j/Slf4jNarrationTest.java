package dev.narration.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Narration;
import dev.narration.testsupport.JsonLines;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.MarkerFactory;

/**
 * What each SLF4J 2 construct becomes in the default {@code NarrationJsonLayout} line, through Log4j's SLF4J binding
 * ({@code log4j-slf4j2-impl}), as docs/slf4j.md tells it. SLF4J loggers live in the global logger context, so each
 * test configures that context and reads the file it wrote.
 */
class Slf4jNarrationTest {
    private static final String CONFIG = "<Configuration status='WARN'><Appenders>"
            + "<File name='json' fileName='${dir}/out.jsonl'><NarrationJsonLayout/></File>"
            + "</Appenders><Loggers><Root level='DEBUG'><AppenderRef ref='json'/></Root></Loggers></Configuration>";

    private final Logger log = LoggerFactory.getLogger("com.acme.orchestratord.JobAdmission");
    private Path dir;

    @BeforeEach
    void configureTheGlobalContext() throws IOException {
        dir = Files.createTempDirectory("narration-slf4j");
        final LoggerContext context = LoggerContext.getContext(false);
        final byte[] xml = CONFIG.replace("${dir}", dir.toString()).getBytes(StandardCharsets.UTF_8);
        Configurator.reconfigure(new XmlConfiguration(context, new ConfigurationSource(new ByteArrayInputStream(xml))));
    }

    @AfterEach
    void clearTheMdc() {
        MDC.clear();
    }

    /** The File appender flushes every event, so the lines are there as soon as the call returns. */
    private List<JsonNode> lines() throws IOException {
        return JsonLines.parseAll(Files.readAllLines(dir.resolve("out.jsonl"), StandardCharsets.UTF_8));
    }

    private JsonNode line() throws IOException {
        final List<JsonNode> lines = lines();
        assertThat(lines).hasSize(1);
        return lines.get(0);
    }

    @Test
    void theBindingIsLog4jsSoTheLayoutSeesEveryEvent() {
        assertThat(LoggerFactory.getILoggerFactory().getClass().getName()).isEqualTo("org.apache.logging.slf4j.Log4jLoggerFactory");
    }

    @Test
    void aParameterizedCallIsTheSentenceAndTheLoggerNamesTheActor() throws IOException {
        log.info("Accepted job {} from pool {}", "job-1", "gpu-a");
        final JsonNode line = line();
        assertThat(line.get("human").asText()).isEqualTo("Accepted job job-1 from pool gpu-a");
        assertThat(line.get("actor").asText()).isEqualTo("orchestratord");
        assertThat(line.get("logger").asText()).isEqualTo("com.acme.orchestratord.JobAdmission");
        assertThat(line.get("level").asText()).isEqualTo("INFO");
    }

    @Test
    void keyValuesBecomeFieldsAndNarrationNamesFillTheNarrationFields() throws IOException {
        log.atInfo().addKeyValue("action", "accept").addKeyValue("target", "job-1").addKeyValue("actor", "intake")
                .addKeyValue("user_id", 42).addKeyValue("ok", true)
                .log("Accepted job {}", "job-1");
        final JsonNode line = line();
        assertThat(line.get("action").asText()).isEqualTo("accept");
        assertThat(line.get("target").asText()).isEqualTo("job-1");
        assertThat(line.get("actor").asText()).isEqualTo("intake");
        assertThat(line.get("human").asText()).isEqualTo("Accepted job job-1");
        // The binding turns every value into text (String.valueOf) before Log4j sees it: compare the text only,
        // docs/slf4j.md says why the JSON type is lost.
        assertThat(line.get("user_id").asText()).isEqualTo("42");
        assertThat(line.get("ok").asText()).isEqualTo("true");
        assertThat(JsonLines.keys(line)).containsSubsequence("human", "ok", "user_id", "logger");
    }

    @Test
    void keyValuesOverrideTheMdcForOneEventOnly() throws IOException {
        MDC.put("tenant", "acme");
        MDC.put("correlation_id", "req-1");
        log.atInfo().addKeyValue("tenant", "globex").addKeyValue("correlation_id", "req-2").log("Moved job-1");
        log.info("Queued job-2");
        assertThat(MDC.get("tenant")).isEqualTo("acme");
        final List<JsonNode> lines = lines();
        assertThat(lines).extracting(line -> line.get("tenant").asText()).containsExactly("globex", "acme");
        assertThat(lines).extracting(line -> line.get("correlation_id").asText()).containsExactly("req-2", "req-1");
    }

    @Test
    void mdcEntriesAreContextFieldsAndNarrationKeysFillTheNarrationFields() throws IOException {
        MDC.put("correlation_id", "req-7");
        MDC.put("action", "dispatch");
        MDC.put("tenant", "acme");
        log.debug("Dispatched job-1 to worker-a");
        final JsonNode line = line();
        assertThat(line.get("correlation_id").asText()).isEqualTo("req-7");
        assertThat(line.get("action").asText()).isEqualTo("dispatch");
        assertThat(line.get("tenant").asText()).isEqualTo("acme");
        assertThat(line.has("context.action")).isFalse();
    }

    @Test
    void aKeyNamedLikeARootKeyIsKeptUnderContext() throws IOException {
        log.atWarn().addKeyValue("level", "high").addKeyValue("human", "not the sentence").log("Pool gpu-a is at 95% VRAM");
        final JsonNode line = line();
        assertThat(line.get("level").asText()).isEqualTo("WARN");
        assertThat(line.get("human").asText()).isEqualTo("Pool gpu-a is at 95% VRAM");
        assertThat(line.get("context.level").asText()).isEqualTo("high");
        assertThat(line.get("context.human").asText()).isEqualTo("not the sentence");
    }

    @Test
    void aMarkerAndTheMarkersItReferencesBecomeTheTags() throws IOException {
        final org.slf4j.Marker security = MarkerFactory.getDetachedMarker("SECURITY");
        security.add(MarkerFactory.getMarker("AUDIT"));
        log.info(MarkerFactory.getMarker("AUDIT"), "Granted pool gpu-a to tenant {}", "acme");
        log.atInfo().addMarker(security).log("Rotated the API key of tenant acme");
        log.info("Reloaded the pool limits");
        final List<JsonNode> lines = lines();
        assertThat(lines).extracting(line -> line.get("human").asText()).containsExactly(
                "Granted pool gpu-a to tenant acme", "Rotated the API key of tenant acme", "Reloaded the pool limits");
        // docs/slf4j.md: the marker's name, then the names of the markers it references, after span_id.
        assertThat(lines.get(0).get("tags")).isEqualTo(JsonLines.parse("[\"AUDIT\"]"));
        assertThat(lines.get(1).get("tags")).isEqualTo(JsonLines.parse("[\"SECURITY\",\"AUDIT\"]"));
        assertThat(JsonLines.keys(lines.get(0))).containsSubsequence("human", "tags", "logger");
        assertThat(lines.get(2).has("tags")).as("an event without a marker").isFalse();
    }

    @Test
    void aCauseBecomesTheExceptionFields() throws IOException {
        final IllegalStateException cause = new IllegalStateException("out of VRAM");
        log.atError().setCause(cause).addKeyValue("error_kind", "oom").log("Failed to start job {}", "job-1");
        log.error("Failed to start job {}", "job-2", cause);
        final List<JsonNode> lines = lines();
        assertThat(lines).extracting(line -> line.get("human").asText())
                .containsExactly("Failed to start job job-1", "Failed to start job job-2");
        for (final JsonNode line : lines) {
            assertThat(line.get("exception.type").asText()).isEqualTo("java.lang.IllegalStateException");
            assertThat(line.get("exception.message").asText()).isEqualTo("out of VRAM");
            assertThat(line.get("exception.stacktrace").asText()).startsWith("java.lang.IllegalStateException: out of VRAM\n\tat ");
        }
        assertThat(lines.get(0).get("error_kind").asText()).isEqualTo("oom");
    }

    @Test
    void aNarrationAsAnArgumentIsOnlyItsSentence() throws IOException {
        // SLF4J takes no Log4j Message: a Narration passed as an argument is formatted by toString() alone.
        log.info("{}", Narration.action("accept").target("job-1").human("Accepted job-1").field("queue_position", 3));
        LogManager.getLogger("com.acme.orchestratord.JobAdmission")
                .info(Narration.action("accept").target("job-1").human("Accepted job-1").field("queue_position", 3));
        final List<JsonNode> lines = lines();
        assertThat(lines).extracting(line -> line.get("human").asText()).containsExactly("Accepted job-1", "Accepted job-1");
        assertThat(lines.get(0).has("action")).isFalse();
        assertThat(lines.get(0).has("queue_position")).isFalse();
        assertThat(lines.get(1).get("action").asText()).isEqualTo("accept");
        assertThat(lines.get(1).get("queue_position").isIntegralNumber()).isTrue();
    }
}
