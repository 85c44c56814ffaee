package dev.narration.checks;

import com.sun.source.util.TreePath;
import java.util.List;

/** A call that hands Log4j a {@code String} message pattern, and what Log4j makes of what follows it. */
final class MessageCall {
    /** The level's index in the standard's limits, when it is not known at compile time. */
    static final int UNKNOWN_LEVEL = -1;

    final TreePath call;
    final TreePath message;
    /**
     * The arguments that may fill placeholders, a Throwable parameter of its own left out; {@code null} when their
     * count is not known (an array passed to a varargs parameter).
     */
    final List<TreePath> arguments;
    /** The standard level whose limit applies, or {@link #UNKNOWN_LEVEL}. */
    final int level;

    MessageCall(final TreePath call, final TreePath message, final List<TreePath> arguments, final int level) {
        this.call = call;
        this.message = message;
        this.arguments = arguments;
        this.level = level;
    }
}
