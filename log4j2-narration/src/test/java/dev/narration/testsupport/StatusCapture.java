package dev.narration.testsupport;

import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/** Collects what Log4j's status logger reports while it is open: how the bundle tells users about bad config. */
public final class StatusCapture implements AutoCloseable {
    private final List<StatusData> data = new ArrayList<>();
    // A separate listener object: StatusLogger.removeListener closes the listener, which must not recurse here.
    private final StatusListener listener = new StatusListener() {
        @Override
        public void log(final StatusData statusData) {
            synchronized (data) {
                data.add(statusData);
            }
        }

        @Override
        public Level getStatusLevel() {
            return Level.TRACE;
        }

        @Override
        public void close() {}
    };

    private StatusCapture() {}

    public static StatusCapture start() {
        final StatusCapture capture = new StatusCapture();
        StatusLogger.getLogger().registerListener(capture.listener);
        return capture;
    }

    /** The formatted messages at the given level or more severe. */
    public List<String> messages(final Level atLeast) {
        final List<String> messages = new ArrayList<>();
        synchronized (data) {
            for (final StatusData status : data) {
                if (status.getLevel().isMoreSpecificThan(atLeast)) {
                    messages.add(status.getMessage().getFormattedMessage());
                }
            }
        }
        return messages;
    }

    public List<String> errors() {
        return messages(Level.ERROR);
    }

    public List<String> warnings() {
        return messages(Level.WARN);
    }

    @Override
    public void close() {
        StatusLogger.getLogger().removeListener(listener);
    }
}
