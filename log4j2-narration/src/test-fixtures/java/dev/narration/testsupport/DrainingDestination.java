package dev.narration.testsupport;

import java.nio.ByteBuffer;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;
import org.apache.logging.log4j.core.layout.ByteBufferDestinationHelper;

/**
 * A byte destination that counts and discards what a layout encodes, allocating nothing after construction: the
 * sink of the allocation tests and of the encode benchmarks (benchmarks/pom.xml compiles this directory too).
 */
public final class DrainingDestination implements ByteBufferDestination {
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private long bytes;

    @Override
    public ByteBuffer getByteBuffer() {
        return buffer;
    }

    @Override
    public ByteBuffer drain(final ByteBuffer full) {
        full.flip();
        bytes += full.remaining();
        full.clear();
        return full;
    }

    @Override
    public void writeBytes(final ByteBuffer data) {
        ByteBufferDestinationHelper.writeToUnsynchronized(data, this);
    }

    @Override
    public void writeBytes(final byte[] data, final int offset, final int length) {
        ByteBufferDestinationHelper.writeToUnsynchronized(data, offset, length, this);
    }

    /** Every byte encoded so far, drained or still buffered. */
    public long bytes() {
        return bytes + buffer.position();
    }

    /** Returns {@link #bytes()} and starts counting afresh. */
    public long reset() {
        final long written = bytes();
        buffer.clear();
        bytes = 0;
        return written;
    }
}
