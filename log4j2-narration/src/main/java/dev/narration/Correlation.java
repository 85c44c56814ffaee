package dev.narration;

import dev.narration.internal.correlation.ContextSnapshot;
import dev.narration.internal.correlation.CorrelationIds;
import dev.narration.internal.correlation.TraceParent;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Correlation ids that follow a request through threads and services (docs/standard.md#correlation, docs/correlation.md).
 *
 * <pre>{@code
 * try (var scope = Correlation.openFromHeaders(request::getHeader)) {
 *     response.setHeader(Correlation.CORRELATION_ID_HEADER, scope.id());
 *     log.info(Narration.action("accept").target(jobId).human("Accepted request"));  // carries scope.id()
 *     CompletableFuture.supplyAsync(this::dispatch, Correlation.wrap(pool));         // so do lines logged there
 * }
 * }</pre>
 *
 * <p>The id lives in the {@code ThreadContext} under {@value NarrationFields#CORRELATION_ID}, so every layout sees
 * it, not only {@code NarrationJsonLayout}. A valid id is 1 to 64 characters of {@code [A-Za-z0-9._:-]}; anything
 * else that arrives (CR/LF, quotes, 10 KB, non-ASCII) is replaced by a fresh id, so a client cannot forge log
 * lines or bloat them through the header. Nothing here throws into the application: a header getter or setter
 * that fails is reported through the status logger and treated as absent.
 */
public final class Correlation {
    /** The header carrying an explicit correlation id, read first and written to outgoing requests. */
    public static final String CORRELATION_ID_HEADER = "X-Correlation-ID";
    /** The common alternative, read when {@value #CORRELATION_ID_HEADER} has no valid id. */
    public static final String REQUEST_ID_HEADER = "X-Request-ID";
    /** The W3C Trace Context header; its trace id serves as correlation id when no explicit id arrived. */
    public static final String TRACEPARENT_HEADER = TraceParent.HEADER;

    private Correlation() {}

    /**
     * Opens a scope with the given id on the current thread, or with a fresh id when the given one is
     * {@code null} or invalid. Close it (try-with-resources) to restore the id the thread had before.
     */
    public static CorrelationScope open(final String incomingId) {
        return CorrelationScope.open(incomingId);
    }

    /** Opens a scope with the id found in incoming headers ({@link #incomingId}), or a fresh one. */
    public static CorrelationScope openFromHeaders(final Function<String, String> headers) {
        return CorrelationScope.open(incomingId(headers));
    }

    /**
     * The correlation id of an incoming request, read through a header getter such as
     * {@code request::getHeader}: the first valid one of {@value #CORRELATION_ID_HEADER},
     * {@value #REQUEST_ID_HEADER} and the trace id of a valid {@code traceparent}; {@code null} when none is.
     * The getter should match names without regard to case, as HTTP does (servlet requests do).
     */
    public static String incomingId(final Function<String, String> headers) {
        if (headers == null) {
            return null;
        }
        final String explicit = header(headers, CORRELATION_ID_HEADER);
        if (CorrelationIds.isValid(explicit)) {
            return explicit;
        }
        final String requestId = header(headers, REQUEST_ID_HEADER);
        if (CorrelationIds.isValid(requestId)) {
            return requestId;
        }
        final TraceParent traceParent = TraceParent.parse(header(headers, TRACEPARENT_HEADER));
        return traceParent == null ? null : traceParent.traceId();
    }

    /**
     * Writes the current id into an outgoing request as {@value #CORRELATION_ID_HEADER} through a header setter
     * such as {@code builder::header}; does nothing when the thread has no id. {@code traceparent} is left to
     * OpenTelemetry's propagators, which own the span ids.
     */
    public static void writeHeaders(final BiConsumer<String, String> headers) {
        final String id = currentId();
        if (id == null || headers == null) {
            return;
        }
        try {
            headers.accept(CORRELATION_ID_HEADER, id);
        } catch (RuntimeException e) {
            StatusLogger.getLogger().error("Correlation: the header setter failed for {}", CORRELATION_ID_HEADER, e);
        }
    }

    /** The current thread's correlation id, or {@code null}. */
    public static String currentId() {
        return ThreadContext.get(NarrationFields.CORRELATION_ID);
    }

    /** A fresh id: a 26-character ULID (time-ordered, 80 random bits, URL- and header-safe). */
    public static String newId() {
        return CorrelationIds.generate();
    }

    /** Whether the text is a valid correlation id: 1 to 64 characters of {@code [A-Za-z0-9._:-]}. */
    public static boolean isValid(final CharSequence id) {
        return CorrelationIds.isValid(id);
    }

    /** A task that runs with the current thread's logging context, wherever it runs. */
    public static Runnable wrap(final Runnable task) {
        return ContextSnapshot.capture().wrap(task);
    }

    /** A task that runs with the current thread's logging context, wherever it runs. */
    public static <T> Callable<T> wrap(final Callable<T> task) {
        return ContextSnapshot.capture().wrap(task);
    }

    /** A supplier that runs with the current thread's logging context, wherever it runs. */
    public static <T> Supplier<T> wrapSupplier(final Supplier<T> supplier) {
        return ContextSnapshot.capture().wrapSupplier(supplier);
    }

    /**
     * An executor that runs every task with the logging context of the thread that submits it (captured at
     * submission) and gives the worker thread its own context back afterwards.
     */
    public static Executor wrap(final Executor executor) {
        return ContextSnapshot.propagating(executor);
    }

    /** As {@link #wrap(Executor)}, keeping the {@link ExecutorService} methods. */
    public static ExecutorService wrap(final ExecutorService executor) {
        return ContextSnapshot.propagating(executor);
    }

    private static String header(final Function<String, String> headers, final String name) {
        try {
            return headers.apply(name);
        } catch (RuntimeException e) {
            StatusLogger.getLogger().error("Correlation: the header getter failed for {}", name, e);
            return null;
        }
    }
}
