package dev.narration.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Correlation;
import dev.narration.internal.correlation.OpenTelemetryPresence;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** Runs in its own surefire execution, whose class path has no OpenTelemetry jar at all. */
class CorrelationWithoutOpenTelemetryTest {
    private static final String CONFIG = "<Configuration status='WARN'><Appenders>"
            + "<File name='json' fileName='${dir}/out.jsonl'><NarrationJsonLayout/></File>"
            + "<File name='text' fileName='${dir}/out.log'>"
            + "<PatternLayout pattern='[$${correlation:id}][$${correlation:trace_id}][$${correlation:traceparent}]%n'/>"
            + "</File></Appenders><Loggers><Root level='INFO'><AppenderRef ref='json'/><AppenderRef ref='text'/>"
            + "</Root></Loggers></Configuration>";

    @Test
    void everythingWorksWithoutOpenTelemetry() throws Exception {
        assertThatThrownBy(() -> Class.forName("io.opentelemetry.context.Context"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(OpenTelemetryPresence.API).isFalse();
        assertThat(new OpenTelemetryContextDataProvider().supplyContextData()).isEmpty();
        assertThat(new CorrelationLookup().lookup("trace_id")).isEmpty();

        final ExecutorService pool = Correlation.wrap(Executors.newSingleThreadExecutor());
        final List<String> json;
        final List<String> text;
        try (Log4jFixture log4j = Log4jFixture.allAsync(CONFIG)) {
            try (var scope = Correlation.open("req-plain")) {
                pool.submit(() -> log4j.logger("app").info("on the worker")).get();
            }
            json = log4j.stopAndReadLines("out.jsonl");
            text = log4j.readLines("out.log");
        } finally {
            pool.shutdownNow();
        }
        final JsonNode line = JsonLines.parse(json.get(0));
        assertThat(line.get("correlation_id").asText()).isEqualTo("req-plain");
        assertThat(line.has("trace_id")).isFalse();
        assertThat(text).containsExactly("[req-plain][][]");
    }
}
