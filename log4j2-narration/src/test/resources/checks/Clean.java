import dev.narration.Correlation;
import dev.narration.Narration;
import java.util.List;
import java.util.function.Function;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Code that follows the standard: no check may fire anywhere in it. */
class Clean {
    private static final Logger log = LogManager.getLogger();
    static final String STARTED = "Orchestrator started; accepting jobs on pool 'default'";
    static final String STACK = "ENTER llama_cpp_eval(ctx=0x7f8a, tokens=[1,2,3], n_tokens=3) with the whole state of the "
            + "scheduler, every queue and every worker written out, which is what TRACE is for and may be as long as it must";

    void start() {
        log.info(STARTED);
        log.info(Narration.action("start").target("admission").human(STARTED));
        log.debug(Narration.action("configure").target("queue").human("Resolved config: max_queue=100 (source: default)")
                .field("max_queue", 100));
    }

    void handle(final String incomingId, final String jobId, final Function<String, String> headers, final List<String> jobs) {
        try (var scope = Correlation.open(incomingId)) {
            log.info(Narration.action("accept").target(jobId)
                    .human("Accepted request; queued at position {} (ETA {} ms) on pool '{}'", 3, 420, "default")
                    .cute("Welcome to the queue, you're #3! 🎫")
                    .field("queue_position", 3));
            log.info("Dispatched {} to {}", jobId, scope.id());
        }
        try (var scope = Correlation.openFromHeaders(headers)) {
            jobs.forEach(job -> log.info("Queued {} under {}", job, scope.id()));
            log.debug("Queue holds {} jobs", () -> jobs.size());
            log.atInfo().log("Queue holds {} jobs", jobs::size);
        }
    }

    void fail(final String jobId, final Exception failure) {
        log.error("Job {} failed after {} attempts", jobId, 3, failure);
        log.error("VRAM allocation failed on GPU0: requested 4096MB, only 2048MB available", failure);
        log.atError().withThrowable(failure).log("Job {} failed", jobId);
        log.warn(Narration.action("retry").target(jobId).human("Retrying {} after timeout (attempt {}/{})", jobId, 2, 5));
    }

    void anyLength(final String message, final Object detail) {
        log.trace(STACK);
        log.trace(STACK + STACK);
        log.log(Level.TRACE, STACK);
        log.fatal("CRITICAL: Seal verification failed for shard 'llama-7b' on GPU0: digest mismatch (expected: abc123, "
                + "got: def456), and the node is fenced off from the cluster until an operator re-seals it by hand");
        log.info(message);
        log.info(message, detail);
        log.info(String.valueOf(detail));
        log.info("{}", detail);
        log.info(Narration.event().human(message));
    }
}
