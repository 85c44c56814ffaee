package dev.narration.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.Narration;
import dev.narration.testsupport.Allocations;
import dev.narration.testsupport.Log4jFixture;
import java.util.function.IntSupplier;
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

/** A conforming event costs no allocation, on the event path and on every logger-level overload. */
class EditorialFilterAllocationTest {
    private static final int WARM_UP = 30_000;
    private static final int MEASURED = 100_000;

    private static Log4jFixture log4j;
    private static EditorialFilter filter;
    private static Logger logger;

    @BeforeAll
    static void start() {
        log4j = Log4jFixture.sync("<Configuration status='WARN'><Appenders><Null name='null'/></Appenders>"
                + "<Loggers><Root level='TRACE'><AppenderRef ref='null'/></Root></Loggers></Configuration>");
        filter = EditorialFilter.newBuilder().setOnMatch(Result.ACCEPT).setOnMismatch(Result.DENY).setReport(false).build();
        logger = (Logger) log4j.logger("com.acme.orchestratord.Admission");
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

    /** Allocated bytes per call, after a warm-up; every call must conform. */
    private static double bytesPerCall(final IntSupplier accepted) {
        final int[] conforming = {0};
        final double bytes = Allocations.perCall(WARM_UP, MEASURED, () -> conforming[0] += accepted.getAsInt());
        assertThat(conforming[0]).isEqualTo(WARM_UP + MEASURED);
        return bytes;
    }

    private static int accepted(final Result result) {
        return result == Result.ACCEPT ? 1 : 0;
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
        assertThat(bytesPerCall(() -> accepted(filter.filter(info)) & accepted(filter.filter(narration))
                & accepted(filter.filter(error)) & accepted(filter.filter(trace))))
                .isLessThan(1.0);
    }

    @Test
    void theLoggerLevelOverloadsAllocateNothing() {
        ThreadContext.put("correlation_id", "req-1");
        ThreadContext.put("error_kind", "vram_exhaustion");
        final Object position = "3";
        final Object pool = "default";
        final Object[] ten = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
        final Object[] eleven = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"};
        final Narration narration = Narration.action("accept").human("Accepted request; queued at position {}", 3);
        final ReusableSimpleMessage simple = new ReusableSimpleMessage();
        simple.set("Worker started successfully on GPU0 with engine llamacpp-v1");
        final CharSequence text = new StringBuilder("Job completed in 2500 ms (150 tokens, 60 tokens/sec)");
        final Object[] none = {};
        assertThat(bytesPerCall(() -> accepted(filter.filter(logger, Level.INFO, null, "Worker started on GPU0"))
                & accepted(filter.filter(logger, Level.INFO, null, "Worker started on GPU0", none))
                & accepted(filter.filter(logger, Level.INFO, null, "Accepted; queued at position {}", position))
                & accepted(filter.filter(logger, Level.INFO, null, "Accepted; queued at {} on pool '{}'", position, pool))
                & accepted(filter.filter(logger, Level.ERROR, null, "Failed {} {} {}", pool, pool, position))
                & accepted(filter.filter(logger, Level.WARN, null, "{} {} {} {}", pool, pool, pool, position))
                & accepted(filter.filter(logger, Level.WARN, null, "{} {} {} {} {}", pool, pool, pool, pool, position))
                & accepted(filter.filter(logger, Level.WARN, null, "{} {} {} {} {} {}", pool, pool, pool, pool, pool, position))
                & accepted(filter.filter(logger, Level.DEBUG, null, "{} {} {} {} {} {} {}", pool, pool, pool, pool, pool, pool, position))
                & accepted(filter.filter(logger, Level.DEBUG, null, "{} {} {} {} {} {} {} {}", pool, pool, pool, pool, pool, pool, pool, position))
                & accepted(filter.filter(logger, Level.DEBUG, null, "{} {} {} {} {} {} {} {} {}", pool, pool, pool, pool, pool, pool, pool, pool, position))
                & accepted(filter.filter(logger, Level.TRACE, null, "{} {} {} {} {} {} {} {} {} {}", pool, pool, pool, pool, pool, pool, pool, pool, pool, position))
                & accepted(filter.filter(logger, Level.INFO, null, "{} {} {} {} {} {} {} {} {} {}", ten))
                & accepted(filter.filter(logger, Level.INFO, null, "{} {} {} {} {} {} {} {} {} {} {}", eleven))
                & accepted(filter.filter(logger, Level.INFO, null, narration, null))
                & accepted(filter.filter(logger, Level.INFO, null, simple, null))
                & accepted(filter.filter(logger, Level.INFO, null, text, null))))
                .isLessThan(1.0);
    }
}
