package dev.narration.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.Narration;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.LoggerMode;
import dev.narration.trace.Trace;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * docs/standard.md#no-loss-bounded-cost: what a logging thread, or the background thread of all-async loggers,
 * keeps between events is bounded in bytes. A pool of threads logs small events, then one thread logs huge ones
 * (a 20 MB message as the format, as an argument, as a field, as a context value, as a TRACE helper's target), then
 * every thread logs small ones again, through every output of the bundle: the layout with and without
 * {@code <Redaction>}, the rewrite policy, the {@code narration} resolver and {@code %narration}. Once the huge texts
 * are gone, the heap that stays reachable is compared with what it was before, after full collections, while the
 * pool's threads (and their thread-local state) are still alive: a thread that kept one 20 MB text would show it.
 */
class RetainedMemoryTest {
    private static final int HUGE = 20 << 20;
    /** Generous for a heap measured after collections, and ten times smaller than one kept text. */
    private static final long RETAINED_LIMIT = 2 << 20;
    private static final int THREADS = 4;

    private static final String CONFIG = "<Configuration status='WARN'><Appenders>"
            + "<File name='json' fileName='${dir}/json.jsonl'><NarrationJsonLayout/></File>"
            + "<File name='masked' fileName='${dir}/masked.jsonl'><NarrationJsonLayout><Redaction/></NarrationJsonLayout></File>"
            + "<File name='behind-policy' fileName='${dir}/policy.jsonl'><NarrationJsonLayout maxStringLength='0'/></File>"
            + "<Rewrite name='policy'><RedactionRewritePolicy name='retained'/><AppenderRef ref='behind-policy'/></Rewrite>"
            + "<File name='template' fileName='${dir}/template.jsonl'>"
            + "<JsonTemplateLayout eventTemplateUri='classpath:NarrationLayout.json'/></File>"
            + "<File name='pattern' fileName='${dir}/pattern.log'>"
            + "<PatternLayout pattern='%narration{actor} %narration{target} %narration{human} %narration{fields}%n'/></File>"
            + "</Appenders><Loggers><Root level='TRACE'><AppenderRef ref='json'/><AppenderRef ref='masked'/>"
            + "<AppenderRef ref='policy'/><AppenderRef ref='template'/><AppenderRef ref='pattern'/></Root></Loggers>"
            + "</Configuration>";

    @ParameterizedTest
    @EnumSource(LoggerMode.class)
    void aHugeEventLeavesNoHugeStateBehind(final LoggerMode mode) throws Exception {
        final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (Log4jFixture log4j = mode.start(CONFIG)) {
            final Logger log = log4j.logger("com.acme.orchestratord.Admission");
            onEveryThread(pool, () -> small(log, 300));
            log4j.context().getConfiguration().getAppenders(); // the configuration stays reachable throughout
            drain(log4j);
            final long before = reachableHeap();

            pool.submit(() -> huge(log)).get(5, TimeUnit.MINUTES);
            onEveryThread(pool, () -> small(log, 50));
            drain(log4j);
            final long after = reachableHeap();

            assertThat(after - before).as("bytes still reachable after the huge events (%s)", mode)
                    .isLessThan(RETAINED_LIMIT);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void huge(final Logger log) {
        String text = "secret-looking payload ".repeat(HUGE / 23);
        log.info(text);
        log.info("payload {} end", text);
        log.info(Narration.action("upload").target("job-1").human("Uploaded {}", "job-1").field("payload", text));
        ThreadContext.put("blob", text);
        log.info("with a huge context value");
        ThreadContext.remove("blob");
        Trace.event(log, "upload", text, "Uploaded a huge target");
        log.error("failed", new IllegalStateException(text));
        text = null;
    }

    private static void small(final Logger log, final int events) {
        for (int i = 0; i < events; i++) {
            log.info("Accepted job {} at position {}", "job-" + i, i);
            log.info(Narration.action("accept").target("job-" + i).human("Accepted job-{}", i).field("queue_position", i));
            ThreadContext.put("correlation_id", "req-" + (i % 7));
            log.info("Cache warmed");
            ThreadContext.remove("correlation_id");
            Trace.event(log, "poll", "job-" + i, "Polled the queue");
            if (i % 10 == 0) {
                log.error("Job {} failed", "job-" + i, new IllegalStateException("model not found"));
            }
        }
    }

    private static void onEveryThread(final ExecutorService pool, final Runnable work) throws Exception {
        final java.util.concurrent.CyclicBarrier all = new java.util.concurrent.CyclicBarrier(THREADS);
        final Future<?>[] runs = new Future<?>[THREADS];
        for (int t = 0; t < THREADS; t++) {
            runs[t] = pool.submit(() -> {
                all.await(); // every thread of the pool takes one share
                work.run();
                return null;
            });
        }
        for (final Future<?> run : runs) {
            run.get(5, TimeUnit.MINUTES);
        }
    }

    /** Waits until all-async loggers' background thread has written everything logged so far. */
    private static void drain(final Log4jFixture log4j) throws InterruptedException {
        if (log4j.context() instanceof org.apache.logging.log4j.core.async.AsyncLoggerContext) {
            final org.apache.logging.log4j.core.jmx.RingBufferAdmin ring =
                    ((org.apache.logging.log4j.core.async.AsyncLoggerContext) log4j.context()).createRingBufferAdmin();
            while (ring.getRemainingCapacity() < ring.getBufferSize()) {
                Thread.sleep(10);
            }
            Thread.sleep(200); // the last event taken is written after its slot is freed
        }
    }

    /** The heap in use after full collections: the least of several, so a collection's leftovers do not count. */
    private static long reachableHeap() throws InterruptedException {
        final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
