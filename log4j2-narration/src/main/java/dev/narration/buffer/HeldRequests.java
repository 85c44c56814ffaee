package dev.narration.buffer;

import java.util.HashMap;
import java.util.Map;
import org.apache.logging.log4j.core.LogEvent;

/**
 * The requests that hold events, by correlation id and from least to most recently used, with the totals that the
 * caps bound. Every operation costs O(1), plus O(events dropped) when a cap or {@code maxAge} drops events (each
 * event is dropped once) and at most O(events of one request) when its ring is resized: the buffer calls it under
 * its lock. Drops and flushes are counted here, where they happen, so the counters balance at every moment.
 */
final class HeldRequests {
    private final BufferLimits limits;
    private final BufferCounters counters;
    private final Map<String, HeldEvents> byId = new HashMap<>();
    private HeldEvents eldest;
    private HeldEvents newest;
    private long events;
    private long bytes;

    HeldRequests(final BufferLimits limits, final BufferCounters counters) {
        this.limits = limits;
        this.counters = counters;
    }

    int requests() {
        return byId.size();
    }

    long events() {
        return events;
    }

    long bytes() {
        return bytes;
    }

    /**
     * Holds a copied event for its request. Returns the {@link DropCause#bit()}s of the limits that dropped events
     * to make room, for the status logger.
     */
    int hold(final String id, final LogEvent copy, final int eventBytes, final long now) {
        counters.onHeld();
        if (eventBytes > limits.maxTotalBytes) {
            counters.onDropped(DropCause.MAX_TOTAL, 1);
            return DropCause.MAX_TOTAL.bit();
        }
        final long cutoff = now - limits.maxAgeNanos;
        dropIdleUntil(cutoff);
        int causes = 0;
        HeldEvents request = byId.get(id);
        if (request == null) {
            if (byId.size() >= limits.maxRequests) {
                counters.onDropped(DropCause.MAX_REQUESTS, remove(eldest).size());
                causes |= DropCause.MAX_REQUESTS.bit();
            }
            request = new HeldEvents(id);
            byId.put(id, request);
            link(request);
        } else {
            unlink(request);
            link(request);
            dropHeldUntil(request, cutoff);
        }
        if (request.size() >= limits.maxEvents) {
            bytes -= request.dropOldest();
            events--;
            counters.onDropped(DropCause.MAX_EVENTS, 1);
            causes |= DropCause.MAX_EVENTS.bit();
        }
        request.add(copy, eventBytes, now, limits.maxEvents);
        events++;
        bytes += eventBytes;
        if (events > limits.maxTotalEvents || bytes > limits.maxTotalBytes) {
            dropForTotal();
            causes |= DropCause.MAX_TOTAL.bit();
        }
        return causes;
    }

    /**
     * Takes a request's held events out to be written, less those older than {@code maxAge}, and counts them as
     * flushed; {@code null} if it holds none.
     */
    HeldEvents takeToFlush(final String id, final long now) {
        final HeldEvents request = byId.get(id);
        if (request == null) {
            return null;
        }
        remove(request);
        counters.onDropped(DropCause.MAX_AGE, request.dropHeldUntil(now - limits.maxAgeNanos));
        counters.onFlush(request.size());
        return request;
    }

    /** Drops a request's held events at its end. */
    void end(final String id) {
        final HeldEvents request = byId.get(id);
        if (request != null) {
            counters.onDropped(DropCause.REQUEST_END, remove(request).size());
        }
    }

    /** Drops whole requests whose newest event is older than {@code maxAge}, oldest first. */
    void dropIdleUntil(final long cutoff) {
        while (eldest != null && eldest.newestHeldAt() - cutoff <= 0) {
            counters.onDropped(DropCause.MAX_AGE, remove(eldest).size());
        }
    }

    /** Drops everything; returns how many events. */
    long clear() {
        final long dropped = events;
        byId.clear();
        eldest = null;
        newest = null;
        events = 0;
        bytes = 0;
        return dropped;
    }

    private void dropHeldUntil(final HeldEvents request, final long cutoff) {
        final long bytesBefore = request.bytes();
        final int dropped = request.dropHeldUntil(cutoff);
        if (dropped > 0) {
            events -= dropped;
            bytes -= bytesBefore - request.bytes();
            counters.onDropped(DropCause.MAX_AGE, dropped);
        }
    }

    /**
     * The oldest events of the least recently used request go first: it is the one most likely to have ended
     * without saying so. The event just held is the newest of all, and fits alone, so it stays.
     */
    private void dropForTotal() {
        long dropped = 0;
        while (events > limits.maxTotalEvents || bytes > limits.maxTotalBytes) {
            final HeldEvents victim = eldest;
            bytes -= victim.dropOldest();
            events--;
            dropped++;
            if (victim.size() == 0) {
                remove(victim);
            }
        }
        counters.onDropped(DropCause.MAX_TOTAL, dropped);
    }

    private HeldEvents remove(final HeldEvents request) {
        byId.remove(request.id);
        unlink(request);
        events -= request.size();
        bytes -= request.bytes();
        return request;
    }

    private void link(final HeldEvents request) {
        request.older = newest;
        request.newer = null;
        if (newest == null) {
            eldest = request;
        } else {
            newest.newer = request;
        }
        newest = request;
    }

    private void unlink(final HeldEvents request) {
        if (request.older == null) {
            eldest = request.newer;
        } else {
            request.older.newer = request.newer;
        }
        if (request.newer == null) {
            newest = request.older;
        } else {
            request.newer.older = request.older;
        }
        request.older = null;
        request.newer = null;
    }
}
