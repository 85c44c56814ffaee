import dev.narration.Narration;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogBuilder;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** length: the defaults INFO 100, WARN 120, DEBUG and ERROR 150, TRACE and FATAL unlimited. */
class Length {
    private static final Logger log = LogManager.getLogger();
    /** 101 code points. */
    static final String INFO_101 = "Accepted request for model llama-7b and queued it at position 3 on pool default after 2 retries today";
    /** 100 code points: at the INFO limit. */
    static final String INFO_100 = "Accepted request for model llama-7b and queued it at position 3 on pool default after 2 retries toda";
    /** 151 code points. */
    static final String LONG_151 = INFO_101 + " while the worker pool was being resized, then it ";

    void levels(final Exception failure) {
        log.info(INFO_101); // narration:length
        log.info(INFO_100);
        log.warn(INFO_101);
        log.warn(INFO_101 + " and it was slower."); // 120: at the WARN limit
        log.warn(INFO_101 + " and it was slower.."); // narration:length
        log.debug(INFO_101);
        log.debug(LONG_151); // narration:length
        log.error(LONG_151, failure); // narration:length
        log.error(LONG_151.substring(1), failure); // not a constant
        log.trace(LONG_151 + LONG_151 + LONG_151);
        log.fatal(LONG_151 + LONG_151 + LONG_151);
        log.info(Constants.FROM_ANOTHER_CLASS); // narration:length
    }

    void codePoints() {
        // 100 emoji are 200 chars but 100 code points, as the editorial standard counts.
        log.info("🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫"
                + "🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫🎫");
    }

    void placeholdersAreNotCounted(final String model, final int position) {
        // 94 code points of text and two placeholders.
        log.info("Accepted request for model {} and queued it at position {} on pool default after 2 retries at last", model, position);
        // A constant argument is part of what is written.
        log.info("Accepted request for model {} and queued it at position 3 on pool default after 2 retries at last", "llama-7b"); // narration:length
    }

    void everyWayToGiveALevel(final LogBuilder builder) {
        log.log(Level.INFO, INFO_101); // narration:length
        log.log(Level.DEBUG, INFO_101);
        log.log(Level.FATAL, LONG_151);
        log.atInfo().log(INFO_101); // narration:length
        log.atInfo().withLocation().log(INFO_101 + " ({})", 3); // narration:length
        log.atWarn().log(INFO_101);
        log.atLevel(Level.INFO).log(INFO_101); // narration:length
        log.always().log(LONG_151 + LONG_151);
        builder.log(LONG_151 + LONG_151); // the level is not known here
    }

    void narrations(final String job) {
        log.info(Narration.action("accept").target(job).human(INFO_101)); // narration:length
        log.info(Narration.action("accept").target(job)
                .human(INFO_101 + " ({})", job) // narration:length
                .field("queue_position", 3));
        log.debug(Narration.action("accept").human(INFO_101));
        log.atInfo().log(Narration.action("accept").human(INFO_101)); // narration:length
        final Narration kept = Narration.action("accept").human(LONG_151 + LONG_151); // the level is not known here
        log.info(kept);
    }

    void nestedCode() {
        final Runnable later = () -> log.info(INFO_101); // narration:length
        later.run();
        new Object() {
            @Override
            public String toString() {
                log.info(INFO_101); // narration:length
                return "";
            }
        }.toString();
    }

    static class Nested {
        void reportedOnce() {
            log.info(INFO_101); // narration:length
        }
    }
}

class Constants {
    static final String FROM_ANOTHER_CLASS = Length.INFO_101;
}
