package dev.narration.internal.json;

import dev.narration.internal.event.Renderings;
import dev.narration.internal.event.ThrowableChain;
import java.util.Arrays;

/**
 * Writes a throwable's stack trace in the JDK's familiar text form (causes, suppressed exceptions and
 * {@code ... n more} for frames shared with the enclosing trace), escaped for a JSON string, directly into the
 * line: no {@code PrintWriter}, no {@code StackTraceElement.toString()}, no intermediate string. It writes the
 * throwables of a {@link ThrowableChain}, the walk redaction shares, so that both stop at the same throwable.
 *
 * <p>One per writing thread: it keeps each throwable's frames while their causes and suppressed exceptions are
 * written.
 */
public final class StackTraceWriter {
    private static final StackTraceElement[] NO_FRAMES = {};

    /** The message to write for each throwable of the chain: as it is, or masked. */
    public interface Messages {
        /** The message of throwable {@code index} of the chain, or {@code null}; valid until the next call. */
        CharSequence of(ThrowableChain chain, int index);
    }

    /** Each throwable's message as renderers print it. */
    public static final Messages AS_THEY_ARE = (chain, index) -> Renderings.messageOf(chain.throwable(index));

    private final StackTraceElement[][] frames = new StackTraceElement[ThrowableChain.MAX_THROWABLES][];

    public void write(final JsonLine out, final ThrowableChain chain, final Messages messages) {
        try {
            for (int i = 0, n = chain.size(); i < n; i++) {
                final Throwable throwable = chain.throwable(i);
                final int indent = chain.indent(i);
                if (i > 0) {
                    out.append("\\n");
                    tabs(out, indent);
                    out.append(chain.relation(i) == ThrowableChain.SUPPRESSED ? "Suppressed: " : "Caused by: ");
                }
                writeHeadline(out, throwable, messages.of(chain, i));
                final StackTraceElement[] own = framesOf(throwable);
                frames[i] = own;
                final int parent = chain.parent(i);
                final int unique = uniqueFrameCount(own, parent < 0 ? null : frames[parent]);
                for (int f = 0; f < unique; f++) {
                    out.append("\\n");
                    tabs(out, indent);
                    out.append("\\tat ");
                    writeFrame(out, own[f]);
                }
                if (unique < own.length) {
                    out.append("\\n");
                    tabs(out, indent);
                    out.append("\\t... ").append(own.length - unique).append(" more");
                }
            }
        } finally {
            Arrays.fill(frames, 0, chain.size(), null);
        }
    }

    /** {@code type: message}, as {@code Throwable.toString()} would say it; a stand-in under the name it replaces. */
    private static void writeHeadline(final JsonLine out, final Throwable throwable, final CharSequence message) {
        out.escaped(Renderings.classNameOf(throwable));
        if (message != null) {
            out.append(": ");
            out.escaped(message);
        }
    }

    private static void tabs(final JsonLine out, final int count) {
        for (int t = 0; t < count; t++) {
            out.append("\\t");
        }
    }

    private static StackTraceElement[] framesOf(final Throwable throwable) {
        final StackTraceElement[] frames = throwable.getStackTrace();
        return frames == null ? NO_FRAMES : frames;
    }

    private static int uniqueFrameCount(final StackTraceElement[] frames, final StackTraceElement[] enclosing) {
        int m = frames.length - 1;
        if (enclosing != null) {
            int n = enclosing.length - 1;
            while (m >= 0 && n >= 0 && frames[m].equals(enclosing[n])) {
                m--;
                n--;
            }
        }
        return m + 1;
    }

    private static void writeFrame(final JsonLine out, final StackTraceElement frame) {
        out.escaped(frame.getClassName());
        out.append('.');
        out.escaped(frame.getMethodName());
        out.append('(');
        final String file = frame.getFileName();
        if (frame.isNativeMethod()) {
            out.append("Native Method");
        } else if (file == null) {
            out.append("Unknown Source");
        } else {
            out.escaped(file);
            if (frame.getLineNumber() >= 0) {
                out.append(':').append(frame.getLineNumber());
            }
        }
        out.append(')');
    }
}
