package dev.narration.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.Narration;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.StatusCapture;
import java.util.List;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NarrationPatternConverterTest {
    private static String config(final String pattern) {
        return "<Configuration status='WARN'><Appenders><File name='text' fileName='${dir}/out.log'>"
                + "<PatternLayout pattern='" + pattern + "%n'/></File></Appenders>"
                + "<Loggers><Root level='INFO'><AppenderRef ref='text'/></Root></Loggers></Configuration>";
    }

    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    @Test
    void consoleLinesTellTheStory() {
        final List<String> lines;
        try (Log4jFixture log4j = Log4jFixture.allAsync(config(
                "%-5level %narration{actor} %narration{action} %narration{target} [%narration{correlation_id}] %narration{human} | %narration{cute} | %narration{actor}{class}"))) {
            ThreadContext.put("correlation_id", "req-1");
            log4j.logger("com.acme.orchestratord.JobAdmission").info(Narration.action("accept").target("job-1")
                    .human("Accepted job-1 at position {}", 2).cute("Hi job-1! 🎫"));
            log4j.logger("com.acme.pool.Dispatcher").info("Plain sentence");
            lines = log4j.stopAndReadLines("out.log");
        }
        assertThat(lines).containsExactly(
                "INFO  orchestratord accept job-1 [req-1] Accepted job-1 at position 2 | Hi job-1! 🎫 | job-admission",
                "INFO  pool   [req-1] Plain sentence |  | dispatcher");
    }

    @Test
    void unknownFieldIsReportedAndFallsBackToHuman() {
        final List<String> lines;
        try (StatusCapture status = StatusCapture.start();
                Log4jFixture log4j = Log4jFixture.sync(config("%narration{mood}"))) {
            log4j.logger("com.acme.pool.Dispatcher").info("still here");
            lines = log4j.stopAndReadLines("out.log");
            assertThat(status.errors()).anySatisfy(message -> assertThat(message).contains("%narration{mood}").contains("unknown field"));
        }
        assertThat(lines).containsExactly("still here");
    }
}
