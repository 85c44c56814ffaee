package dev.narration.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.narration.internal.correlation.OpenTelemetryPresence;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.StatusCapture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs in the surefire execution whose class path has no OpenTelemetry jar: {@code <NarrationOpenTelemetry>} loads
 * (it names no OpenTelemetry type), says what is missing, and the rest of the configuration logs.
 */
class NarrationOpenTelemetryWithoutOpenTelemetryTest {
    private static final String CONFIG = "<Configuration status='WARN'><Appenders>"
            + "<File name='json' fileName='${dir}/out.jsonl'><NarrationJsonLayout/></File>"
            + "<NarrationOpenTelemetry name='otlp'><Actor prefix='org.springframework' name='spring'/></NarrationOpenTelemetry>"
            + "</Appenders><Loggers><Root level='INFO'><AppenderRef ref='json'/><AppenderRef ref='otlp'/></Root>"
            + "</Loggers></Configuration>";

    @Test
    void theElementIsReportedAndEverythingElseLogs() {
        assertThatThrownBy(() -> Class.forName("io.opentelemetry.api.logs.LoggerProvider")).isInstanceOf(ClassNotFoundException.class);
        assertThat(OpenTelemetryPresence.LOGS_API).isFalse();
        final List<String> lines;
        try (StatusCapture status = StatusCapture.start(); Log4jFixture log4j = Log4jFixture.sync(CONFIG)) {
            assertThat(log4j.context().getConfiguration().getAppenders()).containsOnlyKeys("json");
            log4j.logger("com.acme.orchestratord.Jobs").info("Accepted job-1");
            lines = log4j.stopAndReadLines("out.jsonl");
            assertThat(status.errors()).anySatisfy(message -> assertThat(message)
                    .contains("NarrationOpenTelemetry \"otlp\": the OpenTelemetry API (io.opentelemetry:opentelemetry-api 1.27 or later)")
                    .contains("https://github.com/narration-dev/log4j2-narration/blob/main/docs/opentelemetry.md#dependencies"));
        }
        assertThat(JsonLines.parse(lines.get(0)).get("human").asText()).isEqualTo("Accepted job-1");
    }
}
