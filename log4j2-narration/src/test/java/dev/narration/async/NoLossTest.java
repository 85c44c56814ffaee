package dev.narration.async;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.RecommendedSettings;
import dev.narration.trace.Trace;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.jmx.RingBufferAdmin;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/standard.md, "No loss, bounded cost": no event is lost when producers outrun the background thread.
 * Threads log as fast as they can through all-async loggers with the recommended settings
 * ({@code examples/log4j2.component.properties}) into the smallest ring buffer Log4j allows, so it is full most of
 * the time; after the context stops, the file holds exactly one valid JSON line per call. Log4j 2.26.1 on
 * Disruptor 4.0.0 fails this with two or more threads (docs/async.md); the project's Disruptor 3.4.4 passes.
 */
class NoLossTest {
    static {
        RecommendedSettings.apply();
        System.setProperty("log4j2.asyncLoggerRingBufferSize", "128"); // Log4j's minimum
    }

    private static final int EVENTS_PER_THREAD = 40_000;
    private static final String CONFIG = "<Configuration status='WARN'><Appenders>"
            + "<RandomAccessFile name='json' fileName='${dir}/events.jsonl' immediateFlush='false'>"
            + "<NarrationJsonLayout serviceName='load'/></RandomAccessFile></Appenders>"
            + "<Loggers><Root level='TRACE'><AppenderRef ref='json'/></Root></Loggers></Configuration>";

    @ParameterizedTest(name = "{0} producer threads")
    @ValueSource(ints = {1, 2, 4})
    void everyCallBecomesExactlyOneValidJsonLine(final int threads) throws InterruptedException {
        final Log4jFixture log4j = Log4jFixture.allAsync(CONFIG);
        assertThat(log4j.context()).isInstanceOf(AsyncLoggerContext.class);
        final RingBufferAdmin ring = ((AsyncLoggerContext) log4j.context()).createRingBufferAdmin();
        final Logger log = log4j.logger("com.acme.load.Producer");
        final CountDownLatch start = new CountDownLatch(1);
        final List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final String name = "producer-" + t;
            final Thread producer = new Thread(() -> {
                awaitQuietly(start);
                for (int i = 0; i < EVENTS_PER_THREAD; i++) {
                    if ((i & 1) == 0) {
                        Trace.loop(log, name, i, EVENTS_PER_THREAD);
                    } else {
                        log.info("{} sent event {}", name, i);
                    }
                }
            }, name);
            producer.start();
            producers.add(producer);
        }
        start.countDown();
        long samples = 0;
        long full = 0;
        while (producers.stream().anyMatch(Thread::isAlive)) {
            samples++;
            if (ring.getRemainingCapacity() == 0) {
                full++;
            }
            LockSupport.parkNanos(20_000L);
        }
        for (final Thread producer : producers) {
            producer.join();
        }
        System.out.printf("%d threads: ring buffer of %d seen full in %.0f%% of %d samples%n",
                threads, ring.getBufferSize(), 100.0 * full / Math.max(1, samples), samples);

        final List<String> lines = log4j.stopAndReadLines("events.jsonl");
        final BitSet[] seen = new BitSet[threads];
        for (int t = 0; t < threads; t++) {
            seen[t] = new BitSet(EVENTS_PER_THREAD);
        }
        final List<String> twice = new ArrayList<>();
        for (final String line : lines) {
            final JsonNode event = JsonLines.parse(line);
            final String thread = event.get("thread").asText();
            final int t = Integer.parseInt(thread.substring("producer-".length()));
            final int i = event.has("iteration")
                    ? event.get("iteration").asInt()
                    : Integer.parseInt(event.get("human").asText().substring(thread.length() + " sent event ".length()));
            if (seen[t].get(i)) {
                twice.add(thread + " #" + i);
            }
            seen[t].set(i);
        }
        // Which events are missing, not only how many: a loss is then traceable to a call and its neighbours.
        final List<String> missing = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            for (int i = seen[t].nextClearBit(0); i < EVENTS_PER_THREAD; i = seen[t].nextClearBit(i + 1)) {
                missing.add("producer-" + t + " #" + i);
            }
        }
        assertThat(twice).as("events written twice").isEmpty();
        assertThat(missing).as("events of the %d calls missing from the file", threads * EVENTS_PER_THREAD).isEmpty();
        assertThat(lines).hasSize(threads * EVENTS_PER_THREAD);
    }

    private static void awaitQuietly(final CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
