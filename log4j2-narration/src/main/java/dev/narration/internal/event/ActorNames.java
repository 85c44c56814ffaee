package dev.narration.internal.event;

import dev.narration.internal.docs.DocPages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Actor names given to the loggers under a prefix ({@code <Actor prefix="org.springframework" name="spring"/>}),
 * for libraries whose package names say which part of the library spoke rather than which component it is. The
 * longest prefix that matches wins; a prefix matches a logger name that equals it or continues it after a
 * {@code .} or {@code $}, so {@code org.spring} never matches {@code org.springframework.beans}. Consulted once per
 * logger name, before the {@link ActorRule}: {@link ActorInference} caches the result. Immutable.
 */
public final class ActorNames {
    /** No prefixes: every actor comes from the rule. */
    public static final ActorNames NONE = new ActorNames(new String[0], new String[0]);

    /** Longest first, so the first match is the longest. */
    private final String[] prefixes;
    private final String[] names;

    private ActorNames(final String[] prefixes, final String[] names) {
        this.prefixes = prefixes;
        this.names = names;
    }

    /** The name given to this logger, or {@code null} when no prefix matches. */
    String nameOf(final String loggerName) {
        for (int i = 0; i < prefixes.length; i++) {
            if (matches(prefixes[i], loggerName)) {
                return names[i];
            }
        }
        return null;
    }

    private static boolean matches(final String prefix, final String loggerName) {
        if (!loggerName.startsWith(prefix)) {
            return false;
        }
        if (loggerName.length() == prefix.length()) {
            return true;
        }
        final char next = loggerName.charAt(prefix.length());
        return next == '.' || next == '$';
    }

    public boolean isEmpty() {
        return prefixes.length == 0;
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof ActorNames && Arrays.equals(prefixes, ((ActorNames) other).prefixes)
                && Arrays.equals(names, ((ActorNames) other).names);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(prefixes) + Arrays.hashCode(names);
    }

    /** {@code org.springframework=spring, org.hibernate=hibernate}, longest prefix first. */
    @Override
    public String toString() {
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < prefixes.length; i++) {
            text.append(i == 0 ? "" : ", ").append(prefixes[i]).append('=').append(names[i]);
        }
        return text.toString();
    }

    /** Collects prefixes one by one, each checked; the caller reports a rejected one in its own terms. */
    public static final class Builder {
        private final List<String> prefixes = new ArrayList<>();
        private final List<String> names = new ArrayList<>();

        /**
         * Adds a prefix and its actor name, both trimmed; returns {@code null}, or what is wrong with them (then
         * nothing is added): a missing or malformed prefix, a missing name or one with spaces, a prefix named twice.
         */
        public String add(final String prefix, final String name) {
            final String p = prefix == null ? "" : prefix.trim();
            final String n = name == null ? "" : name.trim();
            if (p.isEmpty()) {
                return "the prefix is missing; expected a package or logger name such as org.springframework";
            }
            if (p.startsWith(".") || p.endsWith(".") || p.contains("..") || hasSpace(p)) {
                return "invalid prefix \"" + p + "\"; expected a package or logger name such as org.springframework"
                        + " (no spaces, no leading, trailing or double dot)";
            }
            if (n.isEmpty()) {
                return "the name is missing; expected the actor to write, such as spring";
            }
            if (hasSpace(n)) {
                return "invalid name \"" + n + "\"; expected one word, such as spring or spring-boot";
            }
            final int known = prefixes.indexOf(p);
            if (known >= 0) {
                return "the prefix \"" + p + "\" is named \"" + names.get(known) + "\" already";
            }
            prefixes.add(p);
            names.add(n);
            return null;
        }

        /**
         * As {@link #add}, for an {@code <Actor>} element of a configuration: a rejected one is reported through the
         * status logger, naming the element that holds it, the attribute and the value, and is ignored; the others
         * still apply.
         */
        public void addOrReport(final String element, final String prefix, final String name) {
            final String problem = add(prefix, name);
            if (problem != null) {
                StatusLogger.getLogger().error("{}: <Actor prefix=\"{}\" name=\"{}\">: {}. Ignoring this <Actor>; the"
                        + " others apply (" + DocPages.LAYOUT + "#actor-names-for-other-peoples-loggers).",
                        element, prefix, name, problem);
            }
        }

        public ActorNames build() {
            if (prefixes.isEmpty()) {
                return NONE;
            }
            final Integer[] order = new Integer[prefixes.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            // Longest first; equal lengths by text, so that the same set gives the same table (and the same cache).
            Arrays.sort(order, (a, b) -> {
                final int byLength = Integer.compare(prefixes.get(b).length(), prefixes.get(a).length());
                return byLength != 0 ? byLength : prefixes.get(a).compareTo(prefixes.get(b));
            });
            final String[] sortedPrefixes = new String[order.length];
            final String[] sortedNames = new String[order.length];
            for (int i = 0; i < order.length; i++) {
                sortedPrefixes[i] = prefixes.get(order[i]);
                sortedNames[i] = names.get(order[i]);
            }
            return new ActorNames(sortedPrefixes, sortedNames);
        }

        private static boolean hasSpace(final String text) {
            for (int i = 0; i < text.length(); i++) {
                if (Character.isWhitespace(text.charAt(i)) || Character.isISOControl(text.charAt(i))) {
                    return true;
                }
            }
            return false;
        }
    }
}
