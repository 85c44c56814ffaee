import dev.narration.Narration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** action: Narration.action constants in snake_case. */
class Action {
    private static final Logger log = LogManager.getLogger();
    static final String DISPATCH = "dispatchJob";

    void notSnakeCase() {
        log.info(Narration.action("AcceptJob").human("Accepted")); // narration:action
        log.info(Narration.action("accept-job").human("Accepted")); // narration:action
        log.info(Narration.action("accept job").human("Accepted")); // narration:action
        log.info(Narration.action("accept__job").human("Accepted")); // narration:action
        log.info(Narration.action("_accept").human("Accepted")); // narration:action
        log.info(Narration.action("accept_").human("Accepted")); // narration:action
        log.info(Narration.action("").human("Accepted")); // narration:action
        log.info(Narration.action(DISPATCH).human("Dispatched")); // narration:action
    }

    void snakeCase(final String verb) {
        log.info(Narration.action("accept").human("Accepted"));
        log.info(Narration.action("dispatch_job").human("Dispatched"));
        log.info(Narration.action("retry_2nd_time").human("Retried"));
        log.info(Narration.action(verb).human("Did it")); // not a constant
        log.info(Narration.event().human("Something happened"));
    }
}
