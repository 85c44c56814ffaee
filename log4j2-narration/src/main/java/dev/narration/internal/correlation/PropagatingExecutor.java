package dev.narration.internal.correlation;

import java.util.concurrent.Executor;

/** An {@link Executor} whose tasks run with the context of the thread that submitted them. */
final class PropagatingExecutor implements Executor {
    private final Executor delegate;

    PropagatingExecutor(final Executor delegate) {
        this.delegate = delegate;
    }

    @Override
    public void execute(final Runnable task) {
        delegate.execute(ContextSnapshot.capture().wrap(task));
    }

    @Override
    public String toString() {
        return "Correlation-propagating " + delegate;
    }
}
