package dev.narration.editorial;

import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/** Collects what Log4j's status logger says at WARN and above while open. */
final class StatusCapture implements AutoCloseable {
    private final List<String> messages = new ArrayList<>();
    private final StatusListener listener = new StatusListener() {
        @Override
        public void log(final StatusData data) {
            add(data.getLevel() + " " + data.getMessage().getFormattedMessage());
        }

        @Override
        public Level getStatusLevel() {
            return Level.WARN;
        }

        @Override
        public void close() {}
    };

    private StatusCapture() {}

    static StatusCapture start() {
        final StatusCapture capture = new StatusCapture();
        StatusLogger.getLogger().registerListener(capture.listener);
        return capture;
    }

    private synchronized void add(final String message) {
        messages.add(message);
    }

    synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    /** The messages that contain a text. */
    synchronized List<String> messages(final String containing) {
        final List<String> matching = new ArrayList<>();
        for (final String message : messages) {
            if (message.contains(containing)) {
                matching.add(message);
            }
        }
        return matching;
    }

    @Override
    public void close() {
        StatusLogger.getLogger().removeListener(listener);
    }
}
