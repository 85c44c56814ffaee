package dev.narration.example;

import dev.narration.Correlation;
import dev.narration.example.orchestratord.Admission;
import dev.narration.example.poolmanagerd.Dispatcher;
import dev.narration.example.workerd.Worker;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;

/**
 * A simulated job orchestrator that narrates its work: jobs are accepted, queued, dispatched to workers and
 * completed; one is retried (WARN) and one fails (ERROR with an exception). Every logger is asynchronous
 * (see log4j2.component.properties); the console shows INFO for people, the JSON file DEBUG for machines.
 */
public final class JobOrchestratorExample {
    public static void main(final String[] args) throws InterruptedException {
        // Wrapped: every task runs under its submitter's correlation id (and the worker's own context is restored).
        final ExecutorService workers = Correlation.wrap(Executors.newFixedThreadPool(2));
        final Admission admission = new Admission(new Dispatcher(workers, List.of(new Worker("worker-gpu0-r1"), new Worker("worker-gpu1-r1"))));
        admission.start();
        int request = 0;
        for (final String model : List.of("llama-7b", "phi-3", "llama-7b@flaky", "gpt-5", "llama-13b")) {
            // Simulated incoming requests: some carry an id, one carries an invalid one (replaced), one none.
            final String header = request++ % 2 == 0 ? "req-" + Integer.toHexString(0x5a00 + request) : (request == 4 ? "bad id\r\n" : null);
            admission.submit(model, header);
        }
        workers.shutdown();
        workers.awaitTermination(30, TimeUnit.SECONDS);
        admission.stop();
        // Drains the async ring buffer before the JVM exits: nothing logged is lost.
        LogManager.shutdown();
        System.out.println("\nNarration JSON lines: target/logs/narration.jsonl (in " + System.getProperty("user.dir") + ")");
    }

    private JobOrchestratorExample() {}
}
