import dev.narration.Narration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** blank: a constant message with nothing to read. */
class Blank {
    private static final Logger log = LogManager.getLogger();
    static final String NOTHING = "";

    void blank(final Exception failure) {
        log.info(""); // narration:blank
        log.info("   "); // narration:blank
        log.info("\u2003\t"); // narration:blank
        log.fatal(NOTHING); // narration:blank
        log.error("", failure); // narration:blank
        log.info("{}", ""); // narration:blank
        log.info(Narration.action("accept").human(" ")); // narration:blank
    }

    void notBlank(final String value) {
        log.info("{}", value); // what the argument holds is a run-time matter
        log.info(".");
        log.info(Narration.action("accept")); // no sentence given: the editorial filter's concern at run time
    }
}
