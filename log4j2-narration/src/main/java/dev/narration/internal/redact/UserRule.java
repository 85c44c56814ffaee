package dev.narration.internal.redact;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A user's own rule as the engine runs it: every match of the pattern is masked, on text that contains one of the
 * keywords (on every text when there are none). Built from a valid {@code <RedactionRule>}.
 */
public final class UserRule {
    private final String name;
    private final Pattern pattern;
    private final String[] keywords;

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
