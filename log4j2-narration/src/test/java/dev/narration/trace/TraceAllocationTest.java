package dev.narration.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.RecommendedSettings;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.jmx.RingBufferAdmin;
import org.junit.jupiter.api.Test;

/**
 * docs/standard.md, "Hot paths": with the documented garbage-free settings, TRACE helpers allocate nothing on the
 * calling thread, and the background thread writing NarrationJsonLayout lines to a file allocates nothing per
 * event. Allocation is counted exactly by the JVM per thread ({@code ThreadMXBean#getThreadAllocatedBytes}).
 */
class TraceAllocationTest {
    static {
        RecommendedSettings.apply();
        // Every ring slot allocates its text buffer the first time it is used: the steady state begins once the
        // ring has gone round. A smaller ring than the recommended one gets there in a test-sized warm-up.
        System.setProperty("log4j2.asyncLoggerRingBufferSize", "4096");
    }

    private static final int WARM_UP = 30_000;
    private static final int MEASURED = 100_000;
    private static final String CONFIG = "<Configuration status='WARN'><Appenders>"
            + "<RandomAccessFile name='json' fileName='${dir}/trace.jsonl' immediateFlush='false'>"
            + "<NarrationJsonLayout serviceName='orchestratord'/></RandomAccessFile></Appenders>"
            + "<Loggers><Logger name='com.acme.quiet' level='INFO'/>"
            + "<Root level='TRACE'><AppenderRef ref='json'/></Root></Loggers></Configuration>";

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private long sink;

    @Test
    void helpersAllocateNothingOnTheCallingThreadOrPerEventOnTheBackgroundThread() {
        final Log4jFixture log4j = Log4jFixture.allAsync(CONFIG);
        final Logger log = log4j.logger("com.acme.orchestratord.Dispatcher");
        final Logger quiet = log4j.logger("com.acme.quiet.Dispatcher");
        ThreadContext.put("correlation_id", "req-1");
        ThreadContext.put("pool_id", "default");

        callEveryHelper(log, WARM_UP);
        callEveryHelper(quiet, WARM_UP);
        final Thread background = awaitDrained(log4j);
        final long backgroundBefore = THREADS.getThreadAllocatedBytes(background.getId());

        final long before = THREADS.getCurrentThreadAllocatedBytes();
        callEveryHelper(log, MEASURED);
        final long onCaller = THREADS.getCurrentThreadAllocatedBytes() - before;

        final long offBefore = THREADS.getCurrentThreadAllocatedBytes();
        callEveryHelper(quiet, MEASURED);
        final long whenOff = THREADS.getCurrentThreadAllocatedBytes() - offBefore;

        awaitDrained(log4j);
        final long onBackground = THREADS.getThreadAllocatedBytes(background.getId()) - backgroundBefore;
        final long events = (long) MEASURED * EVENTS_PER_ROUND;
        System.out.printf("TRACE on, calling thread: %d B for %d events; TRACE off: %d B; background thread: %d B "
                + "(%.4f B/event)%n", onCaller, events, whenOff, onBackground, (double) onBackground / events);

        // Anything allocated per call would be at least 16 B x events; the slack (0.01 B per event) covers one-off
        // allocations such as a JIT deoptimization or the first wait for a full ring buffer.
        assertThat(onCaller).as("bytes allocated on the calling thread by %d TRACE events", events).isLessThan(events / 100);
        assertThat(whenOff).as("bytes allocated by %d disabled helper calls", events).isLessThan(1024);
        // The background thread may allocate when it goes idle (a wait-strategy condition node), never per event.
        assertThat(onBackground).as("bytes allocated on the background thread for %d events", events).isLessThan(events / 10);

        final List<String> lines = log4j.stopAndReadLines("trace.jsonl");
        assertThat(lines.size()).as("lines written (the off-level rounds write none)")
                .isEqualTo((WARM_UP + MEASURED) * EVENTS_PER_ROUND);
        assertThat(JsonLines.parse(lines.get(lines.size() - 1)).get("correlation_id").asText()).isEqualTo("req-1");
        ThreadContext.clearMap();
    }

    private static final int EVENTS_PER_ROUND = 7;

    private void callEveryHelper(final Logger log, final int rounds) {
        for (int i = 0; i < rounds; i++) {
            Trace.event(log, "decode", "token", "Decoded token");
            Trace.enter(log, "dispatch_job", "job_id", "job-123", "slot", i);
            Trace.exit(log, "dispatch_job", i, 15_204_311L);
            Trace.loop(log, "select_worker", i, rounds);
            Trace.state(log, "queue_depth", i, i + 1L);
            try (FunctionTrace fn = Trace.fn(log, "select_worker", "round", i)) {
                fn.result("worker-1");
                sink += i;
            }
        }
    }

    /** Waits until the background thread has written every event, and returns that thread. */
    private static Thread awaitDrained(final Log4jFixture log4j) {
        final RingBufferAdmin ring = ((AsyncLoggerContext) log4j.context()).createRingBufferAdmin();
        while (ring.getRemainingCapacity() < ring.getBufferSize()) {
            LockSupport.parkNanos(1_000_000L);
        }
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().contains("AsyncLogger"))
                .findFirst()
                .orElseThrow();
    }
}
