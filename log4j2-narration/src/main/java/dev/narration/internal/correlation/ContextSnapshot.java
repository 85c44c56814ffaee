package dev.narration.internal.correlation;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * The logging context of one thread at one moment: the whole {@link ThreadContext} map (the correlation id and
 * any other request-scoped keys) and, when the OpenTelemetry API is present, the current OpenTelemetry context.
 * A task wrapped with a snapshot runs with exactly that context on whichever thread executes it, and the thread's
 * own context is put back afterwards, so pooled threads never leak one request's id into the next. The
 * {@code ThreadContext} stack is the worker's own and is not carried.
 *
 * <p>Use {@link dev.narration.Correlation#wrap}; this class is its implementation.
 */
public final class ContextSnapshot {
    private final Map<String, String> context;
    private final Object openTelemetryContext;

    private ContextSnapshot(final Map<String, String> context, final Object openTelemetryContext) {
        this.context = context;
        this.openTelemetryContext = openTelemetryContext;
    }

    /** The current thread's context. */
    public static ContextSnapshot capture() {
        return new ContextSnapshot(
                ThreadContext.getImmutableContext(),
                OpenTelemetryPresence.API ? OpenTelemetrySpans.currentContext() : null);
    }

    /** An executor that runs each task with the context of the thread that submits it. */
    public static Executor propagating(final Executor executor) {
        return executor instanceof PropagatingExecutor || executor instanceof PropagatingExecutorService
                ? executor
                : new PropagatingExecutor(executor);
    }

    /** An executor service that runs each task with the context of the thread that submits it. */
    public static ExecutorService propagating(final ExecutorService executor) {
        return executor instanceof PropagatingExecutorService ? executor : new PropagatingExecutorService(executor);
    }

    public Runnable wrap(final Runnable task) {
        return () -> {
            final Attachment attachment = attach();
            try {
                task.run();
            } finally {
                attachment.restore();
            }
        };
    }

    public <T> Callable<T> wrap(final Callable<T> task) {
        return () -> {
            final Attachment attachment = attach();
            try {
                return task.call();
            } finally {
                attachment.restore();
            }
        };
    }

    public <T> Supplier<T> wrapSupplier(final Supplier<T> task) {
        return () -> {
            final Attachment attachment = attach();
            try {
                return task.get();
            } finally {
                attachment.restore();
            }
        };
    }

    /** Installs this snapshot on the current thread and remembers what the thread had. */
    private Attachment attach() {
        final Attachment attachment = new Attachment(ThreadContext.getImmutableContext(), ScopeStack.detach());
        try {
            replaceContext(context);
            if (openTelemetryContext != null) {
                attachment.openTelemetryScope = OpenTelemetrySpans.attach(openTelemetryContext);
            }
        } catch (RuntimeException | LinkageError e) {
            // The task runs anyway: a missing id is better than a task that never runs.
            StatusLogger.getLogger().error("Correlation: could not carry the logging context to thread {}",
                    Thread.currentThread().getName(), e);
        }
        return attachment;
    }

    private static void replaceContext(final Map<String, String> map) {
        ThreadContext.clearMap();
        if (!map.isEmpty()) {
            ThreadContext.putAll(map);
        }
    }

    /** What a thread had before a snapshot was attached to it. */
    private static final class Attachment {
        private final Map<String, String> previousContext;
        private final ScopeStack previousScopes;
        private Object openTelemetryScope;

        Attachment(final Map<String, String> previousContext, final ScopeStack previousScopes) {
            this.previousContext = previousContext;
            this.previousScopes = previousScopes;
        }

        void restore() {
            try {
                if (openTelemetryScope != null) {
                    OpenTelemetrySpans.detach(openTelemetryScope);
                }
                replaceContext(previousContext);
            } catch (RuntimeException | LinkageError e) {
                StatusLogger.getLogger().error("Correlation: could not restore the logging context of thread {}",
                        Thread.currentThread().getName(), e);
            } finally {
                ScopeStack.reattach(previousScopes);
            }
        }
    }
}
