package dev.narration.internal.json;

import dev.narration.internal.event.Renderings;
import dev.narration.internal.event.ThrowableChain;
import java.util.Arrays;

/**
 * Writes a throwable's stack trace in the JDK's familiar text form (causes, suppressed exceptions,
 * {@code [CIRCULAR REFERENCE: …]} and {@code ... n more} for frames shared with the enclosing trace), escaped for a
 * JSON string, directly into the line: no {@code PrintWriter}, no {@code StackTraceElement.toString()}, no
 * intermediate string. It writes the throwables of a {@link ThrowableChain}, the walk redaction shares, so that both
 * leave out the same throwables.
 *
 * <p>Bounded by {@link StackTraceLimits}: the frames written in all and the bytes of the text. Past either, frames and
 * then whole throwables are left out, each cut said in the text ({@code ... 12 frames omitted},
 * {@code ... 40 throwables omitted}, and the walk's own {@code ... 4936 causes omitted},
 * {@code ... 7 suppressed exceptions omitted}); the root cause is kept whatever is cut before it, with a share of
 * both bounds held back for it. A message is cut, with {@link JsonLine#TRUNCATION_SUFFIX}, where it would not fit.
 *
 * <p>Laid out by {@link StackTraceShape}: at most so many frames per throwable (the rest as {@code ... n more}), runs
 * of frames of filtered classes folded into {@code ... n filtered}, and, root cause first, the causes from the
 * innermost out, each enclosing one as {@code Wrapped by: } with the frames it shares with its cause left out, as
 * Log4j's {@code %rEx} writes them. The bounds hold whatever the shape.
 *
 * <p>One per writing thread: it keeps each throwable's frames while their causes and suppressed exceptions are
 * written.
 */
public final class StackTraceWriter {
    private static final StackTraceElement[] NO_FRAMES = {};
    /** The share of the bytes held back for the root cause, at most. */
    private static final int ROOT_BYTES = 4096;
    /** The share of the frames held back for the root cause, at most. */
    private static final int ROOT_FRAMES = 32;
    /** Room kept for the end of a frame or a headline after its texts: punctuation, a line number, a cut mark. */
    private static final int SLACK = 48;

    /** The message to write for each throwable of the chain: as it is, or masked. */
    public interface Messages {
        /** The message of throwable {@code index} of the chain, or {@code null}; valid until the next call. */
        CharSequence of(ThrowableChain chain, int index);
    }

    /** Each throwable's message as renderers print it. */
    public static final Messages AS_THEY_ARE = (chain, index) -> Renderings.messageOf(chain.throwable(index));

    private final StackTraceElement[][] frames = new StackTraceElement[ThrowableChain.MAX_THROWABLES][];
    /** Root cause first: the causes from the root cause out to the event's throwable. */
    private final int[] causes = new int[ThrowableChain.MAX_THROWABLES];
    private JsonLine out;
    private StackTraceShape shape = StackTraceShape.JDK;
    /** Where the text may not go beyond, for the throwables being written. */
    private int end;
    private int framesLeft;

    public void write(final JsonLine line, final ThrowableChain chain, final Messages messages, final StackTraceLimits limits,
            final StackTraceShape layout) {
        out = line;
        shape = layout;
        final int n = chain.size();
        final int root = chain.rootCause();
        final int start = line.length();
        if (layout.rootCauseFirst() && root > 0) {
            try {
                rootCauseFirst(chain, root, messages, limits, start);
            } finally {
                Arrays.fill(frames, 0, n, null);
                out = null;
                shape = StackTraceShape.JDK;
            }
            return;
        }
        final int heldBytes = root < 0 ? 0 : Math.min(limits.maxBytes() / 4, ROOT_BYTES);
        final int heldFrames = root < 0 ? 0 : Math.min(limits.maxFrames() / 4, ROOT_FRAMES);
        end = start + limits.maxBytes() - heldBytes;
        framesLeft = limits.maxFrames() - heldFrames;
        try {
            int stopped = -1;
            for (int i = 0; i < n; i++) {
                if (i == root) {
                    continue;
                }
                if (i > 0 && line.length() + SLACK >= end) {
                    stopped = i;
                    break;
                }
                throwable(chain, i, messages);
                if (i == chain.cutAfter()) {
                    omissions(chain);
                }
            }
            if (stopped >= 0) {
                throwablesOmitted(chain, (root < 0 ? n : n - 1) - stopped, stopped);
            }
            if (root >= 0) {
                end = start + limits.maxBytes();
                framesLeft += heldFrames;
                throwable(chain, root, messages);
                omitted(chain, root);
            }
        } finally {
            Arrays.fill(frames, 0, n, null);
            out = null;
            shape = StackTraceShape.JDK;
        }
    }

    /**
     * The root cause, then each throwable it is the cause of, out to the event's: each with its suppressed exceptions
     * (in the JDK's order) after its frames. The root cause comes first, so it needs no share held back.
     */
    private void rootCauseFirst(final ThrowableChain chain, final int root, final Messages messages,
            final StackTraceLimits limits, final int start) {
        int count = 0;
        for (int i = root; i >= 0; i = chain.parent(i)) {
            causes[count++] = i;
        }
        end = start + limits.maxBytes();
        framesLeft = limits.maxFrames();
        int written = 0;
        for (int k = 0; k < count; k++) {
            final int i = causes[k];
            final int subtreeEnd = k == 0 ? chain.size() : causes[k - 1];
            if (k > 0 && out.length() + SLACK >= end) {
                throwablesOmitted(chain, chain.size() - written, i);
                return;
            }
            if (k > 0) {
                newLine(0).append("Wrapped by: ");
            }
            entry(chain, i, messages, k == 0 ? -1 : causes[k - 1]);
            written++;
            if (k == 0) {
                omitted(chain, root);
            }
            if (i == chain.cutAfter()) {
                omissions(chain);
            }
            for (int j = i + 1; j < subtreeEnd; j++) {
                if (out.length() + SLACK >= end) {
                    throwablesOmitted(chain, chain.size() - written, j);
                    return;
                }
                throwable(chain, j, messages);
                written++;
                if (j == chain.cutAfter()) {
                    omissions(chain);
                }
            }
        }
    }

    /** Says that {@code left} throwables, from entry {@code stopped} on, did not fit. */
    private void throwablesOmitted(final ThrowableChain chain, final int left, final int stopped) {
        newLine(0).append("\\t... ");
        if (chain.isCut() && chain.cutAfter() >= stopped) {
            out.append("at least ");
        }
        out.append(left).append(left == 1 ? " throwable omitted" : " throwables omitted");
    }

    /** Entry {@code i}: its headline, then its own frames as far as the bounds allow. */
    private void throwable(final ThrowableChain chain, final int i, final Messages messages) {
        final int indent = chain.indent(i);
        if (i > 0) {
            newLine(indent).append(chain.relation(i) == ThrowableChain.SUPPRESSED ? "Suppressed: " : "Caused by: ");
        }
        entry(chain, i, messages, chain.parent(i));
    }

    /**
     * Entry {@code i} after its relation: its headline and its own frames, those it shares at the end with entry
     * {@code enclosing}'s (written already; -1 for none) left out as {@code ... n more}.
     */
    private void entry(final ThrowableChain chain, final int i, final Messages messages, final int enclosing) {
        final int indent = chain.indent(i);
        final int first = chain.sameAs(i);
        if (first >= 0) {
            out.append("[CIRCULAR REFERENCE: ");
            headline(chain.throwable(first), messages.of(chain, first));
            out.append(']');
            frames[i] = NO_FRAMES;
            return;
        }
        final Throwable throwable = chain.throwable(i);
        headline(throwable, messages.of(chain, i));
        final StackTraceElement[] own = framesOf(throwable);
        frames[i] = own;
        final int unique = uniqueFrameCount(own, enclosing < 0 ? null : frames[enclosing]);
        final int cap = shape.framesPerThrowable() > 0 ? shape.framesPerThrowable() : Integer.MAX_VALUE;
        int next = 0;
        int shown = 0;
        while (next < unique && shown < cap && framesLeft > 0 && out.length() + SLACK < end) {
            if (shape.filters(own[next].getClassName())) {
                final int from = next;
                while (next < unique && shape.filters(own[next].getClassName())) {
                    next++;
                }
                newLine(indent).append("\\t... ").append(next - from).append(" filtered");
                continue;
            }
            newLine(indent).append("\\tat ");
            frame(own[next++]);
            shown++;
            framesLeft--;
        }
        if (next < unique && shown >= cap) {
            // stackTraceFrames: the rest, shared frames included, is one count.
            newLine(indent).append("\\t... ").append(own.length - next).append(" more");
            return;
        }
        if (next < unique) {
            newLine(indent).append("\\t... ").append(unique - next).append(unique - next == 1 ? " frame omitted" : " frames omitted");
        }
        if (unique < own.length) {
            newLine(indent).append("\\t... ").append(own.length - unique).append(" more");
        }
    }

    /** Says, where the walk stopped, what it left out: for each throwable concerned, the deepest first. */
    private void omissions(final ThrowableChain chain) {
        for (int k = 0, n = chain.openCount(); k < n; k++) {
            omitted(chain, chain.openAtCut(k));
        }
    }

    private void omitted(final ThrowableChain chain, final int i) {
        final int suppressed = chain.omittedSuppressed(i);
        if (suppressed > 0) {
            newLine(chain.indent(i)).append("\\t... ").append(suppressed)
                    .append(suppressed == 1 ? " suppressed exception omitted" : " suppressed exceptions omitted");
        }
        final int causes = chain.omittedCauses(i);
        if (causes > 0 || chain.moreCausesThanCounted(i)) {
            newLine(chain.indent(i)).append("\\t... ");
            if (chain.moreCausesThanCounted(i)) {
                out.append("more than ");
            }
            out.append(causes).append(causes == 1 ? " cause omitted" : " causes omitted");
        }
    }

    private JsonLine newLine(final int indent) {
        out.append("\\n");
        for (int t = 0; t < indent; t++) {
            out.append("\\t");
        }
        return out;
    }

    /** {@code type: message}, as {@code Throwable.toString()} would say it; a stand-in under the name it replaces. */
    private void headline(final Throwable throwable, final CharSequence message) {
        text(Renderings.classNameOf(throwable));
        if (message != null) {
            out.append(": ");
            text(message);
        }
    }

    /**
     * Text escaped, cut where it would go beyond the bound. A character takes at least one byte, so no more characters
     * than there are bytes left are written; what they took beyond the bound is cut back.
     */
    private void text(final CharSequence text) {
        final int from = out.length();
        final int room = Math.max(1, end - from - SLACK);
        final boolean longer = text.length() > room;
        if (longer) {
            out.escaped(text, room, "");
        } else {
            out.escaped(text);
        }
        if (out.cutBack(from, from + room) || longer) {
            out.escaped(JsonLine.TRUNCATION_SUFFIX);
        }
    }

    /** A part of a frame: escaped as it is when the whole frame fits, else as {@link #text} cuts it. */
    private void part(final String part, final boolean fits) {
        if (fits) {
            out.escaped(part);
        } else {
            text(part);
        }
    }

    private static int length(final String part) {
        return part == null ? 0 : part.length();
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

    private void frame(final StackTraceElement frame) {
        final String className = frame.getClassName();
        final String method = frame.getMethodName();
        final String file = frame.getFileName();
        // A character escapes to at most six bytes: a frame that fits even so is written without a check per part.
        final long most = JsonLine.MAX_BYTES_PER_CHAR * ((long) length(className) + length(method) + length(file));
        final boolean fits = out.length() + SLACK + most < end;
        part(className, fits);
        out.append('.');
        part(method, fits);
        out.append('(');
        if (frame.isNativeMethod()) {
            out.append("Native Method");
        } else if (file == null) {
            out.append("Unknown Source");
        } else {
            part(file, fits);
            if (frame.getLineNumber() >= 0) {
                out.append(':').append(frame.getLineNumber());
            }
        }
        out.append(')');
    }
}
