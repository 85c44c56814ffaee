package dev.narration.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Narration;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.LoggerMode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * docs/layout.md: every control character, C0 (U+0000–U+001F) and C1 with DEL (U+007F–U+009F), and U+2028/U+2029
 * are escaped in every output the bundle writes: {@code NarrationJsonLayout} with and without {@code <Redaction>}
 * (every value, the exception), the values of the {@code narration} resolver in {@code JsonTemplateLayout}, and
 * {@code %narration}. None reaches a file raw, so none can end or disguise a line (U+0085 is a line end to Python's
 * {@code splitlines()}, U+009B a terminal's CSI), and the JSON gives the text back.
 */
class ControlCharactersTest {
    private static final String TEXT;

    static {
        final StringBuilder text = new StringBuilder("del\u007f nel\u0085 csi\u009b[31m red nul\u0000 us\u001f ls\u2028 ps\u2029 c1:");
        for (char c = 0x80; c <= 0x9f; c++) {
            text.append(c);
        }
        TEXT = text.append(" end").toString();
    }

    private static final String CONFIG = "<Configuration status='WARN'><Appenders>"
            + "<File name='json' fileName='${dir}/json.jsonl'><NarrationJsonLayout/></File>"
            + "<File name='masked' fileName='${dir}/masked.jsonl'><NarrationJsonLayout><Redaction/></NarrationJsonLayout></File>"
            + "<File name='template' fileName='${dir}/template.jsonl'>"
            + "<JsonTemplateLayout eventTemplateUri='classpath:NarrationLayout.json'/></File>"
            + "<File name='pattern' fileName='${dir}/pattern.log'>"
            + "<PatternLayout pattern='%narration{human}|%narration{target}|%narration{fields}%n'/></File>"
            + "</Appenders><Loggers>"
            // An exception's message in JsonTemplateLayout is written by Log4j's own resolver (docs/layout.md).
            + "<Logger name='errors' level='INFO' additivity='false'><AppenderRef ref='json'/><AppenderRef ref='masked'/></Logger>"
            + "<Root level='INFO'><AppenderRef ref='json'/><AppenderRef ref='masked'/><AppenderRef ref='template'/>"
            + "<AppenderRef ref='pattern'/></Root></Loggers></Configuration>";

    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    @ParameterizedTest
    @EnumSource(LoggerMode.class)
    void noControlCharacterReachesAnOutputRaw(final LoggerMode mode) throws IOException {
        try (Log4jFixture log4j = mode.start(CONFIG)) {
            ThreadContext.put("ctx", TEXT);
            log4j.logger("com.acme.Service").info(Narration.action("test").target(TEXT).human("said {}", TEXT)
                    .cute(TEXT).field("note", TEXT));
            ThreadContext.clearMap();
            log4j.logger("errors").error(TEXT, new IllegalStateException(TEXT));
            log4j.close();

            for (final String file : new String[] {"json.jsonl", "masked.jsonl"}) {
                final List<String> lines = linesWithoutRawControls(log4j, file);
                assertThat(lines).hasSize(2);
                final JsonNode event = JsonLines.parse(lines.get(0));
                for (final String key : new String[] {"target", "cute", "note", "ctx"}) {
                    assertThat(event.get(key).asText()).as(file + " " + key).isEqualTo(TEXT);
                }
                assertThat(event.get("human").asText()).isEqualTo("said " + TEXT);
                final JsonNode error = JsonLines.parse(lines.get(1));
                assertThat(error.get("human").asText()).isEqualTo(TEXT);
                assertThat(error.get("exception.message").asText()).isEqualTo(TEXT);
                assertThat(error.get("exception.stacktrace").asText()).startsWith("java.lang.IllegalStateException: " + TEXT);
            }
            final List<String> template = linesWithoutRawControls(log4j, "template.jsonl");
            assertThat(template).hasSize(1);
            final JsonNode resolved = JsonLines.parse(template.get(0));
            assertThat(resolved.get("target").asText()).isEqualTo(TEXT);
            assertThat(resolved.get("human").asText()).isEqualTo("said " + TEXT);
            assertThat(resolved.get("note").asText()).isEqualTo(TEXT);
            assertThat(resolved.get("ctx").asText()).isEqualTo(TEXT);

            final List<String> pattern = linesWithoutRawControls(log4j, "pattern.log");
            assertThat(pattern).hasSize(1);
            assertThat(pattern.get(0)).contains("nel\\u0085 csi\\u009b[31m", "del\\u007f", "nul\\u0000", "ls\\u2028");
        }
    }

    /** The file's lines, after checking that no character of the controls is in it raw (line ends aside). */
    private static List<String> linesWithoutRawControls(final Log4jFixture log4j, final String file) throws IOException {
        final byte[] bytes = Files.readAllBytes(log4j.dir().resolve(file));
        final String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            final boolean control = c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029';
            assertThat(control).as("%s holds U+%04X raw at %d", file, (int) c, i).isFalse();
        }
        return log4j.readLines(file);
    }
}
