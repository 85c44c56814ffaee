package dev.narration.buffer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What a {@link RequestBuffer} did since it started. Every event it took to hold is, at any moment, either still
 * held, written by a flush, or dropped for one cause: {@code held == flushed + dropped + held now}.
 */
final class BufferCounters {
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong flushed = new AtomicLong();
    private final AtomicLong flushes = new AtomicLong();
    private final AtomicLongArray dropped = new AtomicLongArray(DropCause.count());

    void onHeld() {
        held.incrementAndGet();
    }

    /** A flush that wrote this many held events; one that wrote none does not count as a flush. */
    void onFlush(final long events) {
        if (events != 0) {
            flushes.incrementAndGet();
            flushed.addAndGet(events);
        }
    }

    void onDropped(final DropCause cause, final long events) {
        if (events != 0) {
            dropped.addAndGet(cause.ordinal(), events);
        }
    }

    long held() {
        return held.get();
    }

    long flushed() {
        return flushed.get();
    }

    long flushes() {
        return flushes.get();
    }

    long dropped(final DropCause cause) {
        return dropped.get(cause.ordinal());
    }

    long totalDropped() {
        long sum = 0;
        for (int i = 0; i < dropped.length(); i++) {
            sum += dropped.get(i);
        }
        return sum;
    }

    /** Every cause under its id, zeros included, so the keys are stable. */
    Map<String, Long> droppedByCause() {
        final Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < DropCause.count(); i++) {
            map.put(DropCause.of(i).id(), dropped.get(i));
        }
        return map;
    }

    @Override
    public String toString() {
        return "held " + held() + ", flushed " + flushed() + " in " + flushes() + " flushes, dropped "
                + droppedByCause();
    }
}
