package dev.narration.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.Narration;
import dev.narration.testsupport.Allocations;
import dev.narration.testsupport.Log4jFixture;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Filter.Result;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.impl.ContextDataFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ReusableSimpleMessage;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.StringMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A conforming event costs no allocation, on the event path and on every logger-level overload. Logger-level
 * checks read the calling thread's ThreadContext; Log4j's default context map allocates a small wrapper per read
 * (its own, which the JIT removes only when inlining allows), so this class runs — in its own fork — with the
 * garbage-free context map that Log4j's garbage-free mode prescribes.
 */
class EditorialFilterAllocationTest {
    static {
        System.setProperty("log4j2.garbagefree.threadContextMap", "true");
    }

    private static final int WARM_UP = 30_000;
    private static final int MEASURED = 100_000;
    private static final int ROUNDS = 5;

    private static Log4jFixture log4j;
    private static EditorialFilter filter;
    private static Logger logger;

    @BeforeAll
    static void start() {
        log4j = Log4jFixture.sync("<Configuration status='WARN'><Appenders><Null name='null'/></Appenders>"
                + "<Loggers><Root level='TRACE'><AppenderRef ref='null'/></Root></Loggers></Configuration>");
        filter = EditorialFilter.newBuilder().setOnMatch(Result.ACCEPT).setOnMismatch(Result.DENY).setReport(false).build();
        logger = (Logger) log4j.logger("com.acme.orchestratord.Admission");
        assertThat(ThreadContext.getThreadContextMap()).as("garbage-free ThreadContext map").isNotNull();
        assertThat(ThreadContext.getThreadContextMap().getClass().getSimpleName()).startsWith("GarbageFree");
    }

    @AfterAll
    static void stop() {
        log4j.close();
        ThreadContext.clearMap();
    }

    private static LogEvent event(final Level level, final Message message, final String... context) {
        final StringMap data = ContextDataFactory.createContextData();
        for (int i = 0; i < context.length; i += 2) {
            data.putValue(context[i], context[i + 1]);
        }
        return Log4jLogEvent.newBuilder().setLoggerName(logger.getName()).setLevel(level).setMessage(message)
                .setContextData(data).build();
    }

    /**
     * Allocated bytes per call in steady state; every call must conform. On a busy machine compilation can take
     * longer than one warm-up, so the best of a few rounds counts.
     */
    private static double bytesPerCall(final Supplier<Result> call) {
        final int[] calls = {0};
        final int[] conforming = {0};
        final Runnable counted = () -> {
            calls[0]++;
            if (call.get() == Result.ACCEPT) {
                conforming[0]++;
            }
        };
        final double best = Allocations.steadyPerCall(WARM_UP, MEASURED, ROUNDS, counted);
        assertThat(conforming[0]).isEqualTo(calls[0]);
        return best;
    }

    private static void assertAllocatesNothing(final Map<String, Supplier<Result>> calls) {
        final Map<String, Double> bytes = new LinkedHashMap<>();
        calls.forEach((name, call) -> bytes.put(name, bytesPerCall(call)));
        assertThat(bytes).allSatisfy((name, perCall) -> assertThat(perCall).as(name).isLessThan(1.0));
    }

    @Test
    void theEventPathAllocatesNothing() {
        final LogEvent info = event(Level.INFO, new SimpleMessage("Accepted request; queued at position 3 (ETA 420 ms) on pool 'default'"),
                "correlation_id", "req-1");
        final LogEvent narration = event(Level.INFO, Narration.action("accept").target("job-123")
                .human("Accepted request; queued at position {} on pool '{}'", 3, "default").field("queue_position", 3),
                "correlation_id", "req-1");
        final LogEvent error = event(Level.ERROR, new SimpleMessage("VRAM allocation failed on GPU0: requested 4096MB, only 2048MB available"),
                "correlation_id", "req-1", "error_kind", "vram_exhaustion");
        final LogEvent trace = event(Level.TRACE, new SimpleMessage("ENTER llama_cpp_eval(ctx=0x7f8a, n_tokens=3)"),
                "correlation_id", "req-1");
        final Map<String, Supplier<Result>> calls = new LinkedHashMap<>();
        calls.put("INFO SimpleMessage", () -> filter.filter(info));
        calls.put("INFO Narration", () -> filter.filter(narration));
        calls.put("ERROR with error_kind", () -> filter.filter(error));
        calls.put("TRACE", () -> filter.filter(trace));
        assertAllocatesNothing(calls);
    }

    @Test
    void theLoggerLevelOverloadsAllocateNothing() {
        ThreadContext.put("correlation_id", "req-1");
        ThreadContext.put("error_kind", "vram_exhaustion");
        final Object a = "default";
        final Object[] ten = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
        final Object[] eleven = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"};
        final Narration narration = Narration.action("accept").human("Accepted request; queued at position {}", 3);
        final ReusableSimpleMessage simple = new ReusableSimpleMessage();
        simple.set("Worker started successfully on GPU0 with engine llamacpp-v1");
        final CharSequence text = new StringBuilder("Job completed in 2500 ms (150 tokens, 60 tokens/sec)");
        final Object[] none = {};
        final Map<String, Supplier<Result>> calls = new LinkedHashMap<>();
        calls.put("String", () -> filter.filter(logger, Level.INFO, null, "Worker started on GPU0"));
        calls.put("String, no params", () -> filter.filter(logger, Level.INFO, null, "Worker started on GPU0", none));
        calls.put("p0", () -> filter.filter(logger, Level.INFO, null, "Accepted; queued at {}", a));
        calls.put("p0-p1", () -> filter.filter(logger, Level.INFO, null, "Accepted; {} on pool '{}'", a, a));
        calls.put("p0-p2", () -> filter.filter(logger, Level.ERROR, null, "Failed {} {} {}", a, a, a));
        calls.put("p0-p3", () -> filter.filter(logger, Level.WARN, null, "{} {} {} {}", a, a, a, a));
        calls.put("p0-p4", () -> filter.filter(logger, Level.WARN, null, "{} {} {} {} {}", a, a, a, a, a));
        calls.put("p0-p5", () -> filter.filter(logger, Level.WARN, null, "{} {} {} {} {} {}", a, a, a, a, a, a));
        calls.put("p0-p6", () -> filter.filter(logger, Level.DEBUG, null, "{} {} {} {} {} {} {}", a, a, a, a, a, a, a));
        calls.put("p0-p7", () -> filter.filter(logger, Level.DEBUG, null, "{} {} {} {} {} {} {} {}", a, a, a, a, a, a, a, a));
        calls.put("p0-p8", () -> filter.filter(logger, Level.DEBUG, null, "{} {} {} {} {} {} {} {} {}", a, a, a, a, a, a, a, a, a));
        calls.put("p0-p9", () -> filter.filter(logger, Level.TRACE, null, "{} {} {} {} {} {} {} {} {} {}", a, a, a, a, a, a, a, a, a, a));
        calls.put("10 varargs", () -> filter.filter(logger, Level.INFO, null, "{} {} {} {} {} {} {} {} {} {}", ten));
        calls.put("11 varargs", () -> filter.filter(logger, Level.INFO, null, "{} {} {} {} {} {} {} {} {} {} {}", eleven));
        calls.put("Narration", () -> filter.filter(logger, Level.INFO, null, narration, null));
        calls.put("ReusableSimpleMessage", () -> filter.filter(logger, Level.INFO, null, simple, null));
        calls.put("CharSequence", () -> filter.filter(logger, Level.INFO, null, text, null));
        assertAllocatesNothing(calls);
    }
}
