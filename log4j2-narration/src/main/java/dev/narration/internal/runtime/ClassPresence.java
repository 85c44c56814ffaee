package dev.narration.internal.runtime;

/** Whether a class is on the class path, asked without loading or initializing it. */
public final class ClassPresence {
    private ClassPresence() {}

    /** Whether the loader finds the class; any failure to look (a missing dependency, a security manager) is "no". */
    public static boolean isPresent(final String className, final ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError | SecurityException e) {
            return false;
        }
    }
}
