package dev.narration.buffer;

import java.time.Duration;
import org.apache.logging.log4j.Level;

/** The validated settings of one {@link RequestBuffer}. */
final class BufferLimits {
    static final Level DEFAULT_LEVEL = Level.DEBUG;
    static final Level DEFAULT_FLUSH_LEVEL = Level.ERROR;
    static final int DEFAULT_MAX_EVENTS = 1_000;
    static final int DEFAULT_MAX_REQUESTS = 10_000;
    static final int DEFAULT_MAX_TOTAL_EVENTS = 100_000;
    static final long DEFAULT_MAX_TOTAL_BYTES = 64L << 20;
    static final Duration DEFAULT_MAX_AGE = Duration.ofSeconds(60);
    static final long DEFAULT_REPORT_INTERVAL_SECONDS = 60;

    final Level level;
    final Level flushLevel;
    /** Events at this {@code intLevel} or above (less severe) are held. */
    final int holdIntLevel;
    /** Events at this {@code intLevel} or below (more severe) flush. */
    final int flushIntLevel;
    final int maxEvents;
    final int maxRequests;
    final int maxTotalEvents;
    final long maxTotalBytes;
    final Duration maxAge;
    final long maxAgeNanos;
    final long reportIntervalSeconds;

    BufferLimits(
            final Level level,
            final Level flushLevel,
            final int maxEvents,
            final int maxRequests,
            final int maxTotalEvents,
            final long maxTotalBytes,
            final Duration maxAge,
            final long reportIntervalSeconds) {
        this.level = level;
        this.flushLevel = flushLevel;
        this.holdIntLevel = level.intLevel();
        this.flushIntLevel = flushLevel.intLevel();
        this.maxEvents = maxEvents;
        this.maxRequests = maxRequests;
        this.maxTotalEvents = maxTotalEvents;
        this.maxTotalBytes = maxTotalBytes;
        this.maxAge = maxAge;
        this.maxAgeNanos = maxAge.toNanos();
        this.reportIntervalSeconds = reportIntervalSeconds;
    }

    @Override
    public String toString() {
        return "level=" + level + ", flushLevel=" + flushLevel + ", maxEvents=" + maxEvents + ", maxRequests="
                + maxRequests + ", maxTotalEvents=" + maxTotalEvents + ", maxTotalBytes=" + AttributeSyntax.formatSize(maxTotalBytes)
                + ", maxAge=" + AttributeSyntax.formatDuration(maxAge);
    }
}
