package dev.narration.buffer;

import dev.narration.internal.docs.DocPages;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Tells operators, through the status logger, that a limit dropped held events, without flooding the status
 * output: the first drop of each limit is reported, then at most one report per limit per interval, with the
 * number of drops left unreported since. Called outside the buffer's lock.
 */
final class DropReporter {
    private final String bufferName;
    private final BufferLimits limits;
    private final long intervalNanos;
    private final AtomicLongArray nextReportNanos = new AtomicLongArray(DropCause.count());
    private final AtomicLongArray unreported = new AtomicLongArray(DropCause.count());

    DropReporter(final String bufferName, final BufferLimits limits) {
        this.bufferName = bufferName;
        this.limits = limits;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(limits.reportIntervalSeconds);
        final long now = System.nanoTime();
        for (int i = 0; i < DropCause.count(); i++) {
            nextReportNanos.set(i, now);
        }
    }

    /** Reports the limits among the given {@link DropCause#bit()}s that are due. */
    void report(final int causes) {
        for (int i = 0; i < DropCause.count(); i++) {
            final DropCause cause = DropCause.of(i);
            if ((causes & cause.bit()) != 0 && cause.isLimit() && due(i)) {
                warn(cause, unreported.getAndSet(i, 0));
            }
        }
    }

    private boolean due(final int cause) {
        final long now = System.nanoTime();
        final long next = nextReportNanos.get(cause);
        if (now - next >= 0 && nextReportNanos.compareAndSet(cause, next, now + intervalNanos)) {
            return true;
        }
        unreported.incrementAndGet(cause);
        return false;
    }

    private void warn(final DropCause cause, final long unreportedBefore) {
        final StringBuilder text = new StringBuilder(200).append(RequestBuffer.PLUGIN_NAME).append(" \"")
                .append(bufferName).append("\" dropped held events, never to be written: ");
        final String remedy;
        switch (cause) {
            case MAX_EVENTS:
                text.append("a request held maxEvents=").append(limits.maxEvents)
                        .append(" events, so its oldest made room for its newest");
                remedy = "maxEvents";
                break;
            case MAX_REQUESTS:
                text.append("maxRequests=").append(limits.maxRequests)
                        .append(" requests held events, so the least recently used one gave up all of its own");
                remedy = "maxRequests";
                break;
            default:
                text.append("all requests together held maxTotalEvents=").append(limits.maxTotalEvents)
                        .append(" events or maxTotalBytes=").append(AttributeSyntax.formatSize(limits.maxTotalBytes))
                        .append(" (estimated), so the least recently used request gave up its oldest");
                remedy = "maxTotalEvents or maxTotalBytes";
                break;
        }
        if (unreportedBefore > 0) {
            text.append(" (and so ").append(unreportedBefore).append(" more times since the last report)");
        }
        text.append(". Raise ").append(remedy).append(", or log less below flushLevel per request (" + DocPages.BUFFERING + "#limits).");
        StatusLogger.getLogger().warn(text.toString());
    }
}
