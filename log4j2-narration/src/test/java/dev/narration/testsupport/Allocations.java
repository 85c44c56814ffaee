package dev.narration.testsupport;

import java.lang.management.ManagementFactory;

/** Bytes allocated by the current thread, as the JVM counts them (deterministic enough to assert on). */
public final class Allocations {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocations() {}

    /**
     * Bytes allocated per call in steady state: the least of up to {@code rounds} measurements of {@link #perCall},
     * stopping at the first under one byte. On a busy machine the JIT may still be at work after one warm-up, and
     * what it does then (a deoptimisation, a late compilation) can show once in the thread's count; an allocation
     * per call shows in every round.
     */
    public static double steadyPerCall(final int warmUp, final int calls, final int rounds, final Runnable action) {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < rounds && best >= 1.0; round++) {
            best = Math.min(best, perCall(warmUp, calls, action));
        }
        return best;
    }

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
