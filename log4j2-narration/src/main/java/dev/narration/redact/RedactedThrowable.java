package dev.narration.redact;

import dev.narration.internal.event.StandInThrowable;

/**
 * Stands in for a throwable whose message (or a cause's or suppressed exception's message) held a secret.
 *
 * <p>A throwable's message cannot be changed and its class cannot, in general, be instantiated again safely, so
 * the policy logs a copy: this class, carrying the redacted message, the original class name, the original stack
 * trace, and the copied chain of causes and suppressed exceptions (clean ones are kept as they are). Its
 * {@link #toString()} reads {@code original.ClassName: redacted message}, so stack traces printed by Log4j's
 * {@code PatternLayout} and by {@code Throwable.printStackTrace} look as before, and {@code NarrationJsonLayout}
 * writes the original class name as {@code exception.type}. Layouts that print {@code getClass().getName()}
 * (such as {@code JsonTemplateLayout}'s {@code exception className} resolver) show this class's name instead;
 * {@link #getOriginalClassName()} gives the original.
 */
public final class RedactedThrowable extends RuntimeException implements StandInThrowable {
    private static final long serialVersionUID = 1L;

    private final String originalClassName;

    /** Its cause, if any, is set once the copies of the chain exist ({@link #initCause}): the chain may be a cycle. */
    RedactedThrowable(final String originalClassName, final String message) {
        super(message);
        this.originalClassName = originalClassName;
    }

    /** The class name of the throwable this one replaces. */
    @Override
    public String getOriginalClassName() {
        return originalClassName;
    }

    /** The stack trace is the original's, set after construction: capturing this constructor's own is waste. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    @Override
    public String toString() {
        final String message = getLocalizedMessage();
        return message == null ? originalClassName : originalClassName + ": " + message;
    }
}
