package dev.narration.buffer;

import org.apache.logging.log4j.message.AsynchronouslyFormattable;
import org.apache.logging.log4j.message.Message;

/**
 * The message of the event that tells the request buffers a request ended. It travels the path of the request's
 * own events, so it reaches a buffer after them; a buffer recognizes it by its class and never writes it.
 * Immutable, so Log4j need not format it before an asynchronous hand-off.
 */
@AsynchronouslyFormattable
final class RequestEnd implements Message {
    private static final long serialVersionUID = 1L;

    private final String correlationId;

    RequestEnd(final String correlationId) {
        this.correlationId = correlationId;
    }

    String correlationId() {
        return correlationId;
    }

    @Override
    public String getFormattedMessage() {
        return "Request " + correlationId + " ended";
    }

    @Override
    public String getFormat() {
        return "Request {} ended";
    }

    @Override
    public Object[] getParameters() {
        return new Object[] {correlationId};
    }

    @Override
    public Throwable getThrowable() {
        return null;
    }

    @Override
    public String toString() {
        return getFormattedMessage();
    }
}
