package dev.narration.redact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Narration;
import dev.narration.layout.NarrationJsonLayout;
import dev.narration.testsupport.Allocations;
import dev.narration.testsupport.DrainingDestination;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import java.io.IOException;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.ContextDataFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.StringMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Redaction inside NarrationJsonLayout, and the policy's redacted exceptions as that layout writes them. */
class RedactionLayoutTest {
    private static final String LAYOUT = "<Configuration status='WARN'><Appenders>"
            + "<File name='json' fileName='${dir}/out.jsonl'><NarrationJsonLayout><Redaction name='layout-test'/></NarrationJsonLayout></File>"
            + "</Appenders><Loggers><Root level='TRACE'><AppenderRef ref='json'/></Root></Loggers></Configuration>";

    @AfterEach
    void clearContext() {
        ThreadContext.clearAll();
    }

    @Test
    void layoutMasksSensitiveKeysTextAndTheExceptionChain() {
        final JsonNode line;
        try (Log4jFixture log4j = Log4jFixture.sync(LAYOUT)) {
            ThreadContext.put("correlation_id", "req-42");
            ThreadContext.put("db_password", "hunter2");
            log4j.logger("com.acme.Db").error(Narration.action("connect").target("postgres://app:hunter2@db/app")
                    .human("connect failed").field("api_key", "k-123").field("retries", 3),
                    new IllegalStateException("connect failed", new java.io.IOException("auth token=abc123 rejected")));
            line = JsonLines.parse(log4j.stopAndReadLines("out.jsonl").get(0));
        }
        assertThat(line.get("db_password").asText()).isEqualTo("[REDACTED:password]");
        assertThat(line.get("api_key").asText()).isEqualTo("[REDACTED:api-key]");
        assertThat(line.get("retries").asInt()).isEqualTo(3);
        assertThat(line.get("target").asText()).isEqualTo("postgres://app:[REDACTED:url-credentials]@db/app");
        assertThat(line.get("correlation_id").asText()).isEqualTo("req-42");
        assertThat(line.get("exception.stacktrace").asText())
                .contains("Caused by: java.io.IOException: auth token=[REDACTED:token] rejected")
                .doesNotContain("abc123");
        assertThat(line.toString()).doesNotContain("hunter2", "k-123");
    }

    @Test
    void policyRedactedExceptionKeepsItsClassNameInTheJson() {
        final JsonNode line;
        try (Log4jFixture log4j = Log4jFixture.sync(RedactionCorpusTest.POLICY_CONFIG)) {
            log4j.logger("com.acme.Db").error("connect failed",
                    new IllegalStateException("password=hunter2", new java.io.IOException("inner")));
            line = JsonLines.parse(log4j.stopAndReadLines("out.jsonl").get(0));
        }
        assertThat(line.get("exception.type").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(line.get("exception.message").asText()).isEqualTo("password=[REDACTED:password]");
        assertThat(line.get("exception.stacktrace").asText())
                .startsWith("java.lang.IllegalStateException: password=[REDACTED:password]\n\tat dev.narration.redact.RedactionLayoutTest")
                .contains("Caused by: java.io.IOException: inner");
    }

    @Test
    void redactionInTheLayoutAddsNoAllocationForACleanEvent() throws IOException {
        final StringMap context = ContextDataFactory.createContextData(4);
        context.putValue("correlation_id", "req-42");
        context.putValue("job_id", "job-123");
        context.freeze();
        final LogEvent event = Log4jLogEvent.newBuilder().setLoggerName("com.acme.orchestratord.Admission")
                .setLevel(Level.INFO).setMessage(new SimpleMessage("Accepted request; queued at position 3"))
                .setContextData(context).build();
        final long plain = allocatedPerEncode(NarrationJsonLayout.newBuilder().setServiceName("svc").build(), event);
        final long redacting = allocatedPerEncode(NarrationJsonLayout.newBuilder().setServiceName("svc")
                .setRedaction(Redactor.newBuilder().setName("layout-allocation").build()).build(), event);
        assertThat(redacting).as("bytes per event with redaction, without: " + plain).isLessThanOrEqualTo(plain);
    }

    /**
     * A parameterized message is scanned around its arguments, and a clean text is then written from the scan's own
     * copy of it (ScanBuffer#copyOf). Texts of one format and one length, clean and secret in turn, on all-async
     * loggers, whole and cut by maxStringLength: each line must hold its own text, masked where it has a secret.
     */
    @Test
    void parameterizedMessagesOfOneLengthAreEachWrittenAsTheirOwnRedactedText() {
        final String config = "<Configuration status='WARN'><Appenders>"
                + "<File name='whole' fileName='${dir}/whole.jsonl'><NarrationJsonLayout><Redaction name='param-whole'/>"
                + "</NarrationJsonLayout></File>"
                + "<File name='cut' fileName='${dir}/cut.jsonl'><NarrationJsonLayout maxStringLength='30'>"
                + "<Redaction name='param-cut'/></NarrationJsonLayout></File>"
                + "</Appenders><Loggers><Root level='INFO'><AppenderRef ref='whole'/><AppenderRef ref='cut'/></Root>"
                + "</Loggers></Configuration>";
        final String format = "job {} accepted from pool {} with {}";
        final String[][] arguments = {
            {"j-101", "a", "retry=3"}, {"j-102", "b", "token=x"}, {"j-103", "c", "retry=4"}, {"j-104", "d", "limit=5"},
        };
        final List<String> whole;
        final List<String> cut;
        try (Log4jFixture log4j = Log4jFixture.allAsync(config)) {
            final Logger logger = log4j.logger("com.acme.Admission");
            for (int round = 0; round < 50; round++) {
                for (final String[] argument : arguments) {
                    logger.info(format, argument[0], argument[1], argument[2]);
                }
            }
            log4j.close();
            whole = log4j.readLines("whole.jsonl");
            cut = log4j.readLines("cut.jsonl");
        }
        assertThat(whole).hasSize(200);
        assertThat(cut).hasSize(200);
        for (int i = 0; i < whole.size(); i++) {
            final String[] argument = arguments[i % arguments.length];
            final String expected = "job " + argument[0] + " accepted from pool " + argument[1] + " with "
                    + (argument[2].startsWith("token") ? "token=[REDACTED:token]" : argument[2]);
            assertThat(JsonLines.parse(whole.get(i)).get("human").asText()).as("line %d", i).isEqualTo(expected);
            assertThat(JsonLines.parse(cut.get(i)).get("human").asText()).as("cut line %d", i)
                    .isEqualTo(expected.substring(0, 30) + "…[truncated]");
        }
        assertThat(Redactor.metricsOf("param-whole").getCounts().get("token")).isEqualTo(50L);
    }

    /**
     * A message without parameters is remembered clean by its format string's identity (Redactor#redactMessage).
     * What must hold: a secret in a constant message is masked and counted on every event, and a message whose text
     * differs from its format is scanned even when that format was found clean before.
     */
    @Test
    void constantMessagesAreMaskedOnEveryEventAndTheFormatShortcutNeverHidesText() {
        final String config = "<Configuration status='WARN'><Appenders>"
                + "<File name='json' fileName='${dir}/out.jsonl'><NarrationJsonLayout><Redaction name='constant-messages'/>"
                + "</NarrationJsonLayout></File><File name='policy' fileName='${dir}/policy.log'><PatternLayout pattern='%m%n'/></File>"
                + "<Rewrite name='rewrite'><RedactionRewritePolicy name='constant-messages-policy'/><AppenderRef ref='policy'/></Rewrite>"
                + "</Appenders><Loggers><Root level='INFO'><AppenderRef ref='json'/><AppenderRef ref='rewrite'/></Root></Loggers>"
                + "</Configuration>";
        final String clean = "login accepted for user bob from 10.0.0.7";
        final String secret = "login accepted for password=hunter2 bob!!";
        assertThat(secret).hasSameSizeAs(clean);
        final List<String> json;
        final List<String> policy;
        try (Log4jFixture log4j = Log4jFixture.allAsync(config)) {
            final Logger logger = log4j.logger("com.acme.Login");
            for (int i = 0; i < 3; i++) {
                logger.info(clean);
                logger.info(secret);
                logger.info(new FormatDiffersFromText(clean, secret));
            }
            log4j.close();
            json = log4j.readLines("out.jsonl");
            policy = log4j.readLines("policy.log");
        }
        assertThat(json).hasSize(9);
        assertThat(policy).hasSize(9);
        for (int i = 0; i < 9; i++) {
            final String expected = i % 3 == 0 ? clean : "login accepted for password=[REDACTED:password] bob!!";
            assertThat(JsonLines.parse(json.get(i)).get("human").asText()).as("json line " + i).isEqualTo(expected);
            assertThat(policy.get(i)).as("policy line " + i).isEqualTo(expected);
        }
        assertThat(Redactor.metricsOf("constant-messages").getCounts().get("password")).isEqualTo(6L);
        assertThat(Redactor.metricsOf("constant-messages-policy").getCounts().get("password")).isEqualTo(6L);
    }

    /** A message whose format is a clean string of the same length as its text, which holds a secret. */
    private static final class FormatDiffersFromText implements Message {
        private final String format;
        private final String text;

        FormatDiffersFromText(final String format, final String text) {
            this.format = format;
            this.text = text;
        }

        @Override
        public String getFormattedMessage() {
            return text;
        }

        @Override
        public String getFormat() {
            return format;
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

    /** Whole bytes allocated per encoded event on this thread (a fraction of a byte is JIT noise, not a cost). */
    private static long allocatedPerEncode(final NarrationJsonLayout layout, final LogEvent event) {
        final DrainingDestination destination = new DrainingDestination();
        return (long) Allocations.perCall(50_000, 50_000, () -> layout.encode(event, destination));
    }
}
