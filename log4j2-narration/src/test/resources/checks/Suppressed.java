import dev.narration.Correlation;
import dev.narration.Narration;
import dev.narration.CorrelationScope;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** @SuppressWarnings("narration") silences every check inside a declaration, "narration:<check>" one of them. */
class Suppressed {
    private static final Logger log = LogManager.getLogger();
    static final String LONG = "Accepted request for model llama-7b and queued it at position 3 on pool default after 2 retries today";

    @SuppressWarnings("narration")
    void everything(final String name) {
        log.info(LONG);
        log.info("User " + name);
        log.info(Narration.action("AcceptJob").human("Accepted {}"));
        Correlation.open(name);
    }

    @SuppressWarnings("narration:length")
    void lengthOnly(final String name) {
        log.info(LONG);
        log.info(LONG + " {}"); // narration:placeholders
    }

    @SuppressWarnings({"unchecked", "narration:scope", "narration:action"})
    CorrelationScope twoOfThem(final String name) {
        log.info(Narration.action("AcceptJob").human("Accepted"));
        log.info(LONG); // narration:length
        return Correlation.open(name);
    }

    void onALocalVariable(final String name) {
        @SuppressWarnings("narration:scope")
        final CorrelationScope scope = Correlation.open(name);
        scope.close();
        final CorrelationScope other = Correlation.open(name); // narration:scope
        other.close();
    }

    @SuppressWarnings("narration")
    static class Nested {
        void anything() {
            log.info(LONG);
            Runnable later = () -> log.info(LONG);
            later.run();
        }
    }

    static class NotSuppressed {
        @SuppressWarnings("narration:lenght") // a misspelt check silences nothing
        void typo() {
            log.info(LONG); // narration:length
        }
    }

    @SuppressWarnings("narration")
    static final Runnable FIELD = () -> log.info(LONG);
}
