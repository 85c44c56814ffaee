package dev.narration.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.Narration;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.SecretCorpus;
import dev.narration.trace.Trace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.message.StringMapMessage;
import org.apache.logging.log4j.message.StructuredDataMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The two ways to turn redaction on agree: every event goes, at once, to a {@code NarrationJsonLayout} with
 * {@code <Redaction>} and through {@code <Rewrite><RedactionRewritePolicy/>} to a plain {@code NarrationJsonLayout},
 * and the two lines must be identical, with no secret's bytes in either. The corpus holds every built-in kind of
 * secret, on every surface of an event: the message and a {@code {}} argument, a {@code Narration}'s sentence,
 * renderings, actor, action, target, correlation id and fields, the context's actor, action, target, correlation id
 * and other values, map entries (sensitive keys among them), a TRACE helper's target, sentence and fields, and the
 * messages of an exception, its cause and its suppressed exception. Both ways write every schema of the layout
 * (docs/schemas.md) with the same masks: the engine's one redaction of each surface, whatever name the schema gives
 * it.
 */
class RedactionParityTest {
    private static String config(final String schema) {
        return "<Configuration status='WARN'><Appenders>"
                + "<File name='layout' fileName='${dir}/layout.jsonl'><NarrationJsonLayout serviceName='svc' schema='" + schema
                + "'><Redaction name='parity-layout-" + schema + "'/></NarrationJsonLayout></File>"
                + "<File name='plain' fileName='${dir}/policy.jsonl'><NarrationJsonLayout serviceName='svc' schema='" + schema
                + "'/></File><Rewrite name='policy'><RedactionRewritePolicy name='parity-policy-" + schema + "'/>"
                + "<AppenderRef ref='plain'/></Rewrite></Appenders><Loggers><Root level='TRACE'><AppenderRef ref='layout'/>"
                + "<AppenderRef ref='policy'/></Root></Loggers></Configuration>";
    }

    @AfterEach
    void clearContext() {
        ThreadContext.clearAll();
    }

    @ParameterizedTest
    @FieldSource("dev.narration.testsupport.SchemaLines#SCHEMAS")
    void bothWaysWriteTheSameLineAndNoSecretForEverySurfaceOfEveryKind(final String schema) {
        final List<SecretCorpus.Sample> samples = SecretCorpus.samples(2026_12_02L, 2);
        final List<String> layout;
        final List<String> policy;
        int events = 0;
        try (Log4jFixture log4j = Log4jFixture.sync(config(schema))) {
            final Logger logger = log4j.logger("com.acme.orchestratord.Parity");
            for (final SecretCorpus.Sample sample : samples) {
                events += logEverySurface(logger, sample);
            }
            log4j.close();
            layout = log4j.readLines("layout.jsonl");
            policy = log4j.readLines("policy.jsonl");
        }
        assertThat(layout).hasSize(events);
        assertThat(policy).hasSize(events);
        final List<String> leaks = new ArrayList<>();
        int line = 0;
        for (final SecretCorpus.Sample sample : samples) {
            for (int i = 0; i < events / samples.size(); i++, line++) {
                JsonLines.parse(layout.get(line));
                assertThat(policy.get(line)).as("line %d, %s", line, sample).isEqualTo(layout.get(line));
                final String leak = SecretCorpus.leak(sample.secret, layout.get(line));
                if (leak != null) {
                    leaks.add(sample + " leaks \"" + leak + "\" in " + layout.get(line));
                }
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(Redactor.metricsOf("parity-layout-" + schema).getTotal()).isPositive();
        assertThat(Redactor.metricsOf("parity-policy-" + schema).getTotal()).isPositive();
    }

    /** Logs the sample on every surface, one event each; returns how many events. */
    private static int logEverySurface(final Logger logger, final SecretCorpus.Sample sample) {
        // A value alone is a secret only when its kind has a recognisable format; a keyed kind needs its key.
        final String text = sample.kind.keyed ? sample.key + "=" + sample.value : sample.value;
        final String k = sample.key;
        final String v = sample.value;
        int events = 0;

        logger.info("deploying with " + text + " today");
        logger.warn("applying {} now", text);
        logger.info("{}: {}={}", "config", k, v);
        events += 3;

        logger.info(Narration.action("connect").human("using {}", text).cute("🔑 " + text).story("\"" + text + "\" said the pool.")
                .field(k, v).field("note", text).field("attempt", 2).field("ratio", 0.5).field("ok", true)
                .field("object", new StringBuilder(text)));
        logger.info(Narration.event().actor(text).target(text).correlationId(text).human("Accepted"));
        logger.info(Narration.action(text).human("Dispatched"));
        events += 3;

        ThreadContext.put("actor", text);
        ThreadContext.put("action", text);
        ThreadContext.put("target", text);
        ThreadContext.put("correlation_id", text);
        ThreadContext.put(k, v);
        ThreadContext.put("note", text);
        logger.info("Context carries it");
        // The message supplies the root fields; the context's values stay as context.<key>.
        logger.info(Narration.action("accept").actor("admission").target("job-1").correlationId("req-1").human("Accepted"));
        ThreadContext.clearMap();
        events += 2;

        logger.info(new StringMapMessage().with("message", "login with " + text).with(k, v).with("note", text)
                .with("authorization", "Bearer " + SecretCorpus.chars(new java.util.Random(v.hashCode()),
                        SecretCorpus.TOKEN_CHARS, 24) + "1").with("password", v));
        logger.info(new StringMapMessage().with("actor", text).with("action", text).with("target", text)
                .with("correlation_id", text).with(k, v));
        logger.info(new StructuredDataMessage("audit@1", "login with " + text, "audit", Map.of("user", "bob")));
        events += 3;

        Trace.event(logger, "decode", text, "Decoded " + text);
        Trace.enter(logger, "connect", k, v, "note", text);
        events += 2;

        final IllegalStateException failure = new IllegalStateException("failed with " + text,
                new IOException("cause: " + text));
        failure.addSuppressed(new IllegalArgumentException("while closing: " + text));
        logger.error("connection failed", failure);
        logger.error(Narration.action("connect").human("Connect failed").field("error_kind", "auth"),
                new RuntimeException(text));
        events += 2;
        return events;
    }
}
