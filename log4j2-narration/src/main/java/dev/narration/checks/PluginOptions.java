package dev.narration.checks;

import dev.narration.internal.docs.DocPages;
import dev.narration.internal.editorial.StandardLimits;
import java.util.ArrayList;
import java.util.List;

/**
 * The plugin's options, the words after its name in {@code -Xplugin:"Narration length.INFO=80 length.DEBUG=200"}:
 * a project's own {@code length} limit per standard level, in code points, {@code 0} for none. A bad option is an
 * error, not a warning: a typo must not leave a project with limits it did not choose.
 */
final class PluginOptions {
    private static final String LENGTH = "length.";

    /** The limit of each standard level, TRACE to FATAL, as {@link StandardLimits} indexes them. */
    final int[] limits = StandardLimits.defaults();
    /** What is wrong with each bad option, for the compiler's error output. */
    final List<String> errors = new ArrayList<>();

    static PluginOptions parse(final String... args) {
        final PluginOptions options = new PluginOptions();
        for (final String arg : args) {
            if (!arg.isEmpty()) {
                options.read(arg);
            }
        }
        return options;
    }

    private void read(final String option) {
        final int equals = option.indexOf('=');
        if (!option.startsWith(LENGTH) || equals < 0) {
            error(option, "the only options are length.<LEVEL>=<code points>");
            return;
        }
        final String level = option.substring(LENGTH.length(), equals);
        final int index = StandardLimits.indexOf(level);
        if (index < 0) {
            error(option, "\"" + level + "\" is not a level; the levels are " + levelNames());
            return;
        }
        final int limit = codePoints(option.substring(equals + 1));
        if (limit < 0) {
            error(option, "the limit must be a whole number of code points >= 0 (0 = unlimited)");
            return;
        }
        limits[index] = limit;
    }

    /** The number, or -1 when the text is not a whole number from 0 to {@link Integer#MAX_VALUE}. */
    private static int codePoints(final String text) {
        if (text.isEmpty() || text.length() > 10) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value > Integer.MAX_VALUE ? -1 : (int) value;
    }

    private void error(final String option, final String problem) {
        errors.add("[" + Check.ALL + "] plugin option \"" + option + "\" is invalid: " + problem
                + "; for example -Xplugin:\"Narration length.INFO=80\" (see " + DocPages.CHECKS + "#options)");
    }

    private static String levelNames() {
        final StringBuilder names = new StringBuilder();
        for (int i = 0; i < StandardLimits.levelCount(); i++) {
            names.append(i == 0 ? "" : ", ").append(StandardLimits.levelName(i));
        }
        return names.toString();
    }
}
