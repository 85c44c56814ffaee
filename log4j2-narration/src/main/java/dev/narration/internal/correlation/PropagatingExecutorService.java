package dev.narration.internal.correlation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An {@link ExecutorService} whose tasks run with the context of the thread that submitted them; the lifecycle
 * methods are the delegate's.
 */
final class PropagatingExecutorService implements ExecutorService {
    private final ExecutorService delegate;

    PropagatingExecutorService(final ExecutorService delegate) {
        this.delegate = delegate;
    }

    @Override
    public void execute(final Runnable task) {
        delegate.execute(ContextSnapshot.capture().wrap(task));
    }

    @Override
    public Future<?> submit(final Runnable task) {
        return delegate.submit(ContextSnapshot.capture().wrap(task));
    }

    @Override
    public <T> Future<T> submit(final Runnable task, final T result) {
        return delegate.submit(ContextSnapshot.capture().wrap(task), result);
    }

    @Override
    public <T> Future<T> submit(final Callable<T> task) {
        return delegate.submit(ContextSnapshot.capture().wrap(task));
    }

    @Override
    public <T> List<Future<T>> invokeAll(final Collection<? extends Callable<T>> tasks) throws InterruptedException {
        return delegate.invokeAll(wrapAll(tasks));
    }

    @Override
    public <T> List<Future<T>> invokeAll(
            final Collection<? extends Callable<T>> tasks, final long timeout, final TimeUnit unit)
            throws InterruptedException {
        return delegate.invokeAll(wrapAll(tasks), timeout, unit);
    }

    @Override
    public <T> T invokeAny(final Collection<? extends Callable<T>> tasks)
            throws InterruptedException, ExecutionException {
        return delegate.invokeAny(wrapAll(tasks));
    }

    @Override
    public <T> T invokeAny(final Collection<? extends Callable<T>> tasks, final long timeout, final TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        return delegate.invokeAny(wrapAll(tasks), timeout, unit);
    }

    private static <T> List<Callable<T>> wrapAll(final Collection<? extends Callable<T>> tasks) {
        final ContextSnapshot snapshot = ContextSnapshot.capture();
        final List<Callable<T>> wrapped = new ArrayList<>(tasks.size());
        for (final Callable<T> task : tasks) {
            wrapped.add(snapshot.wrap(task));
        }
        return wrapped;
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return delegate.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return delegate.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return delegate.isTerminated();
    }

    @Override
    public boolean awaitTermination(final long timeout, final TimeUnit unit) throws InterruptedException {
        return delegate.awaitTermination(timeout, unit);
    }

    @Override
    public String toString() {
        return "Correlation-propagating " + delegate;
    }
}
