package dev.narration.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Narration;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.SchemaLines;
import dev.narration.testsupport.StatusCapture;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * {@code <FieldType>} and {@code typeContext="infer"} through log4j2.xml, with SLF4J 2 key-values and the MDC, which
 * Log4j's binding hands over as strings (docs/layout.md#typed-context-values). SLF4J loggers live in the global
 * logger context, so these tests configure that context and read the file it wrote.
 */
class TypedContextTest {
    private final Logger log = LoggerFactory.getLogger("com.acme.orchestratord.JobAdmission");

    @AfterEach
    void clearTheMdc() {
        MDC.clear();
        ThreadContext.clearMap();
    }

    /** Configures the global context with a layout of these attributes and children; the file's path. */
    private static Path configure(final String attributes, final String children) throws IOException {
        final Path dir = Files.createTempDirectory("narration-types");
        final String xml = "<Configuration status='WARN'><Appenders>"
                + "<File name='json' fileName='" + dir + "/out.jsonl'><NarrationJsonLayout " + attributes + ">" + children
                + "</NarrationJsonLayout></File>"
                + "</Appenders><Loggers><Root level='DEBUG'><AppenderRef ref='json'/></Root></Loggers></Configuration>";
        final LoggerContext context = LoggerContext.getContext(false);
        Configurator.reconfigure(new XmlConfiguration(context,
                new ConfigurationSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))));
        return dir.resolve("out.jsonl");
    }

    private static JsonNode line(final Path file) throws IOException {
        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        return JsonLines.parse(lines.get(0));
    }

    @Test
    void declaredTypesTurnSlf4jKeyValuesIntoJsonNumbersAndBooleans() throws IOException {
        final Path file = configure("", "<FieldType key='user_id' type='long'/><FieldType key='ok' type='boolean'/>"
                + "<FieldType key='ratio' type='double'/><FieldType key='gpus' type='double'/>");
        log.atInfo().addKeyValue("user_id", 42).addKeyValue("ok", true).addKeyValue("ratio", 0.25)
                .addKeyValue("gpus", 2).addKeyValue("attempt", 3).log("Accepted job job-1");
        final JsonNode line = line(file);
        assertThat(line.get("user_id").isIntegralNumber()).isTrue();
        assertThat(line.get("user_id").asLong()).isEqualTo(42);
        assertThat(line.get("ok").isBoolean()).isTrue();
        assertThat(line.get("ok").asBoolean()).isTrue();
        assertThat(line.get("ratio").isDouble()).isTrue();
        assertThat(line.get("ratio").asDouble()).isEqualTo(0.25);
        // An integer declared a double is written as one.
        assertThat(line.get("gpus").isDouble()).isTrue();
        assertThat(line.get("gpus").asDouble()).isEqualTo(2.0);
        // Not declared, not inferred: the string the binding made.
        assertThat(line.get("attempt").isTextual()).isTrue();
        assertThat(line.get("attempt").asText()).isEqualTo("3");
    }

    @Test
    void aValueThatDoesNotParseStaysTheStringItWas() throws IOException {
        final Path file = configure("", "<FieldType key='user_id' type='long'/><FieldType key='ok' type='boolean'/>"
                + "<FieldType key='zip' type='long'/><FieldType key='big' type='long'/><FieldType key='ratio' type='double'/>");
        MDC.put("user_id", "42abc");
        MDC.put("ok", "yes");
        MDC.put("zip", "02134");
        MDC.put("big", "9223372036854775808");
        MDC.put("ratio", "1e400");
        log.info("Accepted job job-1");
        final JsonNode line = line(file);
        assertThat(line.get("user_id").isTextual()).isTrue();
        assertThat(line.get("user_id").asText()).isEqualTo("42abc");
        assertThat(line.get("ok").asText()).isEqualTo("yes");
        assertThat(line.get("zip").asText()).isEqualTo("02134");
        assertThat(line.get("big").isTextual()).isTrue();
        assertThat(line.get("big").asText()).isEqualTo("9223372036854775808");
        assertThat(line.get("ratio").isTextual()).isTrue();
    }

    @Test
    void inferTypesIntegersDecimalsAndBooleansAndNothingElse() throws IOException {
        final Path file = configure("typeContext='infer'", "<FieldType key='order_no' type='string'/>");
        MDC.put("order_no", "1234");
        log.atInfo().addKeyValue("user_id", 42).addKeyValue("ok", true).addKeyValue("ratio", -0.5)
                .addKeyValue("min", Long.MIN_VALUE).addKeyValue("zip", "02134").addKeyValue("flag", "True")
                .addKeyValue("version", "1.2.3").addKeyValue("empty", "").addKeyValue("code", "12abc")
                .addKeyValue("trade_id", "12345678901234567890123")
                .log("Accepted job job-1");
        final JsonNode line = line(file);
        assertThat(line.get("user_id").isIntegralNumber()).isTrue();
        assertThat(line.get("user_id").asLong()).isEqualTo(42);
        assertThat(line.get("ok").isBoolean()).isTrue();
        assertThat(line.get("ratio").isDouble()).isTrue();
        assertThat(line.get("ratio").asDouble()).isEqualTo(-0.5);
        assertThat(line.get("min").asLong()).isEqualTo(Long.MIN_VALUE);
        for (final String text : List.of("zip", "flag", "version", "empty", "code", "order_no", "trade_id")) {
            assertThat(line.get(text).isTextual()).as(text).isTrue();
        }
        assertThat(line.get("zip").asText()).isEqualTo("02134");
        assertThat(line.get("order_no").asText()).isEqualTo("1234");
    }

    @Test
    void typesAreWrittenInEverySchema() {
        for (final String schema : SchemaLines.SCHEMAS) {
            final Map<String, JsonNode> line;
            try (Log4jFixture log4j = Log4jFixture.sync(SchemaLines.config(schema, "typeContext='infer'",
                    "<FieldType key='ratio' type='double'/><Rename from='user_id' to='user.id'/>"))) {
                ThreadContext.put("user_id", "42");
                ThreadContext.put("ok", "false");
                ThreadContext.put("ratio", "3");
                log4j.logger("com.acme.jobs.JobRunner").info(Narration.action("admit").human("Admitted job"));
                line = SchemaLines.flatten(schema, JsonLines.parse(log4j.stopAndReadLines("out.jsonl").get(0)));
            }
            assertThat(line.get("user.id").isIntegralNumber()).as(schema).isTrue();
            assertThat(line.get("user.id").asLong()).as(schema).isEqualTo(42);
            assertThat(line.get("ok").isBoolean()).as(schema).isTrue();
            assertThat(line.get("ok").asBoolean()).as(schema).isFalse();
            assertThat(line.get("ratio").isDouble()).as(schema).isTrue();
            assertThat(line.get("ratio").asDouble()).as(schema).isEqualTo(3.0);
        }
    }

    @Test
    void aNumberRedactionWouldMaskStaysAMaskedString() throws IOException {
        final Path file = configure("typeContext='infer'", "<Redaction enable='card-number'/>");
        MDC.put("ref", "4539578763621486");
        MDC.put("user_id", "42");
        log.info("Charged the order");
        final String written = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(written).doesNotContain("4539578763621486");
        final JsonNode line = line(file);
        assertThat(line.get("ref").isTextual()).isTrue();
        assertThat(line.get("user_id").asLong()).isEqualTo(42);
    }

    @Test
    void badTypesAreReportedByElementAttributeAndValue() throws IOException {
        final Path file;
        try (StatusCapture status = StatusCapture.start()) {
            file = configure("typeContext='guess'", "<FieldType key='user_id' type='integer'/><FieldType type='long'/>");
            assertThat(status.errors()).anySatisfy(message -> assertThat(message).contains("NarrationJsonLayout")
                    .contains("typeContext=\"guess\"").contains("infer or none").contains("layout.md#typed-context-values"));
            assertThat(status.errors()).anySatisfy(message -> assertThat(message)
                    .contains("<FieldType key=\"user_id\" type=\"integer\"/>").contains("type=\"integer\"")
                    .contains("long, double, boolean or string"));
            assertThat(status.errors()).anySatisfy(message -> assertThat(message)
                    .contains("<FieldType key=\"null\" type=\"long\"/>"));
        }
        MDC.put("user_id", "42");
        log.info("Accepted job job-1");
        assertThat(line(file).get("user_id").asText()).isEqualTo("42");
    }
}
