package dev.narration.redact;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.rewrite.RewritePolicy;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.util.Constants;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Masks secrets in every event that passes through Log4j's {@code <Rewrite>} appender, so whatever appenders and
 * layouts sit behind it never see them:
 *
 * <pre>{@code
 * <Rewrite name="redacted">
 *   <RedactionRewritePolicy/>
 *   <AppenderRef ref="file"/>
 * </Rewrite>
 * }</pre>
 *
 * <p>Masks the formatted message, context (ThreadContext) values and the context stack, {@code Narration}
 * fields and renderings, {@code MapMessage} values (the message stays a {@code MapMessage}), and the messages of
 * the event's throwable, its causes and suppressed exceptions (see {@link RedactedThrowable}). A clean event is
 * returned as the very same object, checked without allocation. Otherwise a copy is built with
 * {@link Log4jLogEvent.Builder}; the original event and message are never modified.
 *
 * <p>Never throws and never returns {@code null}: if redaction itself fails, the event is still logged, with its
 * level, logger, thread and time, but its message replaced by the {@code redaction-error} mask, and the failure
 * is reported through the status logger.
 */
@Plugin(name = RedactionRewritePolicy.PLUGIN_NAME, category = Node.CATEGORY, elementType = "rewritePolicy", printObject = true)
public final class RedactionRewritePolicy implements RewritePolicy {
    static final String PLUGIN_NAME = "RedactionRewritePolicy";

    private final Redactor redactor;
    private final ThreadLocal<EventRewriter> rewriters;

    private RedactionRewritePolicy(final Redactor redactor) {
        this.redactor = redactor;
        this.rewriters = ThreadLocal.withInitial(() -> new EventRewriter(redactor.engine()));
    }

    /** A policy running the given engine, for programmatic configuration. */
    public static RedactionRewritePolicy of(final Redactor redactor) {
        return new RedactionRewritePolicy(redactor);
    }

    @PluginBuilderFactory
    public static Builder newBuilder() {
        return new Builder();
    }

    public Redactor getRedactor() {
        return redactor;
    }

    /** What this policy has masked, per rule. */
    public RedactionMetricsMXBean getMetrics() {
        return redactor.metrics();
    }

    @Override
    public LogEvent rewrite(final LogEvent source) {
        if (source == null) {
            return null;
        }
        try {
            final EventRewriter rewriter = Constants.ENABLE_THREADLOCALS ? rewriters.get() : new EventRewriter(redactor.engine());
            return rewriter.rewrite(source);
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return failSafe(source, e);
        }
    }

    /** Logs the event without its text rather than lose it or risk leaking what could not be checked. */
    private LogEvent failSafe(final LogEvent source, final Throwable failure) {
        StatusLogger.getLogger().error("{} could not redact an event of logger {}; its message was replaced by a mask.",
                PLUGIN_NAME, source.getLoggerName(), failure);
        try {
            return Log4jLogEvent.newBuilder()
                    .setLoggerName(source.getLoggerName())
                    .setLoggerFqcn(source.getLoggerFqcn())
                    .setLevel(source.getLevel())
                    .setMarker(source.getMarker())
                    .setInstant(source.getInstant())
                    .setNanoTime(source.getNanoTime())
                    .setThreadId(source.getThreadId())
                    .setThreadName(source.getThreadName())
                    .setThreadPriority(source.getThreadPriority())
                    .setMessage(new SimpleMessage(redactor.engine().failureMask()))
                    .build();
        } catch (RuntimeException | LinkageError e) {
            return source;
        }
    }

    @Override
    public String toString() {
        return PLUGIN_NAME + '{' + redactor + '}';
    }

    /** Builds a {@link RedactionRewritePolicy}; the attributes are those of {@link RedactorBuilder}. */
    public static final class Builder extends RedactorBuilder<Builder>
            implements org.apache.logging.log4j.core.util.Builder<RedactionRewritePolicy> {
        private Builder() {}

        @Override
        public RedactionRewritePolicy build() {
            return new RedactionRewritePolicy(buildRedactor(PLUGIN_NAME));
        }
    }
}
