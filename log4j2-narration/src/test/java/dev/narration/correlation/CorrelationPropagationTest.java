package dev.narration.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.Correlation;
import dev.narration.Narration;
import dev.narration.NarrationFields;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CorrelationPropagationTest {
    private static final String CONFIG = "<Configuration status='WARN'><Appenders>"
            + "<File name='json' fileName='${dir}/out.jsonl'><NarrationJsonLayout serviceName='orchestratord'/></File>"
            + "</Appenders><Loggers><Root level='INFO'><AppenderRef ref='json'/></Root></Loggers></Configuration>";

    private ExecutorService pool;

    @BeforeEach
    void startPool() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        ThreadContext.clearMap();
    }

    @Test
    void threadPoolTasksLogWithTheSubmittersIdAndWorkersKeepTheirOwnContext() throws Exception {
        final ExecutorService single = Executors.newSingleThreadExecutor();
        try {
            // The worker thread has context of its own, which a carried task must not see nor destroy.
            single.submit(() -> ThreadContext.put("worker_key", "worker-value")).get();
            final ExecutorService wrapped = Correlation.wrap(single);
            final List<String> lines;
            try (Log4jFixture log4j = Log4jFixture.allAsync(CONFIG)) {
                final Logger logger = log4j.logger("com.acme.orchestratord.Dispatcher");
                for (final String id : List.of("req-1", "req-2", "req-3")) {
                    try (var scope = Correlation.open(id)) {
                        ThreadContext.put(NarrationFields.JOB_ID, "job-" + id);
                        wrapped.submit(() -> logger.info(Narration.action("dispatch").human("Dispatched"))).get();
                        final Map<String, String> seen = wrapped.submit(ThreadContext::getImmutableContext).get();
                        assertThat(seen).containsEntry(NarrationFields.CORRELATION_ID, id)
                                .containsEntry(NarrationFields.JOB_ID, "job-" + id)
                                .doesNotContainKey("worker_key");
                    }
                }
                final Map<String, String> afterwards = single.submit(ThreadContext::getImmutableContext).get();
                assertThat(afterwards).containsExactly(Map.entry("worker_key", "worker-value"));
                lines = log4j.stopAndReadLines("out.jsonl");
            }
            assertThat(JsonLines.parseAll(lines)).extracting(line -> line.get("correlation_id").asText())
                    .containsExactly("req-1", "req-2", "req-3");
            assertThat(JsonLines.parseAll(lines)).extracting(line -> line.get("thread").asText())
                    .allSatisfy(thread -> assertThat(thread).startsWith("pool-"));
        } finally {
            single.shutdownNow();
        }
    }

    @Test
    void completableFutureChainCarriesTheIdThroughEveryStage() throws Exception {
        final Executor wrapped = Correlation.wrap((Executor) pool);
        final List<String> lines;
        try (Log4jFixture log4j = Log4jFixture.allAsync(CONFIG)) {
            final Logger logger = log4j.logger("com.acme.orchestratord.Dispatcher");
            final String result;
            try (var scope = Correlation.open("req-cf")) {
                result = CompletableFuture.supplyAsync(() -> {
                            logger.info("stage 1");
                            return Correlation.currentId();
                        }, wrapped)
                        .thenApplyAsync(id -> {
                            logger.info("stage 2");
                            return id + "|" + Correlation.currentId();
                        }, wrapped)
                        .thenComposeAsync(ids -> CompletableFuture.supplyAsync(() -> {
                            logger.info("stage 3");
                            return ids + "|" + Correlation.currentId();
                        }, wrapped), wrapped)
                        .get(10, TimeUnit.SECONDS);
            }
            assertThat(result).isEqualTo("req-cf|req-cf|req-cf");
            lines = log4j.stopAndReadLines("out.jsonl");
        }
        assertThat(lines).hasSize(3);
        assertThat(JsonLines.parseAll(lines)).allSatisfy(line ->
                assertThat(line.get("correlation_id").asText()).isEqualTo("req-cf"));
    }

    @Test
    void wrappedRunnableCallableAndSupplierRunWithTheIdOfTheirCreation() throws Exception {
        final Runnable runnable;
        final Callable<String> callable;
        final Supplier<String> supplier;
        final AtomicReference<String> fromRunnable = new AtomicReference<>();
        try (var scope = Correlation.open("req-wrap")) {
            runnable = Correlation.wrap(() -> fromRunnable.set(Correlation.currentId()));
            callable = Correlation.wrap(Correlation::currentId);
            supplier = Correlation.wrapSupplier(Correlation::currentId);
        }
        try (var later = Correlation.open("req-later")) {
            pool.submit(runnable).get();
            assertThat(fromRunnable.get()).isEqualTo("req-wrap");
            assertThat(pool.submit(callable).get()).isEqualTo("req-wrap");
            assertThat(CompletableFuture.supplyAsync(supplier, pool).get()).isEqualTo("req-wrap");
            // Run in place, the caller's own id comes back afterwards.
            assertThat(callable.call()).isEqualTo("req-wrap");
            assertThat(Correlation.currentId()).isEqualTo("req-later");
        }
    }

    @Test
    void scopesLeftOpenByATaskDoNotLeakIntoTheWorker() throws Exception {
        final ExecutorService wrapped = Correlation.wrap(pool);
        try (var scope = Correlation.open("req-a")) {
            wrapped.submit(() -> Correlation.open("inner-never-closed")).get();
        }
        final List<Callable<String>> probes = List.of(Correlation::currentId, Correlation::currentId);
        for (final var future : pool.invokeAll(probes)) {
            assertThat(future.get()).isNull();
        }
    }

    @Test
    void invokeAllCarriesTheId() throws Exception {
        final ExecutorService wrapped = Correlation.wrap(pool);
        try (var scope = Correlation.open("req-all")) {
            final List<Callable<String>> probes = List.of(Correlation::currentId, Correlation::currentId);
            for (final var future : wrapped.invokeAll(probes)) {
                assertThat(future.get()).isEqualTo("req-all");
            }
            assertThat(wrapped.invokeAny(probes)).isEqualTo("req-all");
        }
        assertThat(Correlation.wrap(wrapped)).isSameAs(wrapped);
    }

    /**
     * Virtual threads where the JDK has them (21+), platform threads otherwise; both JDKs of CI run this test, so
     * each path is asserted on one of them.
     */
    @Test
    void perTaskThreadsCarryTheId() throws Exception {
        final Method newVirtual = virtualThreadPerTaskExecutor();
        final ExecutorService perTask = newVirtual != null
                ? (ExecutorService) newVirtual.invoke(null)
                : Executors.newCachedThreadPool();
        try {
            final ExecutorService wrapped = Correlation.wrap(perTask);
            try (var scope = Correlation.open("req-vt")) {
                final Callable<String> task = () -> Correlation.currentId() + "@" + isVirtual(Thread.currentThread());
                assertThat(wrapped.submit(task).get()).isEqualTo("req-vt@" + (newVirtual != null));
                assertThat(CompletableFuture.supplyAsync(Correlation::currentId, wrapped).get()).isEqualTo("req-vt");
            }
        } finally {
            perTask.shutdownNow();
        }
    }

    private static Method virtualThreadPerTaskExecutor() {
        try {
            return Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static boolean isVirtual(final Thread thread) {
        try {
            return (Boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    @Test
    void withoutAnyScopeTheWrapperCarriesAnEmptyContext() throws Exception {
        final ExecutorService wrapped = Correlation.wrap(pool);
        assertThat(wrapped.submit(Correlation::currentId).get()).isNull();
    }
}
