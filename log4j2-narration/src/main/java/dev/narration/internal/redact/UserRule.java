package dev.narration.internal.redact;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * A user's own rule as the engine runs it: every match of the pattern is masked, on text that contains one of the
 * keywords (on every text when there are none). Built from a valid {@code <RedactionRule>}.
 */
public final class UserRule {
    private final String name;
    private final Pattern pattern;
    private final String[] keywords;
    /** Whether running out of the step budget was reported already: once per rule is enough to act on. */
    private final AtomicBoolean budgetReported = new AtomicBoolean();

    public UserRule(final String name, final Pattern pattern, final String[] keywords) {
        this.name = name;
        this.pattern = pattern;
        this.keywords = keywords.clone();
    }

    public String name() {
        return name;
    }

    Pattern pattern() {
        return pattern;
    }

    /** Whether the pattern must run on this text: always without keywords, else when one of them occurs. */
    boolean mayMatch(final CharSequence text) {
        if (keywords.length == 0) {
            return true;
        }
        for (final String keyword : keywords) {
            if (contains(text, keyword)) {
                return true;
            }
        }
        return false;
    }

    /** As {@link #mayMatch(CharSequence)}, for the text of {@code buffer} from {@code start} on. */
    boolean mayMatch(final StringBuilder buffer, final int start) {
        if (keywords.length == 0) {
            return true;
        }
        for (final String keyword : keywords) {
            if (buffer.indexOf(keyword, start) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether this is the first time the rule ran out of its step budget. */
    boolean firstBudgetExhaustion() {
        return !budgetReported.getAndSet(true);
    }

    /**
     * Whether a pattern repeats a group that itself holds a repetition, such as {@code (a+)+} or {@code (.*a){12}}:
     * the shape that makes a backtracking matcher take exponential time on some texts. Read from the pattern's
     * source: escapes, quoting ({@code \Q…\E}) and character classes are skipped; {@code ?} and {@code {0,1}} do
     * not repeat.
     */
    public static boolean hasNestedQuantifier(final String regex) {
        final Deque<boolean[]> groups = new ArrayDeque<>();
        final int n = regex.length();
        for (int i = 0; i < n; i++) {
            final char c = regex.charAt(i);
            if (c == '\\') {
                if (i + 1 < n && regex.charAt(i + 1) == 'Q') {
                    final int quoteEnd = regex.indexOf("\\E", i + 2);
                    i = quoteEnd < 0 ? n : quoteEnd + 1;
                } else {
                    i++;
                }
            } else if (c == '[') {
                i = classEnd(regex, i);
            } else if (c == '(') {
                groups.push(new boolean[1]);
            } else if (c == ')' && !groups.isEmpty()) {
                final boolean holdsRepetition = groups.pop()[0];
                final boolean repeated = repeats(regex, i + 1);
                if (holdsRepetition && repeated) {
                    return true;
                }
                if ((holdsRepetition || repeated) && !groups.isEmpty()) {
                    groups.peek()[0] = true;
                }
            } else if (repeats(regex, i) && !groups.isEmpty()) {
                groups.peek()[0] = true;
            }
        }
        return false;
    }

    /** The index of the {@code ]} that closes the class opened at {@code open}, nested classes and escapes included. */
    private static int classEnd(final String regex, final int open) {
        int depth = 0;
        int i = open;
        final int n = regex.length();
        while (i < n) {
            final char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                depth++;
                if (i + 1 < n && regex.charAt(i + 1) == '^') {
                    i++;
                }
                if (i + 1 < n && regex.charAt(i + 1) == ']') {
                    i++; // a ']' right after the opening is a literal
                }
            } else if (c == ']' && --depth == 0) {
                return i;
            }
            i++;
        }
        return n;
    }

    /** Whether the pattern has, at {@code i}, a quantifier that repeats: {@code *}, {@code +}, {@code {n,}} or {@code {n,m}} with m over 1. */
    private static boolean repeats(final String regex, final int i) {
        if (i >= regex.length()) {
            return false;
        }
        final char c = regex.charAt(i);
        if (c == '*' || c == '+') {
            return true;
        }
        if (c != '{') {
            return false;
        }
        final int close = regex.indexOf('}', i);
        if (close < 0) {
            return false;
        }
        final String bounds = regex.substring(i + 1, close);
        final int comma = bounds.indexOf(',');
        try {
            if (comma < 0) {
                return Integer.parseInt(bounds.trim()) > 1;
            }
            final String max = bounds.substring(comma + 1).trim();
            return max.isEmpty() || Integer.parseInt(max) > 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "pattern=" + pattern + ", keywords=" + Arrays.toString(keywords);
    }

    private static boolean contains(final CharSequence text, final String keyword) {
        if (text instanceof String) {
            return ((String) text).contains(keyword);
        }
        if (text instanceof StringBuilder) {
            return ((StringBuilder) text).indexOf(keyword) >= 0;
        }
        return text.toString().contains(keyword);
    }
}
