package dev.narration.internal.redact;

import java.util.function.Function;

/**
 * Gives internal code the engine behind a public {@code Redactor} (the {@code <Redaction>} element), which must not
 * offer it itself: the public class would otherwise show the engine's buffer-taking methods as API. {@code Redactor}
 * grants the one accessor when it is loaded, before any instance exists (the JDK's "shared secrets" idiom).
 */
public final class EngineAccess {
    private static volatile Function<Object, RedactionEngine> accessor;

    private EngineAccess() {}

    /** Called once, by {@code Redactor}'s static initializer. */
    public static void grant(final Function<Object, RedactionEngine> engineOf) {
        if (accessor != null) {
            throw new IllegalStateException("the engine accessor was granted already");
        }
        accessor = engineOf;
    }

    /** The engine of a {@code Redactor}, or {@code null} for none. */
    public static RedactionEngine of(final Object redactor) {
        return redactor == null ? null : accessor.apply(redactor);
    }
}
