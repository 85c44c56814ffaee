package dev.narration.example.orchestratord;

import dev.narration.Correlation;
import dev.narration.Narration;
import dev.narration.NarrationFields;
import dev.narration.example.poolmanagerd.Dispatcher;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;

/** Accepts jobs into the queue. Its actor, {@code orchestratord}, is inferred from the package name. */
public final class Admission {
    private static final Logger log = LogManager.getLogger();

    private final Dispatcher dispatcher;
    private final AtomicInteger jobs = new AtomicInteger();

    public Admission(final Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public void start() {
        log.info(Narration.action("start").target("admission").human("Orchestrator started; accepting jobs on pool 'default'")
                .cute("Orchestratord opens the doors! Come on in! 🚪✨").field(NarrationFields.POOL_ID, "default"));
        log.debug(Narration.action("configure").target("queue").human("Resolved config: max_queue=100 (source: default)")
                .field("max_queue", 100));
    }

    /** Handles one request; {@code incomingId} is its {@code X-Correlation-ID} header, validated or replaced. */
    public void submit(final String model, final String incomingId) {
        final int number = jobs.incrementAndGet();
        final String jobId = "job-" + number;
        try (var scope = Correlation.open(incomingId)) {
            ThreadContext.put(NarrationFields.JOB_ID, jobId);
            log.info(Narration.action("accept").target(jobId)
                    .human("Accepted request; queued at position {} (ETA {} ms) on pool 'default'", number, 420 * number)
                    .cute("Orchestratord welcomes " + jobId + " to the queue! You're #" + number + " in line! 🎫✨")
                    .field(NarrationFields.QUEUE_POSITION, number).field(NarrationFields.PREDICTED_START_MS, 420L * number)
                    .field(NarrationFields.MODEL_REF, model));
            dispatcher.dispatch(jobId, model);
        } finally {
            ThreadContext.remove(NarrationFields.JOB_ID);
        }
    }

    public void stop() {
        log.info(Narration.action("stop").target("admission").human("Orchestrator stopped after {} jobs", jobs.get())
                .cute("All done for today! Good night, jobs! 🌙"));
    }
}
