package dev.narration.editorial;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.filter.AbstractFilter;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ReusableParameterizedMessage;
import org.apache.logging.log4j.util.StringBuilderFormattable;

/**
 * The logger-level calls of Log4j's {@code Filter}, which a configuration-wide filter receives on the calling thread
 * before an event exists: each overload turns its arguments into the call's sentence, in a per-thread buffer and
 * without formatting anything below the logger's level, and hands it to {@link #checkCall}. Only the overloads
 * Log4j requires live here; what is checked is {@link EditorialFilter}'s.
 */
abstract class LoggerCallFilter extends AbstractFilter {
    LoggerCallFilter(final Result onMatch, final Result onMismatch) {
        super(onMatch, onMismatch);
    }

    /** Checks a logging call before its event exists; {@code message} is {@code null} for a plain text. */
    abstract Result checkCall(Logger logger, Level level, Message message, CharSequence human, Throwable thrown);

    /** What a failure of the check itself gives, after reporting it. */
    abstract Result failed(String loggerName, RuntimeException e);

    @Override
    public Result filter(final Logger logger, final Level level, final Marker marker, final Message msg, final Throwable t) {
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        final HumanScratch scratch = HumanScratch.acquire();
        try {
            EditorialStandard.sentenceOf(msg, scratch.text);
            return checkCall(logger, level, msg, scratch.text, t);
        } catch (RuntimeException e) {
            return failed(logger.getName(), e);
        } finally {
            scratch.release();
        }
    }

    @Override
    public Result filter(final Logger logger, final Level level, final Marker marker, final Object msg, final Throwable t) {
        if (msg instanceof Message) {
            return filter(logger, level, marker, (Message) msg, t);
        }
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        if (msg instanceof CharSequence) {
            try {
                return checkCall(logger, level, null, (CharSequence) msg, t);
            } catch (RuntimeException e) {
                return failed(logger.getName(), e);
            }
        }
        final HumanScratch scratch = HumanScratch.acquire();
        try {
            if (msg instanceof StringBuilderFormattable) {
                ((StringBuilderFormattable) msg).formatTo(scratch.text);
            } else {
                scratch.text.append(msg);
            }
            return checkCall(logger, level, null, scratch.text, t);
        } catch (RuntimeException e) {
            return failed(logger.getName(), e);
        } finally {
            scratch.release();
        }
    }

    @Override
    public Result filter(final Logger logger, final Level level, final Marker marker, final String msg) {
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        try {
            return checkCall(logger, level, null, msg, null);
        } catch (RuntimeException e) {
            return failed(logger.getName(), e);
        }
    }

    @Override
    public Result filter(final Logger logger, final Level level, final Marker marker, final String msg, final Object... params) {
        if (params == null || params.length == 0) {
            return filter(logger, level, marker, msg);
        }
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        final HumanScratch scratch = HumanScratch.acquire();
        return checkParameterized(logger, level, scratch, scratch.parameterized().set(msg, params));
    }

    @Override
    public Result filter(final Logger logger, final Level level, final Marker marker, final String msg, final Object p0) {
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        final HumanScratch scratch = HumanScratch.acquire();
        return checkParameterized(logger, level, scratch, scratch.parameterized().set(msg, p0));
    }

    @Override
    public Result filter(
            final Logger logger, final Level level, final Marker marker, final String msg, final Object p0, final Object p1) {
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        final HumanScratch scratch = HumanScratch.acquire();
        return checkParameterized(logger, level, scratch, scratch.parameterized().set(msg, p0, p1));
    }

    @Override
    public Result filter(
            final Logger logger,
            final Level level,
            final Marker marker,
            final String msg,
            final Object p0,
            final Object p1,
            final Object p2) {
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        final HumanScratch scratch = HumanScratch.acquire();
        return checkParameterized(logger, level, scratch, scratch.parameterized().set(msg, p0, p1, p2));
    }

    @Override
    public Result filter(
            final Logger logger,
            final Level level,
            final Marker marker,
            final String msg,
            final Object p0,
            final Object p1,
            final Object p2,
            final Object p3) {
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        final HumanScratch scratch = HumanScratch.acquire();
        return checkParameterized(logger, level, scratch, scratch.parameterized().set(msg, p0, p1, p2, p3));
    }

    @Override
    public Result filter(
            final Logger logger,
            final Level level,
            final Marker marker,
            final String msg,
            final Object p0,
            final Object p1,
            final Object p2,
            final Object p3,
            final Object p4) {
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        final HumanScratch scratch = HumanScratch.acquire();
        return checkParameterized(logger, level, scratch, scratch.parameterized().set(msg, p0, p1, p2, p3, p4));
    }

    @Override
    public Result filter(
            final Logger logger,
            final Level level,
            final Marker marker,
            final String msg,
            final Object p0,
            final Object p1,
            final Object p2,
            final Object p3,
            final Object p4,
            final Object p5) {
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        final HumanScratch scratch = HumanScratch.acquire();
        return checkParameterized(logger, level, scratch, scratch.parameterized().set(msg, p0, p1, p2, p3, p4, p5));
    }

    @Override
    public Result filter(
            final Logger logger,
            final Level level,
            final Marker marker,
            final String msg,
            final Object p0,
            final Object p1,
            final Object p2,
            final Object p3,
            final Object p4,
            final Object p5,
            final Object p6) {
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        final HumanScratch scratch = HumanScratch.acquire();
        return checkParameterized(logger, level, scratch, scratch.parameterized().set(msg, p0, p1, p2, p3, p4, p5, p6));
    }

    @Override
    public Result filter(
            final Logger logger,
            final Level level,
            final Marker marker,
            final String msg,
            final Object p0,
            final Object p1,
            final Object p2,
            final Object p3,
            final Object p4,
            final Object p5,
            final Object p6,
            final Object p7) {
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        final HumanScratch scratch = HumanScratch.acquire();
        return checkParameterized(logger, level, scratch, scratch.parameterized().set(msg, p0, p1, p2, p3, p4, p5, p6, p7));
    }

    @Override
    public Result filter(
            final Logger logger,
            final Level level,
            final Marker marker,
            final String msg,
            final Object p0,
            final Object p1,
            final Object p2,
            final Object p3,
            final Object p4,
            final Object p5,
            final Object p6,
            final Object p7,
            final Object p8) {
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        final HumanScratch scratch = HumanScratch.acquire();
        return checkParameterized(logger, level, scratch, scratch.parameterized().set(msg, p0, p1, p2, p3, p4, p5, p6, p7, p8));
    }

    @Override
    public Result filter(
            final Logger logger,
            final Level level,
            final Marker marker,
            final String msg,
            final Object p0,
            final Object p1,
            final Object p2,
            final Object p3,
            final Object p4,
            final Object p5,
            final Object p6,
            final Object p7,
            final Object p8,
            final Object p9) {
        if (skip(logger, level, msg)) {
            return Result.NEUTRAL;
        }
        final HumanScratch scratch = HumanScratch.acquire();
        return checkParameterized(logger, level, scratch, scratch.parameterized().set(msg, p0, p1, p2, p3, p4, p5, p6, p7, p8, p9));
    }

    /**
     * Logger-level calls come for every call, also below the logger's level and for {@code isDebugEnabled()}-style
     * probes (a {@code null} message): those are left to the level check, so they are neither formatted nor counted.
     */
    private static boolean skip(final Logger logger, final Level level, final Object message) {
        if (message == null || level == null || logger == null) {
            return true;
        }
        final Level threshold = logger.getLevel();
        return threshold != null && !level.isMoreSpecificThan(threshold);
    }

    /**
     * Checks a pattern and its arguments, set on the scratch's reusable message by the caller (setting only stores
     * references and finds the placeholders; it does not format or call into the arguments), and releases the
     * scratch.
     */
    private Result checkParameterized(
            final Logger logger, final Level level, final HumanScratch scratch, final ReusableParameterizedMessage message) {
        try {
            message.formatTo(scratch.text);
            return checkCall(logger, level, message, scratch.text, null);
        } catch (RuntimeException e) {
            return failed(logger.getName(), e);
        } finally {
            scratch.release();
        }
    }
}
