import dev.narration.Narration;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** newline: a constant message, or a constant put into it, that holds CR or LF. */
class Newline {
    private static final Logger log = LogManager.getLogger();
    static final String TWO_LINES = "Queue depth high\nFAKE 2026-01-01 INFO admin logged in";
    static final String TEXT_BLOCK = """
            Queue depth high
            """;

    void lineBreaks(final String detail) {
        log.warn("Queue depth high\nFAKE 2026-01-01 INFO admin logged in"); // narration:newline
        log.warn("Queue depth high\r"); // narration:newline
        log.warn(TWO_LINES); // narration:newline
        log.warn(TEXT_BLOCK); // narration:newline
        log.warn("Queue depth high: {}", "a\nb"); // narration:newline
        log.warn("Queue depth high: {}\n", detail); // narration:newline
        log.trace("ENTER eval\n"); // narration:newline
        log.info(Narration.action("warn").human("Queue depth high\n")); // narration:newline
    }

    void oneLine(final String detail) {
        log.warn("Queue depth high: {}", detail); // what the argument holds is a run-time matter
        log.warn("Queue depth high \\n (escaped)");
        log.warn("Queue depth high\tat 95%");
    }
}
