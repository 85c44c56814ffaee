package dev.narration.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Narration;
import dev.narration.internal.trace.NumberKind;
import dev.narration.internal.trace.TraceFields;
import dev.narration.internal.trace.TraceKind;
import dev.narration.internal.trace.TraceMessage;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.impl.MementoMessage;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TraceTest {
    private static final String CONFIG = "<Configuration status='WARN'><Appenders>"
            + "<RandomAccessFile name='json' fileName='${dir}/trace.jsonl' immediateFlush='false'>"
            + "<NarrationJsonLayout serviceName='orchestratord'/></RandomAccessFile>"
            + "<RandomAccessFile name='text' fileName='${dir}/trace.log' immediateFlush='false'>"
            + "<PatternLayout pattern='%m%n'/></RandomAccessFile></Appenders>"
            + "<Loggers><Logger name='com.acme.quiet' level='DEBUG'/>"
            + "<Root level='TRACE'><AppenderRef ref='json'/><AppenderRef ref='text'/></Root></Loggers></Configuration>";

    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    private static Log4jFixture start(final boolean async) {
        return async ? Log4jFixture.allAsync(CONFIG) : Log4jFixture.sync(CONFIG);
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void everyHelperWritesItsActionTargetHumanAndTypedFields(final boolean async) {
        final Log4jFixture log4j = start(async);
        final Logger log = log4j.logger("com.acme.orchestratord.Dispatcher");
        Trace.event(log, "decode", "token-7", "Decoded token");
        Trace.correlated(log, "req-42", "decode", "token-8", "Decoded token");
        Trace.enter(log, "dispatch_job", "job_id", "job-123", "pool_id", 7L);
        Trace.exit(log, "dispatch_job", "worker-gpu0-r1", 15_204_311L);
        Trace.exit(log, "count_slots", -3L, 999L);
        Trace.loop(log, "select_worker", 3, 8, "worker=gpu1");
        Trace.state(log, "queue_depth", 5, 6, "added job-123");
        Trace.state(log, "job-123", "queued", "running");
        Trace.enter(log, "tick");
        Trace.loop(log, "edge", Long.MIN_VALUE, Long.MAX_VALUE);
        final List<JsonNode> lines = JsonLines.parseAll(log4j.stopAndReadLines("trace.jsonl"));

        assertThat(lines).hasSize(10);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line.get("level").asText()).isEqualTo("TRACE");
            assertThat(line.get("actor").asText()).isEqualTo("orchestratord");
        });
        assertThat(lines.get(0).get("action").asText()).isEqualTo("decode");
        assertThat(lines.get(0).get("target").asText()).isEqualTo("token-7");
        assertThat(lines.get(0).get("human").asText()).isEqualTo("Decoded token");
        assertThat(lines.get(0).has("correlation_id")).isFalse();
        assertThat(lines.get(1).get("correlation_id").asText()).isEqualTo("req-42");

        final JsonNode enter = lines.get(2);
        assertThat(enter.get("action").asText()).isEqualTo("enter");
        assertThat(enter.get("target").asText()).isEqualTo("dispatch_job");
        assertThat(enter.get("human").asText()).isEqualTo("enter dispatch_job(job_id=job-123, pool_id=7)");
        assertThat(enter.get("job_id").asText()).isEqualTo("job-123");
        assertThat(enter.get("pool_id").isIntegralNumber()).isTrue();
        assertThat(enter.get("pool_id").asLong()).isEqualTo(7L);

        final JsonNode exit = lines.get(3);
        assertThat(exit.get("action").asText()).isEqualTo("exit");
        assertThat(exit.get("human").asText()).isEqualTo("exit dispatch_job -> worker-gpu0-r1 (15.204 ms)");
        assertThat(exit.get("result").asText()).isEqualTo("worker-gpu0-r1");
        assertThat(exit.get("elapsed_ms").isNumber()).isTrue();
        assertThat(exit.get("elapsed_ms").asDouble()).isEqualTo(15.204);
        assertThat(lines.get(4).get("result").asLong()).isEqualTo(-3L);
        assertThat(lines.get(4).get("elapsed_ms").asDouble()).isEqualTo(0.0);

        final JsonNode loop = lines.get(5);
        assertThat(loop.get("action").asText()).isEqualTo("loop");
        assertThat(loop.get("target").asText()).isEqualTo("select_worker");
        assertThat(loop.get("human").asText()).isEqualTo("select_worker iteration 3 of 8: worker=gpu1");
        assertThat(loop.get("iteration").asLong()).isEqualTo(3L);
        assertThat(loop.get("total").asLong()).isEqualTo(8L);

        final JsonNode state = lines.get(6);
        assertThat(state.get("action").asText()).isEqualTo("state");
        assertThat(state.get("human").asText()).isEqualTo("queue_depth: 5 -> 6 (added job-123)");
        assertThat(state.get("from").asLong()).isEqualTo(5L);
        assertThat(state.get("to").asLong()).isEqualTo(6L);
        assertThat(lines.get(7).get("from").asText()).isEqualTo("queued");
        assertThat(lines.get(7).get("to").asText()).isEqualTo("running");
        assertThat(lines.get(8).get("human").asText()).isEqualTo("enter tick()");
        assertThat(lines.get(9).get("iteration").asLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(lines.get(9).get("total").asLong()).isEqualTo(Long.MAX_VALUE);

        // Other layouts see the same sentence as the message text.
        assertThat(log4j.readLines("trace.log")).element(3).isEqualTo("exit dispatch_job -> worker-gpu0-r1 (15.204 ms)");
    }

    @ParameterizedTest(name = "async={0}")
    @ValueSource(booleans = {false, true})
    void functionTimerEmitsEnterAndExitWithElapsedTimeAndNests(final boolean async) {
        final Log4jFixture log4j = start(async);
        final Logger log = log4j.logger("com.acme.orchestratord.Dispatcher");
        try (FunctionTrace outer = Trace.fn(log, "dispatch_job", "job_id", "job-1")) {
            try (FunctionTrace inner = Trace.fn(log, "select_worker", "candidates", 3L)) {
                inner.result(2L);
            }
            outer.result("worker-2");
        }
        final List<JsonNode> lines = JsonLines.parseAll(log4j.stopAndReadLines("trace.jsonl"));
        assertThat(lines).extracting(line -> line.get("action").asText() + " " + line.get("target").asText())
                .containsExactly("enter dispatch_job", "enter select_worker", "exit select_worker", "exit dispatch_job");
        assertThat(lines.get(1).get("candidates").asLong()).isEqualTo(3L);
        assertThat(lines.get(2).get("result").asLong()).isEqualTo(2L);
        assertThat(lines.get(3).get("result").asText()).isEqualTo("worker-2");
        assertThat(lines.get(2).get("elapsed_ms").asDouble()).isGreaterThanOrEqualTo(0.0);
        assertThat(lines.get(3).get("elapsed_ms").asDouble())
                .isGreaterThanOrEqualTo(lines.get(2).get("elapsed_ms").asDouble());
    }

    @Test
    void nothingIsLoggedWhenTraceIsOff() {
        final Log4jFixture log4j = start(true);
        final Logger quiet = log4j.logger("com.acme.quiet.Loop");
        Trace.event(quiet, "decode", "t", "h");
        Trace.loop(quiet, "l", 1, 2);
        try (FunctionTrace fn = Trace.fn(quiet, "f")) {
            fn.result(1L);
        }
        log4j.logger("com.acme.orchestratord.Dispatcher").info("only this");
        assertThat(log4j.stopAndReadLines("trace.jsonl")).singleElement().satisfies(line -> assertThat(line).contains("only this"));
    }

    @Test
    void contextNeverOverwritesWhatTheHelperSaysAndKeepsItsPlace() {
        final Log4jFixture log4j = start(true);
        final Logger log = log4j.logger("com.acme.orchestratord.Dispatcher");
        ThreadContext.put("correlation_id", "from-context");
        ThreadContext.put("iteration", "context-iteration");
        ThreadContext.put("action", "context-action");
        Trace.correlated(log, "req-1", "decode", "t", "h");
        Trace.loop(log, "l", 1, 2);
        final List<JsonNode> lines = JsonLines.parseAll(log4j.stopAndReadLines("trace.jsonl"));
        assertThat(lines.get(0).get("correlation_id").asText()).isEqualTo("req-1");
        assertThat(lines.get(0).get("context.correlation_id").asText()).isEqualTo("from-context");
        assertThat(lines.get(0).get("action").asText()).isEqualTo("decode");
        assertThat(lines.get(0).get("context.action").asText()).isEqualTo("context-action");
        // docs/standard.md, "Fields": the helper kind is the action's last source, after the context.
        assertThat(lines.get(1).get("action").asText()).isEqualTo("context-action");
        assertThat(lines.get(1).get("correlation_id").asText()).isEqualTo("from-context");
        assertThat(lines.get(1).get("iteration").asLong()).isEqualTo(1L);
        assertThat(lines.get(1).get("context.iteration").asText()).isEqualTo("context-iteration");
    }

    @Test
    void aRewrittenSentenceKeepsTheEventAndItsNumbers() {
        final TraceMessage message = TraceMessage.acquire().start(TraceKind.LOOP, null, "l", null, null)
                .field(Trace.ITERATION, NumberKind.LONG, 1).field(Trace.TOTAL, NumberKind.LONG, 2);
        final Object[] parameters = message.getParameters();
        final BiFunction<String, Object[], TraceFields> readAs = (text, copied) -> {
            final TraceFields reader = new TraceFields();
            reader.read(new MementoMessage(text, message.getFormat(), copied));
            return reader;
        };
        message.release();
        final TraceFields rewritten = readAs.apply("l iteration [REDACTED] of 2", parameters);
        assertThat(rewritten.target()).isEqualTo("l");
        assertThat(rewritten.kindAction()).isEqualTo("loop");
        assertThat(rewritten.fieldKind(0)).isEqualTo(Narration.FieldKind.LONG);
        assertThat(rewritten.fieldLong(0)).isEqualTo(1L);
        assertThat(rewritten.fieldLong(1)).isEqualTo(2L);

        // A copy that lost the numbers' slots keeps the event and drops only the numbers.
        final TraceFields cut = readAs.apply("l iteration 1 of 2", Arrays.copyOf(parameters, parameters.length - 1));
        assertThat(cut.target()).isEqualTo("l");
        assertThat(cut.fieldCount()).isEqualTo(2);
        assertThat(cut.fieldName(1)).isEqualTo(Trace.TOTAL);
        assertThat(cut.fieldKind(0)).isNull();
        assertThat(cut.fieldKind(1)).isNull();
        assertThat(TraceFields.isTrace(new ParameterizedMessage("narration.trace:loop"))).isFalse();
    }

    /**
     * Numbers travel in the parameter array as cached {@code Byte}s; every {@code long} must come back exactly, in
     * every position, and a duration at microsecond resolution.
     */
    @Test
    void everyNumberTravelsExactlyThroughACopyOfTheParameters() {
        final long[] values = {0, 1, -1, 63, 64, -64, -65, 127, 128, 8191, 8192, 1L << 31, -(1L << 31),
            1L << 48, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1};
        final SplittableRandom random = new SplittableRandom(6);
        for (int round = 0; round < values.length * values.length + 2_000; round++) {
            final long a = round < values.length * values.length ? values[round / values.length] : random.nextLong();
            final long b = round < values.length * values.length ? values[round % values.length] : random.nextLong() >> random.nextInt(64);
            final TraceMessage message = TraceMessage.acquire().start(TraceKind.ENTER, null, "f", null, null)
                    .field("a", NumberKind.LONG, a).field("s", "text").field("b", NumberKind.LONG, b);
            final TraceFields reader = new TraceFields();
            reader.read(new MementoMessage(message.getFormattedMessage(), message.getFormat(), message.getParameters()));
            message.release();
            assertThat(reader.fieldCount()).isEqualTo(3);
            assertThat(reader.fieldLong(0)).as("a = %d", a).isEqualTo(a);
            assertThat(reader.fieldString(1)).isEqualTo("text");
            assertThat(reader.fieldLong(2)).as("b = %d", b).isEqualTo(b);
        }
        final TraceMessage exit = TraceMessage.acquire().start(TraceKind.EXIT, null, "f", null, null)
                .field(Trace.RESULT, NumberKind.LONG, -3).field(Trace.ELAPSED_MS, NumberKind.MILLIS, 15_204_311L);
        try {
            final TraceFields direct = TraceFields.of(exit);
            assertThat(direct.fieldDouble(1)).isEqualTo(15.204);
            assertThat(direct.fieldLong(0)).isEqualTo(-3L);
            final TraceFields copied = new TraceFields();
            copied.read(new MementoMessage(exit.getFormattedMessage(), exit.getFormat(), exit.getParameters()));
            assertThat(copied.fieldDouble(1)).isEqualTo(15.204);
            assertThat(exit.getFormattedMessage()).isEqualTo("exit f -> -3 (15.204 ms)");
        } finally {
            exit.release();
        }
    }
}
