import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** length with a project's own limits: -Xplugin:"Narration length.INFO=60 length.trace=80 length.DEBUG=0". */
class LengthOptions {
    private static final Logger log = LogManager.getLogger();
    static final String CHARS_61 = "Accepted request for model llama-7b; queued it at position 3.";
    static final String CHARS_60 = "Accepted request for model llama-7b; queued it at position 3";
    static final String CHARS_81 = "Entered llama_cpp_eval with ctx=0x7f8a and tokens=[1,2,3], n_tokens=3, at last!!!";
    static final String CHARS_200 = CHARS_81 + CHARS_81 + "Entered llama_cpp_eval with ctx=0x7f8a";

    void projectLimits() {
        log.info(CHARS_61); // narration:length
        log.info(CHARS_60);
        log.trace(CHARS_81); // narration:length
        log.debug(CHARS_200); // 0: no DEBUG limit
        log.warn(CHARS_81); // the default WARN limit, 120, still holds
        log.warn(CHARS_200); // narration:length
    }
}
