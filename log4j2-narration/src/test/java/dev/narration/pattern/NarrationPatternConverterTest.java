package dev.narration.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Narration;
import dev.narration.internal.event.FieldKeys;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.LogfmtPairs;
import dev.narration.testsupport.StatusCapture;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.message.StringMapMessage;
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

    /** Every character class that must not reach a console raw, in a value of its own. */
    private static Narration hostileFields() {
        return Narration.action("accept").target("job-1").human("Accepted job-1")
                .field("note", "two words").field("quote", "say \"hi\"").field("eq", "a=b")
                .field("newline", "line1\n2026-01-01 INFO admin logged in").field("cr", "a\rb").field("tab", "a\tb")
                .field("backslash", "C:\\tmp").field("c0", "bell\u0007 esc\u001b[31m nul\u0000")
                .field("del", "x\u007fy").field("c1", "nel\u0085csi\u009b2J").field("separators", "a\u2028b\u2029c")
                .field("empty", "").field("count", 3).field("ratio", 0.25).field("gpu", true).field("emoji", "🎫")
                .field("level", "shadowed").field("odd key", "v").field("k=v", "w").field("", "nameless")
                .field("object", new Object() {
                    @Override
                    public String toString() {
                        return "an object";
                    }
                })
                .field("broken", new Object() {
                    @Override
                    public String toString() {
                        throw new IllegalStateException("no text");
                    }
                });
    }

    /**
     * {@code %narration{fields}} writes the JSON line's structured fields, with its keys, collision rule and order,
     * as logfmt pairs whose values read back exactly; no value breaks the line.
     */
    @Test
    void fieldsAreTheJsonLinesFieldsAsLogfmtPairs() {
        final String xml = "<Configuration status='WARN'><Appenders>"
                + "<File name='json' fileName='${dir}/out.jsonl'><NarrationJsonLayout serviceName='svc'/></File>"
                + "<File name='text' fileName='${dir}/out.log'><PatternLayout pattern='%narration{fields}%n'/></File>"
                + "</Appenders><Loggers><Root level='INFO'><AppenderRef ref='json'/><AppenderRef ref='text'/></Root></Loggers>"
                + "</Configuration>";
        final List<String> json;
        final List<String> text;
        try (Log4jFixture log4j = Log4jFixture.sync(xml)) {
            final Logger logger = log4j.logger("com.acme.orchestratord.JobAdmission");
            ThreadContext.put("correlation_id", "req-1");
            ThreadContext.put("action", "poll");
            ThreadContext.put("job_id", "job 1");
            ThreadContext.put("human", "context shadow");
            logger.info(hostileFields());
            ThreadContext.clearMap();
            logger.info(new StringMapMessage().with("message", "Map sentence").with("pool_id", "default").with("tokens", "12"));
            logger.info("No fields at all");
            json = log4j.readLines("out.jsonl");
            text = log4j.stopAndReadLines("out.log");
        }
        assertThat(text).as("one console line per event").hasSize(3);
        for (int i = 0; i < json.size(); i++) {
            assertThat(LogfmtPairs.parse(text.get(i))).as(text.get(i)).containsExactlyElementsOf(structuredFields(JsonLines.parse(json.get(i))));
        }
        assertThat(text.get(0)).startsWith("note=\"two words\" quote=\"say \\\"hi\\\"\" eq=\"a=b\" "
                        + "newline=\"line1\\n2026-01-01 INFO admin logged in\" cr=\"a\\rb\" tab=\"a\\tb\" backslash=\"C:\\\\tmp\" "
                        + "c0=\"bell\\u0007 esc\\u001b[31m nul\\u0000\" del=\"x\\u007fy\" c1=\"nel\\u0085csi\\u009b2J\" "
                        + "separators=\"a\\u2028b\\u2029c\" empty=\"\" count=3 ratio=0.25 gpu=true emoji=🎫 field.level=shadowed "
                        + "\"odd key\"=v \"k=v\"=w \"\"=nameless object=\"an object\" ")
                .contains(" broken=\"<", ".toString() threw java.lang.IllegalStateException>\"")
                .endsWith(" context.action=poll context.human=\"context shadow\" job_id=\"job 1\"");
        assertThat(text.get(1)).isEqualTo("pool_id=default tokens=12");
        assertThat(text.get(2)).isEmpty();
    }

    /** The JSON line's structured fields (every key but the root ones), each value as text. */
    private static List<Map.Entry<String, String>> structuredFields(final JsonNode line) {
        final List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (final Iterator<Map.Entry<String, JsonNode>> members = line.fields(); members.hasNext(); ) {
            final Map.Entry<String, JsonNode> member = members.next();
            if (!FieldKeys.isReserved(member.getKey())) {
                fields.add(new AbstractMap.SimpleImmutableEntry<>(member.getKey(), member.getValue().asText()));
            }
        }
        return fields;
    }

    /** {@code %narration{sentence}{cute}} or {@code {story}}: that rendering when the event has one, else human. */
    @Test
    void sentencePrintsTheChosenRenderingOrTheHumanSentence() {
        final List<String> lines;
        try (Log4jFixture log4j = Log4jFixture.sync(config(
                "%narration{sentence}|%narration{sentence}{cute}|%narration{sentence}{story}|%narration{sentence}{human}"))) {
            final Logger logger = log4j.logger("com.acme.orchestratord.JobAdmission");
            logger.info(Narration.action("accept").human("Accepted job-{}", 1).cute("Welcome, job-1! 🎫")
                    .story("\"Room for one more?\" asked job-1."));
            logger.info(Narration.action("accept").human("Accepted job-2").cute(""));
            logger.info("Plain {} sentence", "parameterized");
            lines = log4j.stopAndReadLines("out.log");
        }
        assertThat(lines).containsExactly(
                "Accepted job-1|Welcome, job-1! 🎫|\"Room for one more?\" asked job-1.|Accepted job-1",
                "Accepted job-2|Accepted job-2|Accepted job-2|Accepted job-2",
                "Plain parameterized sentence|Plain parameterized sentence|Plain parameterized sentence|Plain parameterized sentence");
    }

    /** Sentences and every other {@code %narration} text keep to their line: control characters are escaped. */
    @Test
    void controlCharactersInSentencesAndFieldsAreEscaped() {
        final List<String> lines;
        try (Log4jFixture log4j = Log4jFixture.sync(config(
                "%narration{sentence}{cute}|%narration{human}|%narration{target}|%narration{actor}"))) {
            log4j.logger("com.acme.orchestratord.JobAdmission").info(Narration.action("accept")
                    .target("job\r\n1").actor("orch\u0085estratord").human("Queue depth high\n2026-01-01 INFO admin logged in")
                    .cute("tab\there, bell\u0007, csi\u009b2J, esc\u001b[31m, line\u2028sep; \"quotes\" and C:\\ stay"));
            log4j.logger("com.acme.pool.Dispatcher").info("Plain\u0000text\u007f");
            lines = log4j.stopAndReadLines("out.log");
        }
        assertThat(lines).containsExactly(
                "tab\\there, bell\\u0007, csi\\u009b2J, esc\\u001b[31m, line\\u2028sep; \"quotes\" and C:\\ stay"
                        + "|Queue depth high\\n2026-01-01 INFO admin logged in|job\\r\\n1|orch\\u0085estratord",
                "Plain\\u0000text\\u007f|Plain\\u0000text\\u007f||pool");
    }

    @Test
    void unknownRenderingIsReportedAndFallsBackToHuman() {
        final List<String> lines;
        try (StatusCapture status = StatusCapture.start();
                Log4jFixture log4j = Log4jFixture.sync(config("%narration{sentence}{poem}"))) {
            log4j.logger("com.acme.pool.Dispatcher").info(Narration.action("poll").human("Polled").cute("Knock knock"));
            lines = log4j.stopAndReadLines("out.log");
            assertThat(status.errors()).anySatisfy(message -> assertThat(message)
                    .contains("%narration{sentence}{poem}").contains("unknown rendering").contains("human, cute or story"));
        }
        assertThat(lines).containsExactly("Polled");
    }
}
