package dev.narration.editorial;

import dev.narration.internal.logfmt.LogfmtWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Tells a developer, through Log4j's status logger, where a violation comes from, without flooding the status
 * output: the first violation of each rule by each logger is reported (so every offending call site shows up
 * once); after any report of a rule, the next repeat of that rule is reported no sooner than the interval,
 * with the number left unreported since.
 */
final class ViolationReporter {
    /** Loggers remembered per rule; past this, a runaway set of logger names is only rate-limited. */
    static final int MAX_REMEMBERED_LOGGERS = 1_000;

    private final String filterName;
    private final EditorialStandard standard;
    private final long intervalNanos;
    private final Map<String, Boolean>[] reportedLoggers;
    private final AtomicLongArray nextReportNanos;
    private final AtomicLongArray unreported;

    @SuppressWarnings("unchecked")
    ViolationReporter(final String filterName, final EditorialStandard standard, final long intervalSeconds) {
        this.filterName = filterName;
        this.standard = standard;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(intervalSeconds);
        this.reportedLoggers = new Map[EditorialRule.count()];
        this.nextReportNanos = new AtomicLongArray(EditorialRule.count());
        this.unreported = new AtomicLongArray(EditorialRule.count());
        final long now = System.nanoTime();
        for (int rule = 0; rule < EditorialRule.count(); rule++) {
            reportedLoggers[rule] = new ConcurrentHashMap<>();
            nextReportNanos.set(rule, now);
        }
    }

    void report(final String loggerName, final Level level, final int band, final int mask, final CharSequence human) {
        for (int rule = 0; rule < EditorialRule.count(); rule++) {
            if ((mask & (1 << rule)) != 0 && shouldReport(rule, loggerName)) {
                warn(EditorialRule.of(rule), loggerName, level, band, human, unreported.getAndSet(rule, 0));
            }
        }
    }

    private boolean shouldReport(final int rule, final String loggerName) {
        final long now = System.nanoTime();
        final Map<String, Boolean> loggers = reportedLoggers[rule];
        if (!loggers.containsKey(loggerName) && loggers.size() < MAX_REMEMBERED_LOGGERS
                && loggers.putIfAbsent(loggerName, Boolean.TRUE) == null) {
            nextReportNanos.set(rule, now + intervalNanos);
            return true;
        }
        final long next = nextReportNanos.get(rule);
        if (now - next >= 0 && nextReportNanos.compareAndSet(rule, next, now + intervalNanos)) {
            return true;
        }
        unreported.incrementAndGet(rule);
        return false;
    }

    private void warn(
            final EditorialRule rule,
            final String loggerName,
            final Level level,
            final int band,
            final CharSequence human,
            final long unreportedBefore) {
        final StringBuilder text = new StringBuilder(160)
                .append(EditorialFilter.PLUGIN_NAME).append(" \"").append(filterName).append("\": an event breaks rule ")
                .append(rule.id()).append(" (").append(standard.detail(rule, band, human)).append("): level=");
        int start = text.length();
        LogfmtWriter.endValue(text.append(level), start);
        start = text.append(" logger=").length();
        LogfmtWriter.endValue(text.append(loggerName), start);
        text.append(" human=");
        Excerpt.appendQuoted(text, human, Excerpt.STATUS_CODE_POINTS);
        if (unreportedBefore > 0) {
            text.append(" (").append(unreportedBefore).append(" more violations of rule ").append(rule.id())
                    .append(" since the last report were not reported)");
        }
        StatusLogger.getLogger().warn(text.toString());
    }
}
