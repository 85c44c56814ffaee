package dev.narration.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Narration;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whatever text an application logs, every line is one valid JSON object that gives the text back. */
class JsonValidityTest {
    private static final String CONFIG = "<Configuration status='WARN'><Appenders>"
            + "<RandomAccessFile name='json' fileName='${dir}/out.jsonl'><NarrationJsonLayout/></RandomAccessFile>"
            + "</Appenders><Loggers><Root level='TRACE'><AppenderRef ref='json'/></Root></Loggers></Configuration>";

    /** Long, and within the default maxStringLength and the stack trace's bytes; longer texts are cut (HugeValuesTest). */
    private static final String LONG = "x\"\\\n".repeat(2 * 1024);

    /** Hostile texts and what a JSON parser must read back. */
    private static List<String[]> samples() {
        final List<String[]> samples = new ArrayList<>();
        final StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        for (char c = 0x7f; c <= 0x9f; c++) {
            controls.append(c);
        }
        controls.append('\u2028').append('\u2029');
        samples.add(new String[] {"quotes \"and\" \\backslashes\\ /slash", null});
        samples.add(new String[] {controls.toString(), null});
        samples.add(new String[] {"line one\r\n{\"level\":\"FATAL\",\"human\":\"forged\"}", null});
        samples.add(new String[] {"emoji 🎉🛏️✨ and CJK 日本語 and é", null});
        samples.add(new String[] {"lone high \uD83D then text", "lone high \uFFFD then text"});
        samples.add(new String[] {"lone low \uDE00 end", "lone low \uFFFD end"});
        samples.add(new String[] {"reversed pair \uDE00\uD83D", "reversed pair \uFFFD\uFFFD"});
        samples.add(new String[] {"ends with high \uD83D", "ends with high \uFFFD"});
        samples.add(new String[] {"lookup ${env:HOME} and ${jndi:ldap://x} stay literal", null});
        samples.add(new String[] {LONG, null});
        return samples;
    }

    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    @Test
    void everyLineParsesAndTextRoundTrips() throws Exception {
        final List<String[]> samples = samples();
        final List<String> lines;
        final byte[] bytes;
        try (Log4jFixture log4j = Log4jFixture.allAsync(CONFIG)) {
            final Logger logger = log4j.logger("com.acme.orchestratord.Hostile");
            for (final String[] sample : samples) {
                final String text = sample[0];
                logger.info(text);
                ThreadContext.put("ctx", text);
                ThreadContext.put(text.length() > 100 ? "long" : text, "value under a hostile key");
                logger.warn(Narration.action("test").target(text).human(text).cute(text).story(text).field("field", text)
                        .field(text.length() > 100 ? "long_key" : text + "_key", 1));
                ThreadContext.clearMap();
                logger.error(text, new IllegalStateException(text, new RuntimeException(text)));
            }
            log4j.close();
            lines = log4j.readLines("out.jsonl");
            bytes = Files.readAllBytes(log4j.dir().resolve("out.jsonl"));
        }
        assertThat(lines).hasSize(samples.size() * 3);
        // Strict decoding fails on malformed UTF-8, such as an encoded lone surrogate.
        final String decoded = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        assertThat(decoded.split("\n", -1)).hasSize(lines.size() + 1);
        for (int i = 0; i < samples.size(); i++) {
            final String expected = samples.get(i)[1] != null ? samples.get(i)[1] : samples.get(i)[0];
            final JsonNode plain = JsonLines.parse(lines.get(3 * i));
            final JsonNode rich = JsonLines.parse(lines.get(3 * i + 1));
            final JsonNode error = JsonLines.parse(lines.get(3 * i + 2));
            assertThat(plain.get("human").asText()).isEqualTo(expected);
            for (final String key : new String[] {"target", "human", "cute", "story", "field", "ctx"}) {
                assertThat(rich.get(key).asText()).as(key).isEqualTo(expected);
            }
            assertThat(error.get("exception.message").asText()).isEqualTo(expected);
            assertThat(error.get("exception.stacktrace").asText())
                    .startsWith("java.lang.IllegalStateException: " + expected)
                    .contains("Caused by: java.lang.RuntimeException: " + expected);
        }
    }
}
