package dev.narration.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.internal.trace.TraceFields;
import dev.narration.internal.trace.TraceKind;
import dev.narration.internal.trace.TraceMessage;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.trace.Trace;
import java.util.List;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.util.Constants;
import org.apache.logging.log4j.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With {@code log4j2.enableThreadlocals=false} (web applications, where a thread outlives a redeploy) the resolver and
 * the TRACE helpers' reader keep nothing per thread, and still write the same fields. The build runs this class in a
 * surefire execution of its own that sets the property on the JVM, before anything loads Log4j.
 */
class NarrationResolverWithoutThreadLocalsTest {
    private static final String CONFIG = "<Configuration status='WARN'><Appenders>"
            + "<File name='jtl' fileName='${dir}/jtl.jsonl'>"
            + "<JsonTemplateLayout eventTemplateUri='classpath:NarrationLayout.json'/></File>"
            + "</Appenders><Loggers><Root level='TRACE'><AppenderRef ref='jtl'/></Root></Loggers></Configuration>";

    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    @Test
    void nothingIsKeptPerThreadAndTheFieldsAreTheSame() {
        assertThat(Constants.ENABLE_THREADLOCALS).isFalse();
        assertThat(NarrationResolver.FieldsWriter.get()).isNotSameAs(NarrationResolver.FieldsWriter.get());
        final List<String> lines;
        try (Log4jFixture log4j = Log4jFixture.sync(CONFIG)) {
            ThreadContext.put("correlation_id", "req-1");
            ThreadContext.put("job_id", "job-1");
            Trace.enter(log4j.logger("com.acme.orchestratord.Dispatcher"), "dispatch_job", "slot", 3);
            lines = log4j.stopAndReadLines("jtl.jsonl");
        }
        final JsonNode line = JsonLines.parse(lines.get(0));
        assertThat(line.get("action").asText()).isEqualTo("enter");
        assertThat(line.get("target").asText()).isEqualTo("dispatch_job");
        assertThat(line.get("slot").asLong()).isEqualTo(3L);
        assertThat(line.get("job_id").asText()).isEqualTo("job-1");
        assertThat(line.get("correlation_id").asText()).isEqualTo("req-1");
    }

    @Test
    void theTraceReaderIsANewOnePerEvent() {
        final Message message = TraceMessage.acquire().start(TraceKind.ENTER, null, "dispatch_job", null, null);
        final TraceFields first = TraceFields.of(message);
        final TraceFields second = TraceFields.of(message);
        assertThat(first).isNotNull().isNotSameAs(second);
        assertThat(first.target()).isEqualTo("dispatch_job");
        assertThat(second.target()).isEqualTo("dispatch_job");
    }
}
