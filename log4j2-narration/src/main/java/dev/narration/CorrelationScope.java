package dev.narration;

import dev.narration.internal.correlation.CorrelationIds;
import dev.narration.internal.correlation.ScopeEnds;
import dev.narration.internal.correlation.ScopeStack;
import org.apache.logging.log4j.ThreadContext;

/**
 * The correlation id of a unit of work on the current thread, from {@link Correlation#open}
 * until {@link #close()}. While it is open the id is in the {@link ThreadContext} under
 * {@value NarrationFields#CORRELATION_ID}, so every layout, filter and lookup sees it.
 *
 * <p>Scopes nest: closing the inner one restores the outer id, and closing the last one restores whatever the
 * thread had before. Closing out of order, twice, or from another thread is harmless: a scope only leaves the
 * thread's stack, and the id shown is always that of the innermost scope still open. {@link #close()} never
 * throws.
 *
 * <p>When the last scope with its id closes on the thread that opened it, the request has ended there: a
 * {@code RequestBuffer}, if one is configured, drops what it held for the request (docs/buffering.md).
 */
public final class CorrelationScope implements AutoCloseable {
    private final String id;

    private CorrelationScope(final String id) {
        this.id = id;
    }

    /** Opens a scope with the given id when it is valid, otherwise with a freshly generated one. */
    public static CorrelationScope open(final String incomingId) {
        final CorrelationScope scope =
                new CorrelationScope(CorrelationIds.isValid(incomingId) ? incomingId : CorrelationIds.generate());
        ScopeStack.push(scope, scope.id);
        return scope;
    }

    /** The id this scope put on the thread. */
    public String id() {
        return id;
    }

    @Override
    public void close() {
        if (ScopeStack.pop(this)) {
            ScopeEnds.ended(id);
        }
    }

    @Override
    public String toString() {
        return "CorrelationScope{" + id + '}';
    }
}
