package dev.narration.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.Narration;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Map;
import javax.management.ObjectName;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.ContextDataFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.ReusableParameterizedMessage;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.apache.logging.log4j.message.StructuredDataMessage;
import org.apache.logging.log4j.util.StringMap;
import org.junit.jupiter.api.Test;

class RedactionRewritePolicyTest {
    private static final String CLEAN_120 = "Accepted request for job-123 from pool-a; queued at position 3 of 17, "
            + "predicted start in 420 ms, engine llama-3.1 v0.4.2";
    private static final String TOKEN = "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";

    private final RedactionRewritePolicy policy = RedactionRewritePolicy.newBuilder().setName("policy-test").build();

    private static Log4jLogEvent.Builder event(final Message message) {
        return Log4jLogEvent.newBuilder().setLoggerName("com.acme.Service").setLevel(Level.INFO).setMessage(message);
    }

    private static StringMap context(final String... keysAndValues) {
        final StringMap map = ContextDataFactory.createContextData(keysAndValues.length / 2);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.putValue(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void cleanEventIsReturnedAsTheVerySameObject() {
        final LogEvent clean = event(new ParameterizedMessage("{} {}", CLEAN_120, 42))
                .setContextData(context("correlation_id", "req-42", "password_policy", "strict", "tokens_in", "512"))
                .setThrown(new IllegalStateException("dispatch failed", new IOException("connection refused")))
                .build();
        assertThat(policy.rewrite(clean)).isSameAs(clean);
    }

    @Test
    void secretInTheMessageGivesACopyAndLeavesTheSourceAlone() {
        final Message message = new ParameterizedMessage("pushing with {}", TOKEN);
        final LogEvent source = event(message).setLevel(Level.TRACE).build();
        final LogEvent out = policy.rewrite(source);
        assertThat(out).isNotSameAs(source);
        assertThat(out.getMessage().getFormattedMessage()).isEqualTo("pushing with [REDACTED:github-token]");
        assertThat(out.getMessage().getParameters()).isNullOrEmpty();
        assertThat(out.getLevel()).isEqualTo(Level.TRACE);
        assertThat(out.getLoggerName()).isEqualTo("com.acme.Service");
        assertThat(source.getMessage().getFormattedMessage()).isEqualTo("pushing with " + TOKEN);
    }

    @Test
    void mapMessageStaysAMapMessageOfTheSameType() {
        final StringMapMessage source = new StringMapMessage().with("message", "login").with("user", "bob")
                .with("db_password", "hunter2").with("note", "used " + TOKEN);
        final LogEvent out = policy.rewrite(event(source).build());
        assertThat(out.getMessage()).isInstanceOf(StringMapMessage.class);
        final StringMapMessage redacted = (StringMapMessage) out.getMessage();
        assertThat(redacted.get("db_password")).isEqualTo("[REDACTED:password]");
        assertThat(redacted.get("note")).isEqualTo("used [REDACTED:github-token]");
        assertThat(redacted.get("user")).isEqualTo("bob");
        assertThat(source.get("db_password")).isEqualTo("hunter2");

        final StructuredDataMessage data = new StructuredDataMessage("audit@1", "login by bob", "audit",
                Map.of("token", "abc123"));
        final LogEvent structured = policy.rewrite(event(data).build());
        assertThat(structured.getMessage()).isInstanceOf(StructuredDataMessage.class);
        assertThat(((StructuredDataMessage) structured.getMessage()).get("token")).isEqualTo("[REDACTED:token]");
        assertThat(((StructuredDataMessage) structured.getMessage()).getId()).isEqualTo(data.getId());
        final StructuredDataMessage secretText = new StructuredDataMessage("audit@1", "login with password=hunter2", "audit",
                Map.of("user", "bob"));
        assertThat(((StructuredDataMessage) policy.rewrite(event(secretText).build()).getMessage()).getFormat()).isEqualTo("login with password=[REDACTED:password]");
    }

    @Test
    void narrationFieldsAndRenderingsAreMaskedAndKeepTheirTypes() {
        final Narration source = Narration.action("connect").target("db01").human("connecting with {}", TOKEN)
                .cute("🔑 " + TOKEN).field("api_key", "k-123").field("queue_position", 3).field("pin_ok", true)
                .field("password", 1234L).field("note", "password=hunter2");
        final LogEvent out = policy.rewrite(event(source).build());
        final Narration redacted = (Narration) out.getMessage();
        assertThat(redacted.getFormattedMessage()).isEqualTo("connecting with [REDACTED:github-token]");
        assertThat(redacted.getCute()).isEqualTo("🔑 [REDACTED:github-token]");
        assertThat(redacted.getAction()).isEqualTo("connect");
        assertThat(redacted.getTarget()).isEqualTo("db01");
        assertThat(redacted.getFieldValue(redacted.indexOf("api_key"))).isEqualTo("[REDACTED:api-key]");
        assertThat(redacted.getFieldValue(redacted.indexOf("password"))).isEqualTo("[REDACTED:password]");
        assertThat(redacted.getFieldValue(redacted.indexOf("note"))).isEqualTo("password=[REDACTED:password]");
        assertThat(redacted.getFieldKind(redacted.indexOf("queue_position"))).isEqualTo(Narration.FieldKind.LONG);
        assertThat(redacted.getFieldBoolean(redacted.indexOf("pin_ok"))).isTrue();
        assertThat(source.getFieldValue(source.indexOf("api_key"))).isEqualTo("k-123");
    }

    @Test
    void contextValuesAreMaskedByKeyAndByContent() {
        final StringMap context = context("correlation_id", "req-42", "X-Api-Key", "k-123", "upstream", "via " + TOKEN);
        final LogEvent out = policy.rewrite(event(new SimpleMessage("clean")).setContextData(context).build());
        assertThat(out.getContextData().<String>getValue("X-Api-Key")).isEqualTo("[REDACTED:api-key]");
        assertThat(out.getContextData().<String>getValue("upstream")).isEqualTo("via [REDACTED:github-token]");
        assertThat(out.getContextData().<String>getValue("correlation_id")).isEqualTo("req-42");
        assertThat(out.getMessage().getFormattedMessage()).isEqualTo("clean");
        assertThat(context.<String>getValue("X-Api-Key")).isEqualTo("k-123");
    }

    @Test
    void exceptionChainIsCopiedWithOriginalClassNamesAndStacks() {
        final IOException inner = new IOException("inner password=hunter2");
        final IllegalStateException outer = new IllegalStateException("outer", new RuntimeException("middle", inner));
        final IllegalArgumentException suppressed = new IllegalArgumentException("while closing token: abc123");
        outer.addSuppressed(suppressed);
        final IllegalStateException cleanSuppressed = new IllegalStateException("clean");
        outer.addSuppressed(cleanSuppressed);
        final LogEvent out = policy.rewrite(event(new SimpleMessage("failed")).setThrown(outer).build());
        final Throwable thrown = out.getThrown();
        assertThat(thrown).isInstanceOf(RedactedThrowable.class);
        assertThat(((RedactedThrowable) thrown).getOriginalClassName()).isEqualTo("java.lang.IllegalStateException");
        assertThat(thrown.toString()).isEqualTo("java.lang.IllegalStateException: outer");
        assertThat(thrown.getStackTrace()).isEqualTo(outer.getStackTrace());
        final Throwable redactedInner = thrown.getCause().getCause();
        assertThat(redactedInner.toString()).isEqualTo("java.io.IOException: inner password=[REDACTED:password]");
        assertThat(redactedInner.getStackTrace()).isEqualTo(inner.getStackTrace());
        assertThat(thrown.getSuppressed()[0].getMessage()).isEqualTo("while closing token: [REDACTED:token]");
        assertThat(thrown.getSuppressed()[1]).isSameAs(cleanSuppressed);
        assertThat(inner.getMessage()).isEqualTo("inner password=hunter2");
    }

    @Test
    void reusableEventsAndMessagesAreNeverModified() {
        final ReusableParameterizedMessage message = new ReusableParameterizedMessage();
        message.set("token={} for {}", "abc123", "bob");
        final MutableLogEvent source = new MutableLogEvent();
        source.setLoggerName("com.acme.Service");
        source.setLevel(Level.WARN);
        source.setMessage(message);
        final LogEvent out = policy.rewrite(source);
        assertThat(out).isNotSameAs(source).isInstanceOf(Log4jLogEvent.class);
        assertThat(out.getMessage().getFormattedMessage()).isEqualTo("token=[REDACTED:token] for bob");
        assertThat(source.getMessage().getFormattedMessage()).isEqualTo("token=abc123 for bob");
    }

    @Test
    void aFailingMessageIsStillLoggedWithoutItsText() {
        final Message broken = new SimpleMessage("x") {
            private static final long serialVersionUID = 1L;

            @Override
            public String getFormattedMessage() {
                throw new IllegalStateException("boom");
            }

            @Override
            public void formatTo(final StringBuilder buffer) {
                throw new IllegalStateException("boom");
            }
        };
        final LogEvent out = policy.rewrite(event(broken).setLevel(Level.ERROR).build());
        assertThat(out).isNotNull();
        assertThat(out.getLevel()).isEqualTo(Level.ERROR);
        assertThat(out.getLoggerName()).isEqualTo("com.acme.Service");
        assertThat(out.getMessage().getFormattedMessage()).isEqualTo("[REDACTED:redaction-error]");
        assertThat(policy.getMetrics().getCounts().get("redaction-error")).isEqualTo(1L);
    }

    @Test
    void cleanEventAllocatesNothing() {
        final StringMap context = context("correlation_id", "req-42", "job_id", "job-123", "pool_id", "pool-a",
                "replica_id", "r-1", "engine", "llama", "engine_version", "0.4.2", "session_id_hash", "abc",
                "queue_position", "3", "tokens_in", "512", "worker_id", "w-7");
        context.freeze();
        final LogEvent clean = event(new SimpleMessage(CLEAN_120)).setContextData(context).build();
        final LogEvent parameterized = event(new ParameterizedMessage("Accepted {} at position {}", "job-123", 3))
                .setContextData(context).build();
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 50_000; i++) {
            policy.rewrite(clean);
            policy.rewrite(parameterized);
        }
        final int calls = 100_000;
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < calls; i++) {
            if (policy.rewrite(clean) != clean || policy.rewrite(parameterized) != parameterized) {
                throw new AssertionError("a clean event was copied");
            }
        }
        final long perCall = (threads.getCurrentThreadAllocatedBytes() - before) / (2L * calls);
        assertThat(perCall).as("bytes allocated per clean event").isZero();
    }

    @Test
    void metricsAreVisibleOverJmxWithoutTheSecret() throws Exception {
        final RedactionRewritePolicy named = RedactionRewritePolicy.newBuilder().setName("jmx-test").build();
        named.rewrite(event(new SimpleMessage("password=hunter2")).build());
        final ObjectName name = new ObjectName("dev.narration:type=Redaction,name=\"jmx-test\"");
        assertThat(ManagementFactory.getPlatformMBeanServer().getAttribute(name, "Total")).isEqualTo(1L);
        assertThat(String.valueOf(ManagementFactory.getPlatformMBeanServer().getAttribute(name, "Counts")))
                .contains("password").doesNotContain("hunter2");
    }
}
