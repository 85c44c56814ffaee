package dev.narration.testsupport;

import dev.narration.Narration;
import dev.narration.trace.Trace;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.message.StringMapMessage;
import org.apache.logging.log4j.message.StructuredDataMessage;

/**
 * A variety of events for the backend schemas' tests: every message type, every level (a custom one too), typed
 * fields of every kind, context entries, markers with parents, fields named like the schemas' own keys, exceptions
 * with causes and suppressed ones, hostile text, and events inside a sampled span and an unsampled one.
 */
public final class SchemaEvents {
    /** A level between WARN and INFO, as some applications define one. */
    public static final Level NOTICE = Level.forName("NOTICE", 350);

    private SchemaEvents() {}

    /** What {@link #log} logged: how many events, and the ids of the sampled span and of the unsampled one. */
    public record Logged(int events, SpanContext sampled, SpanContext unsampled) {}

    /**
     * Logs the events; {@code sampled} and {@code unsampled} are tracers of the two kinds. The last four events are
     * logged inside a span, two in each: "Dispatched job-9 (sampled)", "Retrying job-9 (sampled)", then "(not
     * sampled)".
     */
    public static Logged log(final Logger log, final Tracer sampled, final Tracer unsampled) {
        int events = 0;
        try {
            log.trace("Polled the queue");
            log.debug("Resolved the limits of pool {}", "gpu-a");
            log.info("Accepted request; queued at position {}", 3);
            log.warn("Pool {} is at {}% VRAM", "gpu-a", 95);
            log.error("Dispatch of job-7 failed");
            log.fatal("Lost the job store; stopping");
            log.log(NOTICE, "Rotated the logs");
            events += 7;

            ThreadContext.put("correlation_id", "req-42");
            ThreadContext.put("job_id", "job-123");
            log.info(MarkerManager.getMarker("SCHEMA_AUDIT").setParents(MarkerManager.getMarker("SCHEMA_SECURITY")),
                    Narration.action("accept").target("job-123").human("Accepted job-123; queued at position {}", 3)
                            .cute("Welcome, job-123! 🎫").story("\"Room for one more?\" asked job-123.")
                            .field("queue_position", 3).field("load", 0.25).field("gpu", true).field("pool", "gpu-a")
                            .field("ratio", Double.NaN).field("big", new BigDecimal("12345678901234567890.5"))
                            .field("huge", new BigInteger("123456789012345678901234567890"))
                            .field("object", new StringBuilder("built")));
            // Fields named like the schemas' own keys, and the prefixes the collision rule uses.
            log.info(Narration.event().human("Collisions").field("message", "m").field("severity", "s")
                    .field("status", "st").field("log", "l").field("error", "e").field("service", "sv")
                    .field("thread.name", "t").field("narration.actor", "n").field("log.level", "ll")
                    .field("logging.googleapis.com/trace", "g").field("dd.trace_id", "d").field("time", "ti"));
            ThreadContext.put("message", "from the context");
            ThreadContext.put("event.action", "from the context");
            log.info(Narration.action("report").actor("scheduler").human("Queue depth high\n2026-01-01 INFO admin "
                    + "logged in \u0085 \u001b[31m \u2028 \"quoted\" \\ 🎫 \ud800"));
            ThreadContext.remove("message");
            ThreadContext.remove("event.action");
            events += 3;

            log.info(new StringMapMessage().with("pool_id", "default").with("limit", 7));
            log.info(new StringMapMessage().with("message", "Queue limits reloaded").with("pool_id", "default"));
            log.info(new StructuredDataMessage("audit@1", "Granted access", "audit", Map.of("user", "bob")));
            Trace.event(log, "decode", "job-3", "Decoded 240 tokens");
            events += 4;

            final IllegalStateException failure = new IllegalStateException("dispatch failed",
                    new IOException("connection refused"));
            failure.addSuppressed(new IllegalArgumentException("while closing"));
            log.error(Narration.action("fail").target("job-7").human("Job-7 failed").field("error_kind", "io"), failure);
            log.error("No message for this one", new RuntimeException());
            events += 2;

            final SpanContext inSampled = inSpan(log, sampled, "sampled");
            final SpanContext inUnsampled = inSpan(log, unsampled, "not sampled");
            return new Logged(events + 4, inSampled, inUnsampled);
        } finally {
            ThreadContext.clearMap();
        }
    }

    private static SpanContext inSpan(final Logger log, final Tracer tracer, final String kind) {
        final Span span = tracer.spanBuilder("dispatch").startSpan();
        try (Scope scope = span.makeCurrent()) {
            log.info(Narration.action("dispatch").target("job-9").human("Dispatched job-9 ({})", kind));
            log.warn("Retrying job-9 ({})", kind);
        } finally {
            span.end();
        }
        return span.getSpanContext();
    }
}
