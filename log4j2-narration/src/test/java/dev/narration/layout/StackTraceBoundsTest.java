package dev.narration.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.LoggerMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * docs/layout.md#stack-traces: at the layout's defaults, an exception chain of any shape is written as one bounded,
 * valid line that keeps the root cause and says what it left out, with and without {@code <Redaction>}. The time-out
 * only stops a walk that would otherwise run for ever (a tree walk of a shared graph is exponential).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StackTraceBoundsTest {
    /** The stack trace's bytes as written (64 KiB), and what a line holds beside it at most, for these events. */
    private static final int TRACE_BYTES = 64 * 1024;
    private static final int LINE_BYTES = TRACE_BYTES + 16 * 1024;

    private static final String CONFIG = "<Configuration status='WARN'><Appenders>"
            + "<File name='plain' fileName='${dir}/plain.jsonl'><NarrationJsonLayout/></File>"
            + "<File name='masked' fileName='${dir}/masked.jsonl'><NarrationJsonLayout><Redaction/></NarrationJsonLayout></File>"
            + "</Appenders><Loggers><Root level='INFO'><AppenderRef ref='plain'/><AppenderRef ref='masked'/></Root>"
            + "</Loggers></Configuration>";

    /** The stack traces of the one event logged, as both layouts wrote them, each line checked for size and JSON. */
    private static List<String> traces(final LoggerMode mode, final Throwable thrown) {
        try (Log4jFixture log4j = mode.start(CONFIG)) {
            log4j.logger("com.acme.Service").error("request failed", thrown);
            log4j.close();
            final String plain = trace(log4j.readLines("plain.jsonl"));
            final String masked = trace(log4j.readLines("masked.jsonl"));
            return List.of(plain, masked);
        }
    }

    private static String trace(final List<String> lines) {
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).getBytes(StandardCharsets.UTF_8).length).isLessThan(LINE_BYTES);
        final JsonNode line = JsonLines.parse(lines.get(0));
        return line.get("exception.stacktrace").asText();
    }

    private static int count(final String text, final String piece) {
        final Matcher matcher = Pattern.compile(Pattern.quote(piece)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    @ParameterizedTest
    @EnumSource(LoggerMode.class)
    void aThrowableSharedByCauseAndSuppressedIsWrittenOnce(final LoggerMode mode) {
        Exception e = new IllegalStateException("n0");
        for (int i = 1; i <= 24; i++) {
            final Exception x = new RuntimeException("n" + i, e);
            x.addSuppressed(e);
            e = x;
        }
        for (final String trace : traces(mode, e)) {
            for (int i = 0; i <= 24; i++) {
                final String name = (i == 0 ? "java.lang.IllegalStateException" : "java.lang.RuntimeException") + ": n" + i;
                // Once as itself, and once as the repeat its second parent points to (n24 has one parent, the event).
                assertThat(count(trace, name + "\n")).as(name).isEqualTo(1);
                assertThat(count(trace, "[CIRCULAR REFERENCE: " + name + "]")).as(name).isEqualTo(i == 24 ? 0 : 1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(LoggerMode.class)
    void aCauseCycleIsMarkedAsTheJdkMarksIt(final LoggerMode mode) {
        final Exception head = new RuntimeException("head");
        final Exception middle = new IllegalStateException("middle", head);
        head.initCause(middle);
        for (final String trace : traces(mode, head)) {
            assertThat(count(trace, "Caused by: java.lang.IllegalStateException: middle")).isEqualTo(1);
            assertThat(count(trace, "Caused by: [CIRCULAR REFERENCE: java.lang.RuntimeException: head]")).isEqualTo(1);
            assertThat(count(trace, "head")).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @EnumSource(LoggerMode.class)
    void aDeepChainKeepsItsRootCauseAndSaysHowManyCausesItLeftOut(final LoggerMode mode) {
        Exception chain = new java.io.IOException("disk full on /var/lib/model-cache");
        for (int i = 1; i < 5000; i++) {
            chain = new RuntimeException("level " + i, chain);
        }
        for (final String trace : traces(mode, chain)) {
            assertThat(trace).startsWith("java.lang.RuntimeException: level 4999")
                    .contains("\t... 4936 causes omitted\nCaused by: java.io.IOException: disk full on /var/lib/model-cache");
            assertThat(count(trace, "Caused by: ")).isEqualTo(63);
        }
    }

    @ParameterizedTest
    @EnumSource(LoggerMode.class)
    void suppressedExceptionsPastTheWalkAreCountedAndTheRootCauseStays(final LoggerMode mode) {
        final Exception top = new RuntimeException("batch failed", new IllegalArgumentException("bad input in row 7"));
        for (int i = 0; i < 100; i++) {
            top.addSuppressed(new RuntimeException("item " + i));
        }
        for (final String trace : traces(mode, top)) {
            assertThat(trace).contains("\tSuppressed: java.lang.RuntimeException: item 61\n")
                    .doesNotContain("item 62")
                    .contains("\t... 38 suppressed exceptions omitted")
                    .contains("Caused by: java.lang.IllegalArgumentException: bad input in row 7");
        }
    }

    @ParameterizedTest
    @EnumSource(LoggerMode.class)
    void framesAndBytesAreBoundedAndTheRootCauseKeepsItsOwn(final LoggerMode mode) {
        final Exception root = new IllegalStateException("model not found: llama-70b");
        root.setStackTrace(frames("com.acme.model.Registry", 40));
        final Exception top = new RuntimeException("dispatch failed", root);
        top.setStackTrace(frames("com.acme.dispatch.Worker", 100_000));
        for (final String trace : traces(mode, top)) {
            assertThat(trace.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(TRACE_BYTES);
            assertThat(trace).containsPattern("\t\\.\\.\\. 9\\d{4} frames omitted\n")
                    .contains("Caused by: java.lang.IllegalStateException: model not found: llama-70b")
                    .contains("\tat com.acme.model.Registry.step0(Registry.java:1)");
        }
    }

    @ParameterizedTest
    @EnumSource(LoggerMode.class)
    void aHugeMessageInTheChainIsCutToTheBound(final LoggerMode mode) {
        final Exception top = new RuntimeException("x".repeat(1 << 20), new IllegalStateException("the root"));
        for (final String trace : traces(mode, top)) {
            assertThat(trace.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(TRACE_BYTES);
            assertThat(trace).contains("x…[truncated]").contains("Caused by: java.lang.IllegalStateException: the root");
        }
    }

    private static StackTraceElement[] frames(final String className, final int count) {
        final StackTraceElement[] frames = new StackTraceElement[count];
        final String file = className.substring(className.lastIndexOf('.') + 1) + ".java";
        for (int i = 0; i < count; i++) {
            frames[i] = new StackTraceElement(className, "step" + i, file, i + 1);
        }
        return frames;
    }
}
