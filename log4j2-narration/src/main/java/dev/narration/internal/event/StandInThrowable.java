package dev.narration.internal.event;

/**
 * A throwable that stands in for another one in the output, such as the redacted copy the rewrite policy logs:
 * outputs name it by the class of the throwable it replaces ({@link Renderings#classNameOf}).
 */
public interface StandInThrowable {
    /** The class name of the throwable this one replaces. */
    String getOriginalClassName();
}
