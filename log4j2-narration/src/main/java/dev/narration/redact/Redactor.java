package dev.narration.redact;

import dev.narration.internal.redact.EngineAccess;
import dev.narration.internal.redact.RedactionEngine;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;

/**
 * The {@code <Redaction>} element: a redaction engine, which finds secrets in text and replaces each with a mask
 * naming the rule that found it ({@code [REDACTED:github-token]} by default). Nested in
 * {@code <NarrationJsonLayout>} it masks while the line is written; {@link RedactionRewritePolicy} runs the same
 * engine with the same attributes ({@link RedactorBuilder}, docs/redaction.md).
 *
 * <pre>{@code
 * Redactor redactor = Redactor.newBuilder().setName("tool").setEnable("email").build();
 * String safe = redactor.redact(text);   // the same instance when clean
 * }</pre>
 *
 * <p>Thread-safe and immutable apart from its counters.
 */
@Plugin(name = Redactor.ELEMENT, category = Node.CATEGORY, elementType = "redaction", printObject = true)
public final class Redactor {
    static final String ELEMENT = "Redaction";

    static {
        EngineAccess.grant(redactor -> ((Redactor) redactor).engine);
    }

    private final RedactionEngine engine;
    private final RedactionMetrics metrics;

    Redactor(final RedactionEngine engine) {
        this.engine = engine;
        this.metrics = RedactionMetrics.register(engine.name(), engine.counts());
    }

    @PluginBuilderFactory
    public static Builder newBuilder() {
        return new Builder();
    }

    /** An engine with the built-in rules and default settings, named {@code Redaction}. */
    public static Redactor defaults() {
        return newBuilder().build();
    }

    public String getName() {
        return engine.name();
    }

    /** What this engine has masked, per rule; also over JMX as {@code dev.narration:type=Redaction,name="<name>"}. */
    public RedactionMetricsMXBean metrics() {
        return metrics;
    }

    /**
     * What the newest engine of this name (the {@code name} attribute of a {@code <Redaction>} or a
     * {@code <RedactionRewritePolicy>}) has masked, per rule, or {@code null} when there is none; also when JMX is
     * disabled.
     */
    public static RedactionMetricsMXBean metricsOf(final String name) {
        return RedactionMetrics.named(name);
    }

    /** The text with its secrets masked: the same instance when there was nothing to mask. */
    public String redact(final String text) {
        return engine.redact(text);
    }

    /** Whether a context or field key is sensitive, so that its whole value is masked without scanning. */
    public boolean isSensitiveKey(final CharSequence key) {
        return engine.isSensitiveKey(key);
    }

    RedactionEngine engine() {
        return engine;
    }

    @Override
    public String toString() {
        return ELEMENT + '{' + engine + '}';
    }

    /** Builds a {@link Redactor}: the {@code <Redaction>} element. */
    public static final class Builder extends RedactorBuilder<Builder>
            implements org.apache.logging.log4j.core.util.Builder<Redactor> {
        private Builder() {}

        @Override
        public Redactor build() {
            return buildRedactor(ELEMENT);
        }
    }
}
