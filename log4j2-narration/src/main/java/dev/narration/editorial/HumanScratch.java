package dev.narration.editorial;

import org.apache.logging.log4j.core.util.Constants;
import org.apache.logging.log4j.message.ReusableParameterizedMessage;

/**
 * Per-thread buffers that let the filter read a sentence without allocating: the text it is formatted into,
 * and a reusable parameterized message for logger-level calls that pass a pattern and arguments. A nested call
 * on the same thread (an argument's {@code toString()} that logs) gets fresh buffers instead of scrambling the
 * outer ones; so does every call when Log4j's thread locals are disabled (web applications).
 */
final class HumanScratch {
    private static final ThreadLocal<HumanScratch> SCRATCH = ThreadLocal.withInitial(HumanScratch::new);
    /** A sentence this long is rare: past it the buffer is shrunk so one huge event does not pin memory. */
    private static final int MAX_KEPT_CAPACITY = 4096;

    final StringBuilder text = new StringBuilder(256);
    private ReusableParameterizedMessage parameterized;
    private boolean parameterizedUsed;
    private boolean busy;

    private HumanScratch() {}

    static HumanScratch acquire() {
        if (Constants.ENABLE_THREADLOCALS) {
            final HumanScratch scratch = SCRATCH.get();
            if (!scratch.busy) {
                scratch.busy = true;
                return scratch;
            }
        }
        return new HumanScratch();
    }

    ReusableParameterizedMessage parameterized() {
        if (parameterized == null) {
            parameterized = new ReusableParameterizedMessage();
        }
        parameterizedUsed = true;
        return parameterized;
    }

    void release() {
        if (parameterizedUsed) {
            // clear() keeps the argument references: overwrite every slot with null first, so the thread does not
            // keep the caller's objects alive (swapParameters would allocate for more than ten arguments).
            parameterized.set("", null, null, null, null, null, null, null, null, null, null);
            parameterized.clear();
            parameterizedUsed = false;
        }
        if (text.capacity() > MAX_KEPT_CAPACITY) {
            text.setLength(0);
            text.trimToSize();
        } else {
            text.setLength(0);
        }
        busy = false;
    }
}
