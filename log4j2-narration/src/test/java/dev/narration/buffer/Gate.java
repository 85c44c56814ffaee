package dev.narration.buffer;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.message.AsynchronouslyFormattable;
import org.apache.logging.log4j.message.Message;

/**
 * A message that holds up the thread that formats it until the test opens the gate: logged through an
 * asynchronous path, it stops the background thread (the layout formats it there), so the test can log more and
 * close a scope while those events wait in the queue, exactly the race the end of a request must not lose.
 */
@AsynchronouslyFormattable
final class Gate implements Message {
    private static final long serialVersionUID = 1L;
    private final transient CountDownLatch open = new CountDownLatch(1);
    private final transient CountDownLatch reached;

    /** A gate that the given number of threads will reach. */
    Gate(final int threads) {
        reached = new CountDownLatch(threads);
    }

    void open() {
        open.countDown();
    }

    /** Waits until every thread is held at the gate. */
    void awaitReached() throws InterruptedException {
        if (!reached.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError(reached.getCount() + " threads did not reach the gate");
        }
    }

    @Override
    public String getFormattedMessage() {
        reached.countDown();
        try {
            if (!open.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the gate was never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "gate";
    }

    @Override
    public String getFormat() {
        return "gate";
    }

    @Override
    public Object[] getParameters() {
        return null;
    }

    @Override
    public Throwable getThrowable() {
        return null;
    }
}
