package dev.narration.internal.json;

import dev.narration.internal.event.Renderings;
import dev.narration.internal.redact.RedactionEngine;
import dev.narration.internal.redact.ScanBuffer;

/**
 * Writes a throwable's stack trace in the JDK's familiar text form (causes, suppressed exceptions and
 * {@code ... n more} for frames shared with the enclosing trace), escaped for a JSON string, directly into the
 * line: no {@code PrintWriter}, no {@code StackTraceElement.toString()}, no intermediate string.
 */
public final class StackTraceWriter {
    /** Bounds the walk over causes and suppressed exceptions, which may form cycles or be absurdly deep. */
    private static final int MAX_DEPTH = 64;

    private StackTraceWriter() {}

    /**
     * With a redactor, every message in the chain is redacted ({@code scratch} holds a redacted one briefly,
     * {@code buffer} is the redactor's scan buffer).
     */
    public static void write(
            final JsonLine out,
            final Throwable throwable,
            final RedactionEngine redactor,
            final StringBuilder scratch,
            final ScanBuffer buffer) {
        writeThrowable(out, throwable, null, "", "", 0, redactor, scratch, buffer);
    }

    private static void writeThrowable(
            final JsonLine out,
            final Throwable throwable,
            final StackTraceElement[] enclosing,
            final String caption,
            final String indent,
            final int depth,
            final RedactionEngine redactor,
            final StringBuilder scratch,
            final ScanBuffer buffer) {
        out.append(indent).append(caption);
        writeHeadline(out, throwable, redactor, scratch, buffer);
        final StackTraceElement[] frames = framesOf(throwable);
        final int unique = uniqueFrameCount(frames, enclosing);
        for (int i = 0; i < unique; i++) {
            out.append("\\n").append(indent).append("\\tat ");
            writeFrame(out, frames[i]);
        }
        if (unique < frames.length) {
            out.append("\\n").append(indent).append("\\t... ").append(frames.length - unique).append(" more");
        }
        if (depth >= MAX_DEPTH) {
            return;
        }
        for (final Throwable suppressed : throwable.getSuppressed()) {
            if (suppressed != throwable) {
                out.append("\\n");
                writeThrowable(out, suppressed, frames, "Suppressed: ", indent + "\\t", depth + 1, redactor, scratch, buffer);
            }
        }
        final Throwable cause = throwable.getCause();
        if (cause != null && cause != throwable) {
            out.append("\\n");
            writeThrowable(out, cause, frames, "Caused by: ", indent, depth + 1, redactor, scratch, buffer);
        }
    }

    /**
     * {@code type: message}, as {@code Throwable.toString()} would say it; a stand-in ({@link dev.narration.internal.event.StandInThrowable}) under the
     * name of the throwable it replaces.
     */
    static void writeHeadline(
            final JsonLine out,
            final Throwable throwable,
            final RedactionEngine redactor,
            final StringBuilder scratch,
            final ScanBuffer buffer) {
        out.escaped(Renderings.classNameOf(throwable));
        final String message = Renderings.messageOf(throwable);
        if (message != null) {
            out.append(": ");
            out.escaped(redactor == null ? message : redactor.redact(message, scratch, buffer));
        }
    }

    private static StackTraceElement[] framesOf(final Throwable throwable) {
        final StackTraceElement[] frames = throwable.getStackTrace();
        return frames == null ? new StackTraceElement[0] : frames;
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
