package dev.narration.testsupport;

import java.lang.management.ManagementFactory;

/** Bytes allocated by the current thread, as the JVM counts them (deterministic enough to assert on). */
public final class Allocations {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocations() {}

    /** Runs the action {@code warmUp} times, then {@code calls} times, and returns bytes allocated per measured call. */
    public static double perCall(final int warmUp, final int calls, final Runnable action) {
        for (int i = 0; i < warmUp; i++) {
            action.run();
        }
        final long thread = Thread.currentThread().getId();
        final long before = THREADS.getThreadAllocatedBytes(thread);
        for (int i = 0; i < calls; i++) {
            action.run();
        }
        return (double) (THREADS.getThreadAllocatedBytes(thread) - before) / calls;
    }
}
