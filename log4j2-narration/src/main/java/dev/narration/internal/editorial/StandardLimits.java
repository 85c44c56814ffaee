package dev.narration.internal.editorial;

import java.util.Locale;

/**
 * The editorial standard's default {@code human} length limits of the six standard levels (docs/editorial.md), in
 * code points, indexed from TRACE to FATAL. The one source of these numbers: {@code EditorialStandard} starts from
 * them at run time and the javac plugin ({@code dev.narration.checks}) at compile time. It names levels by text,
 * not by Log4j's {@code Level}, because the plugin runs with the bundle alone on the processor path.
 */
public final class StandardLimits {
    /** The limit value that means "no length limit". */
    public static final int UNLIMITED = 0;

    private static final String[] LEVELS = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"};
    private static final int[] DEFAULTS = {UNLIMITED, 150, 100, 120, 150, UNLIMITED};

    private StandardLimits() {}

    /** How many standard levels there are. */
    public static int levelCount() {
        return LEVELS.length;
    }

    /** The name of the standard level at an index, TRACE (0) to FATAL. */
    public static String levelName(final int index) {
        return LEVELS[index];
    }

    /** The index of a standard level named in any case, or -1 when the name is none of the six. */
    public static int indexOf(final String levelName) {
        final String upper = levelName.toUpperCase(Locale.ROOT);
        for (int i = 0; i < LEVELS.length; i++) {
            if (LEVELS[i].equals(upper)) {
                return i;
            }
        }
        return -1;
    }

    /** The default limits, TRACE to FATAL: a fresh array the caller may change. */
    public static int[] defaults() {
        return DEFAULTS.clone();
    }
}
