package dev.narration.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Narration;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.LoggerMode;
import java.util.List;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * docs/layout.md#sizes: at the layout's defaults no event is lost to its size. A 50 MB message, and a 50 MB field,
 * in a JVM of 256 MB of heap (this class runs in a surefire execution of its own, {@code -Xmx256m}), each give one
 * valid line with the value cut at {@code maxStringLength} and the cut marked, with and without
 * {@code <Redaction>}.
 */
class HugeMessageLowHeapTest {
    static {
        // Log4j's garbage-free ring buffer of 262,144 slots would take half of this heap before any event.
        System.setProperty("log4j2.asyncLoggerRingBufferSize", "1024");
    }

    private static final int FIFTY_MB = 50 << 20;
    private static final int MAX_STRING_LENGTH = 16 * 1024;
    private static final String CUT = "…[truncated]";
    private static final String CONFIG = "<Configuration status='WARN'><Appenders>"
            + "<File name='json' fileName='${dir}/json.jsonl'><NarrationJsonLayout/></File>"
            + "<File name='masked' fileName='${dir}/masked.jsonl'><NarrationJsonLayout><Redaction/></NarrationJsonLayout></File>"
            + "</Appenders><Loggers><Root level='INFO'><AppenderRef ref='json'/><AppenderRef ref='masked'/></Root>"
            + "</Loggers></Configuration>";

    @ParameterizedTest
    @EnumSource(LoggerMode.class)
    void fiftyMegabytesAreOneValidCutLine(final LoggerMode mode) {
        assertThat(Runtime.getRuntime().maxMemory()).as("the heap of this test's JVM").isLessThanOrEqualTo(300L << 20);
        try (Log4jFixture log4j = mode.start(CONFIG)) {
            final Logger log = log4j.logger("com.acme.ingest.Upload");
            log.info(payload());
            log.info(Narration.action("upload").target("job-1").human("Uploaded the payload").field("payload", payload()));
            log4j.close();
            for (final String file : new String[] {"json.jsonl", "masked.jsonl"}) {
                final List<String> lines = log4j.readLines(file);
                assertThat(lines).as(file).hasSize(2);
                final JsonNode message = JsonLines.parse(lines.get(0));
                final JsonNode field = JsonLines.parse(lines.get(1));
                for (final String value : new String[] {message.get("human").asText(), field.get("payload").asText()}) {
                    assertThat(value).as(file).hasSize(MAX_STRING_LENGTH + CUT.length()).endsWith(CUT)
                            .startsWith("0123456789 0123456789 ");
                }
                assertThat(field.get("human").asText()).isEqualTo("Uploaded the payload");
            }
        }
    }

    /** A new 50 MB text each time, so that the test itself holds none of them once it is logged. */
    private static String payload() {
        return "0123456789 ".repeat(FIFTY_MB / 11);
    }
}
