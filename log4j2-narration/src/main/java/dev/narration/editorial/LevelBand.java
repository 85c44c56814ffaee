package dev.narration.editorial;

import org.apache.logging.log4j.Level;

/**
 * Maps any level, custom ones included, to the standard level whose rules apply: the least severe standard level
 * that is at least as severe (a custom level between WARN and INFO follows INFO's rules). Indexes run from TRACE
 * to FATAL so that counters and limits can live in small arrays.
 */
final class LevelBand {
    static final int TRACE = 0;
    static final int DEBUG = 1;
    static final int INFO = 2;
    static final int WARN = 3;
    static final int ERROR = 4;
    static final int FATAL = 5;
    static final Level[] LEVELS = {Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR, Level.FATAL};

    private LevelBand() {}

    static int of(final Level level) {
        final int intLevel = level.intLevel();
        if (intLevel <= Level.FATAL.intLevel()) {
            return FATAL;
        }
        if (intLevel <= Level.ERROR.intLevel()) {
            return ERROR;
        }
        if (intLevel <= Level.WARN.intLevel()) {
            return WARN;
        }
        if (intLevel <= Level.INFO.intLevel()) {
            return INFO;
        }
        return intLevel <= Level.DEBUG.intLevel() ? DEBUG : TRACE;
    }
}
