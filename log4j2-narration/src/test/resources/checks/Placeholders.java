import dev.narration.Narration;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.util.Supplier;

/** placeholders: as many arguments as {} placeholders, a last Throwable being the exception. */
class Placeholders {
    private static final Logger log = LogManager.getLogger();
    private static final Marker AUDIT = MarkerManager.getMarker("AUDIT");
    static final String TWO = "Dispatched {} to {}";

    void counts(final String job, final String worker, final Object[] given) {
        log.info("Dispatched {} to {}", job, worker);
        log.info("Dispatched {} to {}", job); // narration:placeholders
        log.info("Dispatched {}", job, worker); // narration:placeholders
        log.info(TWO, job); // narration:placeholders
        log.info(TWO, job, worker);
        log.info("Dispatched {} to {} ({} {} {} {} {} {} {} {} {})", job, worker, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        log.info("Dispatched {} to {} ({} {} {} {} {} {} {} {})", job, worker, 1, 2, 3, 4, 5, 6, 7, 8, 9); // narration:placeholders
        log.info("Dispatched {} to {}", given); // an array: its length is not known here
        log.info("Dispatched {} to {}"); // narration:placeholders
    }

    void escapes(final String job) {
        log.info("Set \\{} holds {}", job);
        log.info("Set \\\\{} holds {}", job); // narration:placeholders
        log.info("Set {x} and { } hold {}", job);
    }

    void exceptions(final String job, final Exception failure) {
        log.error("Job {} failed", job, failure);
        log.error("Job failed", failure);
        log.error("Job {} failed: {}", job, failure);
        log.error("Job {} failed", failure); // narration:placeholders
        log.error("Job {} failed", job, failure, failure); // narration:placeholders
        log.error("Job {} failed", job, null);
    }

    void suppliersAndLambdas(final Supplier<String> job) {
        log.info("Dispatched {} to {}", job, () -> "worker-1");
        log.info("Dispatched {} to {}", () -> "job-1"); // narration:placeholders
        log.info("Dispatched {}", job::get);
    }

    void levelsMarkersAndBuilders(final String job, final Exception failure) {
        log.log(Level.INFO, "Dispatched {} to {}", job); // narration:placeholders
        log.log(Level.INFO, AUDIT, "Dispatched {} to {}", job, "worker-1");
        log.info(AUDIT, "Dispatched {}"); // narration:placeholders
        log.warn(AUDIT, "Retrying {} after {}", job, failure); // the exception fills the second {}
        log.atInfo().withMarker(AUDIT).log("Dispatched {} to {}", job); // narration:placeholders
        log.atError().withThrowable(failure).log("Job {} failed", job);
        log.info(Narration.action("dispatch").human("Dispatched {} to {}", job)); // narration:placeholders
        log.info(Narration.action("dispatch").human("Dispatched {} to {}", job, "worker-1"));
        log.info(Narration.action("dispatch").human("Dispatched {}")); // narration:placeholders
        log.info(Narration.action("dispatch").human("Job {} failed", job, failure));
    }

    void nonConstantMessages(final String message, final String job) {
        log.info(message, job);
        log.info(message + " {}", job); // narration:concatenation
    }
}
