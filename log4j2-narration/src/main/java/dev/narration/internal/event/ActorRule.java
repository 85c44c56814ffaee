package dev.narration.internal.event;

import java.util.Locale;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * How the actor of an event is inferred from its logger name when neither the message nor the context names
 * one. Each rule maps a name to the same actor every time, so the result is computed once per logger.
 */
public enum ActorRule {
    /**
     * The innermost package: {@code com.acme.orchestratord.JobAdmission} → {@code orchestratord}. A name whose
     * segments are all lower case is taken as a package ({@code com.acme.pool} → {@code pool}); a name with no
     * package falls back to {@link #CLASS}.
     */
    PACKAGE,
    /** The simple class name in kebab case: {@code com.acme.JobAdmission$Worker} → {@code job-admission}. */
    CLASS,
    /** The logger name unchanged. */
    LOGGER;

    /** Parses a rule name case-insensitively, or returns {@code null} for an unknown one. */
    public static ActorRule parse(final String name) {
        if (name == null) {
            return null;
        }
        for (final ActorRule rule : values()) {
            if (rule.name().equalsIgnoreCase(name.trim())) {
                return rule;
            }
        }
        return null;
    }

    /**
     * The rule of an element's {@code actorRule} attribute; an unknown one is reported through the status logger,
     * naming the element, the attribute and the value, and {@link #PACKAGE} is used.
     */
    public static ActorRule configured(final String element, final String name) {
        final ActorRule rule = parse(name);
        if (rule != null) {
            return rule;
        }
        StatusLogger.getLogger().error("{}: invalid actorRule=\"{}\"; expected one of {}. Using package.", element, name, names());
        return PACKAGE;
    }

    /** The lower-case rule names, for error messages and documentation. */
    public static String names() {
        final StringBuilder names = new StringBuilder();
        for (final ActorRule rule : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(rule.name().toLowerCase(Locale.ROOT));
        }
        return names.toString();
    }

    String infer(final String loggerName) {
        if (loggerName == null || loggerName.isEmpty()) {
            return "root";
        }
        switch (this) {
            case LOGGER:
                return loggerName;
            case CLASS:
                return kebab(simpleClassName(loggerName));
            default:
                return innermostPackage(loggerName);
        }
    }

    private static String innermostPackage(final String name) {
        int segmentStart = 0;
        String lastPackage = null;
        while (segmentStart < name.length()) {
            int end = name.indexOf('.', segmentStart);
            if (end < 0) {
                end = name.length();
            }
            if (end > segmentStart) {
                if (Character.isUpperCase(name.charAt(segmentStart))) {
                    break;
                }
                lastPackage = name.substring(segmentStart, end);
            }
            segmentStart = end + 1;
        }
        return lastPackage != null ? lastPackage : kebab(simpleClassName(name));
    }

    private static String simpleClassName(final String name) {
        final int dollar = name.indexOf('$', name.lastIndexOf('.') + 1);
        final String simple = name.substring(name.lastIndexOf('.') + 1, dollar < 0 ? name.length() : dollar);
        return simple.isEmpty() ? name : simple;
    }

    private static String kebab(final String camel) {
        final StringBuilder out = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            final char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                // A boundary before an upper-case letter that follows a lower-case one or starts a word after an
                // acronym: HTTPServer → http-server, JobAdmission → job-admission.
                final boolean afterLower = i > 0 && !Character.isUpperCase(camel.charAt(i - 1));
                final boolean acronymEnd = i > 0 && i + 1 < camel.length()
                        && Character.isUpperCase(camel.charAt(i - 1)) && Character.isLowerCase(camel.charAt(i + 1));
                if (out.length() > 0 && (afterLower || acronymEnd) && out.charAt(out.length() - 1) != '-') {
                    out.append('-');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
