package dev.narration.internal.event;

import java.util.ArrayList;
import java.util.List;

/**
 * Which context entries a line writes as fields: {@code contextInclude} and {@code contextExclude}, comma-separated
 * key globs where {@code *} stands for any run of characters ({@code http.*}, {@code *_id}, {@code *})
 * (docs/layout.md#context-selection). Read once at configuration; a key is matched against the globs by comparing
 * characters, with no regular expression and no allocation per event. An entry is kept when it matches an include
 * glob (or there are none) and no exclude glob.
 */
public final class ContextSelection {
    /** Every entry. */
    public static final ContextSelection ALL = new ContextSelection(new String[0], new String[0]);

    private final String[] include;
    private final String[] exclude;

    private ContextSelection(final String[] include, final String[] exclude) {
        this.include = include;
        this.exclude = exclude;
    }

    /** The selection of two lists of globs; {@link #ALL} when both are empty. */
    public static ContextSelection of(final List<String> include, final List<String> exclude) {
        return include.isEmpty() && exclude.isEmpty() ? ALL
                : new ContextSelection(include.toArray(new String[0]), exclude.toArray(new String[0]));
    }

    /** The globs of a comma-separated list, or {@code null}, trimmed, empty ones left out. */
    public static List<String> globs(final String list) {
        final List<String> globs = new ArrayList<>();
        if (list != null) {
            for (final String part : list.split(",")) {
                final String glob = part.trim();
                if (!glob.isEmpty()) {
                    globs.add(glob);
                }
            }
        }
        return globs;
    }

    /**
     * Whether a glob holds a character that other glob syntaxes give a meaning this one does not ({@code ?},
     * {@code [}, {@code ]}, {@code {}, {@code }}): such a glob would match only keys holding that very character,
     * which is seldom what its author meant.
     */
    public static boolean isMisread(final String glob) {
        for (int i = 0; i < glob.length(); i++) {
            switch (glob.charAt(i)) {
                case '?':
                case '[':
                case ']':
                case '{':
                case '}':
                    return true;
                default:
                    break;
            }
        }
        return false;
    }

    /** Whether every entry is kept, so a writer need not ask. */
    public boolean keepsAll() {
        return this == ALL;
    }

    /** Whether the context entry of this key is written. */
    public boolean keeps(final String key) {
        return (include.length == 0 || matchesAny(include, key)) && !matchesAny(exclude, key);
    }

    private static boolean matchesAny(final String[] globs, final String key) {
        for (int i = 0; i < globs.length; i++) {
            if (matches(globs[i], key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code key} matches {@code glob}: characters compared one by one, a {@code *} taking as few characters as
     * it can and one more when what follows fails (the last star's position is all the state needed).
     */
    static boolean matches(final String glob, final String key) {
        int g = 0;
        int k = 0;
        int star = -1;
        int resume = 0;
        final int gn = glob.length();
        final int kn = key.length();
        while (k < kn) {
            if (g < gn && glob.charAt(g) == '*') {
                star = g++;
                resume = k;
            } else if (g < gn && glob.charAt(g) == key.charAt(k)) {
                g++;
                k++;
            } else if (star >= 0) {
                g = star + 1;
                k = ++resume;
            } else {
                return false;
            }
        }
        while (g < gn && glob.charAt(g) == '*') {
            g++;
        }
        return g == gn;
    }
}
