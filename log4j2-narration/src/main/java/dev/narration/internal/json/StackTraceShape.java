package dev.narration.internal.json;

import java.util.ArrayList;
import java.util.List;

/**
 * How a stack trace is laid out, beside its bounds ({@link StackTraceLimits}): at most so many frames per throwable,
 * the frames of classes under some prefixes folded into {@code ... n filtered}, the root cause first, and whether the
 * line carries the trace's hash ({@link StackTraceHash}) (docs/layout.md#stack-traces). Built once per layout and
 * immutable; {@link #JDK} is the JDK's own layout.
 */
public final class StackTraceShape {
    /** Every frame, none filtered, the outermost throwable first, no hash: as {@code printStackTrace} writes it. */
    public static final StackTraceShape JDK = new StackTraceShape(0, new String[0], false, false);

    private final int framesPerThrowable;
    private final String[] filter;
    private final boolean rootCauseFirst;
    private final boolean hash;

    /**
     * {@code framesPerThrowable} frames at most per throwable (0: no limit of its own), the class-name prefixes of
     * {@code filter}, the root cause first or not, a hash or not.
     */
    public StackTraceShape(final int framesPerThrowable, final String[] filter, final boolean rootCauseFirst, final boolean hash) {
        this.framesPerThrowable = Math.max(0, framesPerThrowable);
        this.filter = filter.clone();
        this.rootCauseFirst = rootCauseFirst;
        this.hash = hash;
    }

    /** The prefixes of a comma-separated list, blanks dropped: {@code "org.junit., sun.reflect."}. */
    public static String[] prefixes(final String list) {
        final List<String> prefixes = new ArrayList<>();
        if (list != null) {
            for (final String part : list.split(",")) {
                final String prefix = part.trim();
                if (!prefix.isEmpty()) {
                    prefixes.add(prefix);
                }
            }
        }
        return prefixes.toArray(new String[0]);
    }

    /** Frames written at most per throwable; 0 when only {@link StackTraceLimits} bounds them. */
    public int framesPerThrowable() {
        return framesPerThrowable;
    }

    public boolean rootCauseFirst() {
        return rootCauseFirst;
    }

    public boolean hash() {
        return hash;
    }

    /** Whether a frame of this class folds into {@code ... n filtered}: a prefix loop, no allocation. */
    public boolean filters(final String className) {
        if (className == null) {
            return false;
        }
        for (int i = 0; i < filter.length; i++) {
            if (className.startsWith(filter[i])) {
                return true;
            }
        }
        return false;
    }
}
