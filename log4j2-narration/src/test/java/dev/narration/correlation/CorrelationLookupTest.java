package dev.narration.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Correlation;
import dev.narration.NarrationFields;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.StatusCapture;
import java.util.List;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CorrelationLookupTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";

    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    private static String config(final String appenders, final String rootRefs) {
        return "<Configuration status='WARN'><Appenders>" + appenders + "</Appenders><Loggers><Root level='INFO'>"
                + rootRefs + "</Root></Loggers></Configuration>";
    }

    @Test
    void patternLayoutShowsTheIdsOfEachEventEvenWithAsyncLoggers() {
        final String xml = config("<File name='text' fileName='${dir}/out.log'><PatternLayout pattern="
                + "'%m id=$${correlation:id} trace=$${correlation:trace_id} span=$${correlation:span_id}"
                + " flags=$${correlation:trace_flags} tp=$${correlation:traceparent}%n'/></File>",
                "<AppenderRef ref='text'/>");
        final List<String> lines;
        try (Log4jFixture log4j = Log4jFixture.allAsync(xml)) {
            try (var scope = Correlation.open("req-1")) {
                ThreadContext.put(NarrationFields.TRACE_ID, TRACE_ID);
                ThreadContext.put(NarrationFields.SPAN_ID, SPAN_ID);
                ThreadContext.put(NarrationFields.TRACE_FLAGS, "01");
                log4j.logger("app").info("inside");
                ThreadContext.clearMap();
            }
            log4j.logger("app").info("outside");
            lines = log4j.stopAndReadLines("out.log");
        }
        assertThat(lines).containsExactly(
                "inside id=req-1 trace=" + TRACE_ID + " span=" + SPAN_ID + " flags=01 tp=00-" + TRACE_ID + "-"
                        + SPAN_ID + "-01",
                "outside id= trace= span= flags= tp=");
    }

    @Test
    void configurationTimeLookupReadsTheCurrentThread() {
        final String xml = config("<File name='text' fileName='${dir}/out.log'>"
                + "<PatternLayout pattern='boot=${correlation:id} now=$${correlation:id} %m%n'/></File>",
                "<AppenderRef ref='text'/>");
        final List<String> lines;
        try (var boot = Correlation.open("boot-1"); Log4jFixture log4j = Log4jFixture.sync(xml)) {
            try (var scope = Correlation.open("req-2")) {
                log4j.logger("app").info("hello");
            }
            lines = log4j.stopAndReadLines("out.log");
        }
        assertThat(lines).containsExactly("boot=boot-1 now=req-2 hello");
    }

    @Test
    void unknownKeyIsLeftVisibleAndAbsentValuesAreEmpty() {
        final String xml = config("<File name='text' fileName='${dir}/out.log'>"
                + "<PatternLayout pattern='[$${correlation:id}][$${correlation:nope}][$${correlation:traceparent}]%n'/>"
                + "</File>", "<AppenderRef ref='text'/>");
        final List<String> lines;
        try (Log4jFixture log4j = Log4jFixture.sync(xml)) {
            log4j.logger("app").info("x");
            lines = log4j.stopAndReadLines("out.log");
        }
        assertThat(lines).containsExactly("[][${correlation:nope}][]");
        assertThat(new CorrelationLookup().lookup(null)).isNull();
        assertThat(new CorrelationLookup().lookup("id")).isEmpty();
    }

    /** A mistyped key is reported once, per event or at configuration time, naming it and the valid keys. */
    @Test
    void anUnknownKeyIsReportedOnceNamingItAndTheValidKeys() {
        final String xml = config("<File name='text' fileName='${dir}/out.log'>"
                + "<PatternLayout pattern='[$${correlation:typo}][${correlation:tpyo}][$${correlation:id}]%n'/>"
                + "</File>", "<AppenderRef ref='text'/>");
        final List<String> lines;
        final List<String> reports;
        try (StatusCapture status = StatusCapture.start(); Log4jFixture log4j = Log4jFixture.sync(xml)) {
            for (int i = 0; i < 3; i++) {
                log4j.logger("app").info("x");
            }
            lines = log4j.stopAndReadLines("out.log");
            reports = status.errors().stream().filter(message -> message.contains("unknown key")).toList();
        }
        assertThat(lines).containsOnly("[${correlation:typo}][${correlation:tpyo}][]").hasSize(3);
        assertThat(reports).hasSize(2).allSatisfy(message -> assertThat(message)
                .contains("expected one of id, trace_id, span_id, trace_flags, traceparent")
                .contains("https://github.com/narration-dev/log4j2-narration/blob/main/docs/correlation.md#the-correlation-lookup"));
        assertThat(reports).anySatisfy(message -> assertThat(message).startsWith("${correlation:typo}: unknown key \"typo\""));
        assertThat(reports).anySatisfy(message -> assertThat(message).startsWith("${correlation:tpyo}: unknown key \"tpyo\""));
    }

    @Test
    void jsonTemplateLayoutResolvesTheLookupPerEvent() {
        final String template = "{\"message\":{\"$resolver\":\"message\",\"stringified\":true},"
                + "\"correlation_id\":\"$${correlation:id}\",\"traceparent\":\"$${correlation:traceparent}\"}";
        final String xml = config("<File name='json' fileName='${dir}/out.jsonl'>"
                + "<JsonTemplateLayout eventTemplate='" + template + "'/></File>", "<AppenderRef ref='json'/>");
        final List<String> lines;
        try (Log4jFixture log4j = Log4jFixture.allAsync(xml)) {
            for (final String id : List.of("req-a", "req-b")) {
                try (var scope = Correlation.open(id)) {
                    ThreadContext.put(NarrationFields.TRACE_ID, TRACE_ID);
                    ThreadContext.put(NarrationFields.SPAN_ID, SPAN_ID);
                    log4j.logger("app").info("in {}", id);
                    ThreadContext.remove(NarrationFields.TRACE_ID);
                    ThreadContext.remove(NarrationFields.SPAN_ID);
                }
            }
            lines = log4j.stopAndReadLines("out.jsonl");
        }
        final List<JsonNode> json = JsonLines.parseAll(lines);
        assertThat(json).extracting(line -> line.get("correlation_id").asText()).containsExactly("req-a", "req-b");
        assertThat(json).extracting(line -> line.get("traceparent").asText())
                .containsOnly("00-" + TRACE_ID + "-" + SPAN_ID + "-00");
    }

    /**
     * Log4j evaluates a rewrite property without the event, so the lookup reads the thread running the appender:
     * the logging thread with synchronous loggers, as here.
     */
    @Test
    void rewritePropertyFeedsNarrationJsonLayoutOutput() {
        final String xml = config("<File name='json' fileName='${dir}/out.jsonl'><NarrationJsonLayout/></File>"
                + "<Rewrite name='rewrite'><AppenderRef ref='json'/><PropertiesRewritePolicy>"
                + "<Property name='request_id' value='$${correlation:id}'/></PropertiesRewritePolicy></Rewrite>",
                "<AppenderRef ref='rewrite'/>");
        final List<String> lines;
        try (Log4jFixture log4j = Log4jFixture.sync(xml)) {
            try (var scope = Correlation.open("req-rw")) {
                log4j.logger("com.acme.api.Handler").info("handled");
            }
            log4j.logger("com.acme.api.Handler").info("no request");
            lines = log4j.stopAndReadLines("out.jsonl");
        }
        final List<JsonNode> json = JsonLines.parseAll(lines);
        assertThat(json.get(0).get("correlation_id").asText()).isEqualTo("req-rw");
        assertThat(json.get(0).get("request_id").asText()).isEqualTo("req-rw");
        assertThat(json.get(1).has("correlation_id")).isFalse();
        assertThat(json.get(1).get("request_id").asText()).isEmpty();
    }

    @Test
    void idOfANarrationMessageIsTheEventsId() {
        final String xml = config("<File name='text' fileName='${dir}/out.log'>"
                + "<PatternLayout pattern='$${correlation:id}%n'/></File>", "<AppenderRef ref='text'/>");
        final List<String> lines;
        try (Log4jFixture log4j = Log4jFixture.sync(xml)) {
            try (var scope = Correlation.open("from-scope")) {
                log4j.logger("app").info(dev.narration.Narration.action("retry").correlationId("from-message"));
            }
            lines = log4j.stopAndReadLines("out.log");
        }
        assertThat(lines).containsExactly("from-message");
    }
}
