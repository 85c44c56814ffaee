import dev.narration.Narration;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** concatenation: a message built with + from values known only at run time. */
class Concatenation {
    private static final Logger log = LogManager.getLogger();
    static final String PREFIX = "Worker ";
    static final int POOL = 3;

    void eager(final String name, final int count, final Object job) {
        log.info("User " + name + " logged in"); // narration:concatenation
        log.info(name + " logged in"); // narration:concatenation
        log.info("Processed " + count); // narration:concatenation
        log.info("Processed " + (count + 1) + " jobs"); // narration:concatenation
        log.info(PREFIX + job.toString()); // narration:concatenation
        log.log(Level.WARN, "Retrying " + name); // narration:concatenation
        log.atDebug().log("Selected " + name); // narration:concatenation
        log.info(Narration.action("accept").human("Accepted " + name)); // narration:concatenation
        log.info("User "
                + name); // narration:concatenation (javac points at the operator)
    }

    void constants(final String name) {
        log.info(PREFIX + "started on pool " + POOL);
        log.info("Worker " + 'A' + " started on pool " + 3 + ", " + true);
        log.info("User {} logged in", name);
        log.info("Totals: {}", "a" + name); // an argument, formatted only if logged: fine
    }
}
