package dev.narration.checks;

import java.util.ArrayList;
import java.util.List;

/**
 * A message pattern read as Log4j reads it (its {@code ParameterFormatter}, 2.24 and later): a {@code {}} is a
 * placeholder unless an odd run of backslashes precedes it; {@code \{}} writes a literal {@code {}}. A message
 * logged without arguments is written as it is, placeholders and backslashes included, and so is a pattern
 * without placeholders.
 */
final class LogPattern {
    private static final char ESCAPE = '\\';

    private LogPattern() {}

    /** The number of placeholders, as Log4j counts them. */
    static int placeholders(final String pattern) {
        return placeholderIndices(pattern).size();
    }

    /** The index of each placeholder's opening brace. */
    private static List<Integer> placeholderIndices(final String pattern) {
        final List<Integer> indices = new ArrayList<>();
        boolean escaped = false;
        for (int i = 0; i < pattern.length() - 1; i++) {
            final char c = pattern.charAt(i);
            if (c == ESCAPE) {
                escaped = !escaped;
            } else if (escaped) {
                escaped = false;
            } else if (c == '{' && pattern.charAt(i + 1) == '}') {
                indices.add(i++);
            }
        }
        return indices;
    }

    /** Whether Log4j takes the pattern's escapes away when it formats it: a backslash before its last character. */
    private static boolean hasEscapes(final String pattern) {
        final int last = pattern.lastIndexOf(ESCAPE, pattern.length() - 2);
        return last >= 0;
    }

    /**
     * The known pieces of the formatted message: the text between the arguments Log4j puts in whose value is not
     * known here, so that no two pieces are read as one. {@code arguments} holds the text of each argument,
     * {@code null} for one not known, or is itself {@code null} when only their count is unknown (an array passed
     * to a varargs method); a message logged without arguments is given an empty list.
     */
    static List<String> knownPieces(final String pattern, final List<String> arguments) {
        final List<Integer> placeholders = placeholderIndices(pattern);
        final List<String> pieces = new ArrayList<>();
        if (placeholders.isEmpty() || arguments != null && arguments.isEmpty()) {
            pieces.add(pattern);
            return pieces;
        }
        final boolean escapes = hasEscapes(pattern);
        final int filled = arguments == null ? placeholders.size() : Math.min(placeholders.size(), arguments.size());
        final StringBuilder piece = new StringBuilder();
        int from = 0;
        for (int k = 0; k < filled; k++) {
            final int at = placeholders.get(k);
            copy(pattern, from, at, escapes, piece);
            final String argument = arguments == null ? null : arguments.get(k);
            if (argument == null) {
                pieces.add(piece.toString());
                piece.setLength(0);
            } else {
                piece.append(argument);
            }
            from = at + 2;
        }
        copy(pattern, from, pattern.length(), escapes, piece);
        pieces.add(piece.toString());
        return pieces;
    }

    /** Appends {@code pattern[from, to)}, each {@code \\} written as {@code \} and {@code \{}} as {@code {}}. */
    private static void copy(final String pattern, final int from, final int to, final boolean escapes, final StringBuilder out) {
        if (!escapes) {
            out.append(pattern, from, to);
            return;
        }
        boolean escaped = false;
        for (int i = from; i < to; i++) {
            final char c = pattern.charAt(i);
            if (c == ESCAPE) {
                if (escaped) {
                    escaped = false;
                } else {
                    escaped = true;
                    out.append(c);
                }
            } else {
                if (escaped && c == '{' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '}') {
                    out.setLength(out.length() - 1);
                    out.append("{}");
                    i++;
                } else {
                    out.append(c);
                }
                escaped = false;
            }
        }
    }
}
