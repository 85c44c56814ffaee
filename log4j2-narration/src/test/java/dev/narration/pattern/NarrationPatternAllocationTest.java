package dev.narration.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.Narration;
import dev.narration.testsupport.Allocations;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.api.Test;

/** {@code %narration{fields}} and {@code %narration{sentence}} append into the layout's buffer without allocating. */
class NarrationPatternAllocationTest {
    private final StringBuilder out = new StringBuilder(1024);

    private static LogEvent event() {
        final SortedArrayStringMap context = new SortedArrayStringMap();
        context.putValue("correlation_id", "req-7f3a9c");
        context.putValue("job_id", "job-123");
        context.putValue("pool_id", "pool a");
        context.freeze();
        final Narration message = Narration.action("accept").target("job-123").human("Accepted request; queued at position {}", 3)
                .cute("Welcome to the queue!\n🎫").field("queue_position", 3).field("load", 0.25).field("gpu", true)
                .field("model", "llama \"7b\"").field("level", "shadowed");
        message.getFormattedMessage();
        return Log4jLogEvent.newBuilder().setLoggerName("com.acme.orchestratord.JobAdmission").setLevel(Level.INFO)
                .setMessage(message).setContextData(context).setThreadName("main").setTimeMillis(1_763_708_809_123L)
                .build();
    }

    private double bytesPerEvent(final String... options) {
        final NarrationPatternConverter converter = NarrationPatternConverter.newInstance(new DefaultConfiguration(), options);
        final LogEvent event = event();
        return Allocations.perCall(50_000, 20_000, () -> {
            out.setLength(0);
            converter.format(event, out);
        });
    }

    @Test
    void fieldsFormatWithoutAllocating() {
        assertThat(bytesPerEvent("fields")).as("bytes allocated per formatted event").isLessThan(1.0);
        assertThat(out.toString()).isEqualTo("queue_position=3 load=0.25 gpu=true model=\"llama \\\"7b\\\"\" field.level=shadowed "
                + "job_id=job-123 pool_id=\"pool a\"");
    }

    @Test
    void sentencesFormatWithoutAllocating() {
        assertThat(bytesPerEvent("sentence", "cute")).as("bytes allocated per formatted event").isLessThan(1.0);
        assertThat(out.toString()).isEqualTo("Welcome to the queue!\\n🎫");
        assertThat(bytesPerEvent("sentence", "story")).as("bytes allocated per formatted event").isLessThan(1.0);
        assertThat(out.toString()).isEqualTo("Accepted request; queued at position 3");
    }
}
