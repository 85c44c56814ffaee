package dev.narration.buffer;

import org.apache.logging.log4j.core.LogEvent;

/**
 * The held events of one request, oldest first, in a ring that grows up to {@code maxEvents} and shrinks again
 * when most of it has been dropped, so that its arrays stay proportional to what it holds. Also a link of the
 * least-recently-used list of {@link HeldRequests}. Not thread-safe: the buffer's lock guards it, or, once taken
 * out for a flush, the one thread that flushes it.
 */
final class HeldEvents {
    private static final int MIN_CAPACITY = 8;

    final String id;
    HeldEvents older;
    HeldEvents newer;

    private LogEvent[] events;
    private long[] heldAt;
    private int[] bytes;
    private int head;
    private int size;
    private long totalBytes;

    HeldEvents(final String id) {
        this.id = id;
        allocate(MIN_CAPACITY);
    }

    int size() {
        return size;
    }

    long bytes() {
        return totalBytes;
    }

    /** When the newest event was held (nanoTime); meaningless when empty. */
    long newestHeldAt() {
        return heldAt[slot(size - 1)];
    }

    /** The i-th event, oldest first. */
    LogEvent event(final int i) {
        return events[slot(i)];
    }

    long heldAt(final int i) {
        return heldAt[slot(i)];
    }

    /** Appends an event; the caller keeps {@code size() < maxEvents}. */
    void add(final LogEvent event, final int eventBytes, final long now, final int maxEvents) {
        if (size == events.length) {
            resize(Math.min(maxEvents, events.length * 2));
        }
        final int slot = slot(size);
        events[slot] = event;
        heldAt[slot] = now;
        bytes[slot] = eventBytes;
        size++;
        totalBytes += eventBytes;
    }

    /** Drops the oldest event; returns its estimated bytes. */
    int dropOldest() {
        final int dropped = bytes[head];
        events[head] = null;
        head = slot(1);
        size--;
        totalBytes -= dropped;
        shrinkIfSparse();
        return dropped;
    }

    /** Drops the events held at or before {@code cutoff} (nanoTime); returns how many. */
    int dropHeldUntil(final long cutoff) {
        int dropped = 0;
        while (size > 0 && heldAt[head] - cutoff <= 0) {
            final int eventBytes = bytes[head];
            events[head] = null;
            head = slot(1);
            size--;
            totalBytes -= eventBytes;
            dropped++;
        }
        if (dropped > 0) {
            shrinkIfSparse();
        }
        return dropped;
    }

    private int slot(final int i) {
        final int slot = head + i;
        return slot < events.length ? slot : slot - events.length;
    }

    private void shrinkIfSparse() {
        if (events.length > MIN_CAPACITY && size < events.length / 4) {
            resize(Math.max(MIN_CAPACITY, size * 2));
        }
    }

    private void resize(final int capacity) {
        final LogEvent[] oldEvents = events;
        final long[] oldHeldAt = heldAt;
        final int[] oldBytes = bytes;
        final int oldHead = head;
        allocate(capacity);
        for (int i = 0; i < size; i++) {
            final int from = (oldHead + i) % oldEvents.length;
            events[i] = oldEvents[from];
            heldAt[i] = oldHeldAt[from];
            bytes[i] = oldBytes[from];
        }
        head = 0;
    }

    private void allocate(final int capacity) {
        events = new LogEvent[capacity];
        heldAt = new long[capacity];
        bytes = new int[capacity];
    }

    @Override
    public String toString() {
        return "HeldEvents{" + size + " events, " + totalBytes + " bytes, capacity " + events.length + '}';
    }
}
