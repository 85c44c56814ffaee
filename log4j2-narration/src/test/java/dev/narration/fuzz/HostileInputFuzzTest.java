package dev.narration.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Narration;
import dev.narration.layout.NarrationJsonLayout;
import dev.narration.redact.RedactionRewritePolicy;
import dev.narration.redact.Redactor;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.SecretCorpus;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.ContextDataFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.apache.logging.log4j.util.StringMap;

/**
 * Coverage-guided fuzz tests of the layout and the redactor (CONTRIBUTING.md, "Fuzzing"). In the build they replay
 * the inputs committed under {@code src/test/resources/dev/narration/fuzz/HostileInputFuzzTestInputs/<method>/};
 * with {@code JAZZER_FUZZ=1} Jazzer mutates them, and adds any input that fails there.
 *
 * <ul>
 * <li>Whatever an event holds (message, format and arguments, fields, map entries, context, an exception chain of
 *     any shape), each of the layout's configurations writes it as exactly one line of valid JSON (strict Jackson),
 *     valid UTF-8, with no control character raw.</li>
 * <li>A secret planted between arbitrary texts never comes out of the redactor, the layout with {@code <Redaction>}
 *     or the rewrite policy, also with a scan limit short enough for the secret to cross it.</li>
 * </ul>
 */
class HostileInputFuzzTest {
    private static final Redactor REDACTOR = Redactor.newBuilder().setName("fuzz").build();
    private static final Redactor SHORT_SCAN = Redactor.newBuilder().setName("fuzz-short-scan").setMaxScanLength(96).build();
    private static final NarrationJsonLayout[] LAYOUTS = {
        NarrationJsonLayout.newBuilder().setEnvironment(Map.of()).build(),
        NarrationJsonLayout.newBuilder().setEnvironment(Map.of()).setRedaction(REDACTOR).build(),
        NarrationJsonLayout.newBuilder().setEnvironment(Map.of()).setRedaction(SHORT_SCAN).setMaxStringLength(40).build(),
    };
    private static final RedactionRewritePolicy POLICY = RedactionRewritePolicy.of(REDACTOR);
    private static final RedactionRewritePolicy SHORT_POLICY = RedactionRewritePolicy.of(SHORT_SCAN);

    /** Secrets of several kinds, each as written and the part of it that must never be seen. */
    private static final String[][] SECRETS = {
        {SecretCorpus.githubToken("ghp_", SecretCorpus.chars(new Random(1), SecretCorpus.ALNUM_CHARS, 30)), null},
        {"AKIA" + SecretCorpus.chars(new Random(2), SecretCorpus.UPPER_ALNUM_CHARS, 16), null},
        {"password=Hunter2Fuzz0rSecret", "Hunter2Fuzz0rSecret"},
        {"xoxb-123456789012-123456789012-" + SecretCorpus.chars(new Random(3), SecretCorpus.ALNUM_CHARS, 24), null},
        {"-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq0Fuzz0rKeyMaterial\n-----END RSA PRIVATE KEY-----",
            "MIIEowIBAAKCAQEA7bq0Fuzz0rKeyMaterial"},
    };

    @FuzzTest(maxDuration = "5m")
    void everyEventIsOneValidJsonLine(final FuzzedDataProvider data) {
        final LogEvent event = event(data);
        for (final NarrationJsonLayout layout : LAYOUTS) {
            final String line = decode(layout.toByteArray(event));
            assertThat(line).endsWith("\n");
            assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
            for (int i = 0; i < line.length() - 1; i++) {
                final char c = line.charAt(i);
                assertThat(c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029')
                        .as("U+%04X raw at %d", (int) c, i).isFalse();
            }
            assertThat(line).doesNotContain("narration.encoding_error");
            JsonLines.parse(line);
        }
    }

    @FuzzTest(maxDuration = "5m")
    void plantedSecretsNeverComeOut(final FuzzedDataProvider data) {
        final String[] planted = SECRETS[data.consumeInt(0, SECRETS.length - 1)];
        final String secret = planted[1] != null ? planted[1] : planted[0];
        final String before = data.consumeString(160);
        final String after = data.consumeRemainingAsString();
        final String text = before + " " + planted[0] + " " + after;
        final String around = before + " " + after;
        for (final Redactor redactor : new Redactor[] {REDACTOR, SHORT_SCAN}) {
            assertNoLeak(secret, around, redactor.redact(text));
        }
        final LogEvent event = Log4jLogEvent.newBuilder().setLoggerName("com.acme.Fuzz").setLevel(Level.INFO)
                .setMessage(new ParameterizedMessage("{}", text)).setContextData(context("note", text)).build();
        for (final RedactionRewritePolicy policy : new RedactionRewritePolicy[] {POLICY, SHORT_POLICY}) {
            final LogEvent rewritten = policy.rewrite(event);
            assertNoLeak(secret, around, rewritten.getMessage().getFormattedMessage());
            final Object note = rewritten.getContextData().getValue("note");
            assertNoLeak(secret, around, String.valueOf(note));
        }
        for (int l = 1; l < LAYOUTS.length; l++) {
            final JsonNode line = JsonLines.parse(decode(LAYOUTS[l].toByteArray(event)));
            line.fields().forEachRemaining(member -> assertNoLeak(secret, around, member.getValue().asText()));
        }
    }

    /** No eight characters of the secret in the output, unless the text around it had them already. */
    private static void assertNoLeak(final String secret, final String around, final String output) {
        final String unmasked = SecretCorpus.withoutMasks(output);
        for (int i = 0; i + 8 <= secret.length(); i++) {
            final String piece = secret.substring(i, i + 8);
            assertThat(unmasked.contains(piece) && !around.contains(piece)).as("%s of %s in %s", piece, secret, output).isFalse();
        }
    }

    private static LogEvent event(final FuzzedDataProvider data) {
        final String text = data.consumeString(200);
        final String key = data.consumeString(24);
        final String value = data.consumeString(120);
        final Message message;
        switch (data.consumeInt(0, 3)) {
            case 0:
                message = new ParameterizedMessage(text, value, data.consumeLong());
                break;
            case 1:
                message = Narration.action(key).target(value).human(text, value).cute(value).story(text)
                        .field(key, value).field(value, data.consumeDouble()).field("n", data.consumeLong());
                break;
            case 2:
                message = new StringMapMessage().with("message", text).with(key, value).with("target", value);
                break;
            default:
                message = new ParameterizedMessage("{} and {}", text, new Object() {
                    @Override
                    public String toString() {
                        throw new IllegalStateException(value);
                    }
                });
        }
        return Log4jLogEvent.newBuilder().setLoggerName(key.isEmpty() ? "com.acme.Fuzz" : key).setLevel(Level.ERROR)
                .setThreadName(value).setMessage(message).setContextData(context(key, value))
                .setThrown(data.consumeBoolean() ? chain(data, text) : null).build();
    }

    /** A chain of causes and suppressed exceptions shaped by the input: deep, wide, shared, cyclic. */
    private static Throwable chain(final FuzzedDataProvider data, final String message) {
        final int size = data.consumeInt(1, 90);
        final Exception[] throwables = new Exception[size];
        for (int i = 0; i < size; i++) {
            throwables[i] = new Exception(i == 0 ? message : data.consumeString(30));
        }
        for (int i = 1; i < size; i++) {
            final Exception parent = throwables[data.consumeInt(0, i - 1)];
            if (data.consumeBoolean() && parent.getCause() == null) {
                parent.initCause(throwables[i]);
            } else {
                parent.addSuppressed(throwables[i]);
            }
        }
        // Links back up the chain: cycles, and throwables reached from two parents.
        for (int links = data.consumeInt(0, 4); links > 0 && size > 1; links--) {
            final int from = data.consumeInt(1, size - 1);
            final int to = data.consumeInt(0, size - 1);
            if (from != to) {
                throwables[from].addSuppressed(throwables[to]);
            }
        }
        return throwables[0];
    }

    private static StringMap context(final String key, final String value) {
        final StringMap context = ContextDataFactory.createContextData(2);
        context.putValue(key, value);
        context.putValue("correlation_id", value);
        return context;
    }

    private static String decode(final byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("not valid UTF-8", e);
        }
    }
}
