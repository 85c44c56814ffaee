package dev.narration.redact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Narration;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.SecretCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.message.StringMapMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The generated corpus through real Log4j configurations: every kind of secret in every embedding context, at
 * every level, must leave no 6-character piece of itself in the bytes written, whether redaction runs in the
 * Rewrite appender (in front of a PatternLayout and a NarrationJsonLayout) or inside NarrationJsonLayout.
 */
public class RedactionCorpusTest {
    static final String POLICY_CONFIG = "<Configuration status='WARN'><Appenders>"
            + "<File name='pattern' fileName='${dir}/pattern.log'><PatternLayout pattern='%level %m | %X | %x | %ex%n'/></File>"
            + "<File name='json' fileName='${dir}/out.jsonl'><NarrationJsonLayout/></File>"
            + "<Rewrite name='redacted'><RedactionRewritePolicy name='corpus-policy'/>"
            + "<AppenderRef ref='pattern'/><AppenderRef ref='json'/></Rewrite>"
            + "</Appenders><Loggers><Root level='TRACE'><AppenderRef ref='redacted'/></Root></Loggers></Configuration>";

    static final String LAYOUT_CONFIG = "<Configuration status='WARN'><Appenders>"
            + "<File name='json' fileName='${dir}/out.jsonl'><NarrationJsonLayout><Redaction name='corpus-layout'/></NarrationJsonLayout></File>"
            + "</Appenders><Loggers><Root level='TRACE'><AppenderRef ref='json'/></Root></Loggers></Configuration>";

    private static final Level[] LEVELS = {Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR, Level.FATAL};

    /** Where a secret sits in an event. {@code keyless} contexts drop the key, so keyed kinds skip them. */
    public enum Embedding {
        PROSE(true, (k, v) -> "deploying with " + v + " today"),
        KEY_EQUALS(false, (k, v) -> "config " + k + "=" + v + " loaded"),
        KEY_COLON(false, (k, v) -> "config " + k + ": " + v),
        JSON(false, (k, v) -> "{\"user\":\"bob\",\"" + k + "\":\"" + jsonEscape(v) + "\"}"),
        JSON_SPACED(false, (k, v) -> "{ \"" + k + "\" : \"" + jsonEscape(v) + "\" }"),
        MAP_RENDERING(false, (k, v) -> "{user=bob, " + k + "=" + v + ", region=eu}"),
        ARROW(false, (k, v) -> "{:user => \"bob\", \"" + k + "\" => \"" + v + "\"}"),
        URL_QUERY(false, (k, v) -> "GET /cb?state=xyz&" + k + "=" + v + "&lang=en HTTP/1.1"),
        HEADER(false, (k, v) -> k + ": " + v + "\r\nAccept: */*"),
        SINGLE_QUOTED(false, (k, v) -> k + "='" + v + "' applied"),
        DOUBLE_QUOTED(false, (k, v) -> k + "=\"" + v + "\" applied"),
        BRACKETED(false, (k, v) -> "[" + k + "=" + v + "]"),
        FOLLOWED_BY_COMMA(false, (k, v) -> "x " + k + "=" + v + ", more"),
        FOLLOWED_BY_SEMICOLON(false, (k, v) -> "x " + k + "=" + v + "; more"),
        FOLLOWED_BY_PERIOD(false, (k, v) -> "x " + k + "=" + v + ". More"),
        FOLLOWED_BY_PARENTHESIS(false, (k, v) -> "(" + k + "=" + v + ") more"),
        FOLLOWED_BY_BRACKET(false, (k, v) -> "[x " + k + "=" + v + "] more"),
        FOLLOWED_BY_BRACE(false, (k, v) -> "{" + k + "=" + v + "} more"),
        FOLLOWED_BY_AMPERSAND(false, (k, v) -> "?" + k + "=" + v + "&more=1"),
        END_OF_LINE(false, (k, v) -> "loaded " + k + "=" + v),
        JSON_ESCAPED(false, (k, v) -> "body=\"{\\\"" + k + "\\\":\\\"" + jsonEscape(jsonEscape(v)) + "\\\"}\""),
        URL_ENCODED(false, (k, v) -> "next=" + URLEncoder.encode(k + "=" + v, StandardCharsets.UTF_8) + "&x=1"),
        PARAMETERIZED(false, null),
        NARRATION_HUMAN(false, null),
        NARRATION_FIELD(false, null),
        MAP_MESSAGE_VALUE(false, null),
        CONTEXT_VALUE(false, null),
        CONTEXT_STACK(true, null),
        MULTILINE_EXCEPTION(false, null),
        CAUSED_BY_CHAIN(false, null),
        SUPPRESSED(false, null);

        public final boolean keyless;
        private final java.util.function.BinaryOperator<String> text;

        Embedding(final boolean keyless, final java.util.function.BinaryOperator<String> text) {
            this.keyless = keyless;
            this.text = text;
        }

        /** The line this context writes for a key and value, or {@code null} for contexts beyond the message text. */
        public String line(final String k, final String v) {
            return text == null ? null : text.apply(k, v);
        }

        void log(final Logger logger, final Level level, final String k, final String v) {
            switch (this) {
                case PARAMETERIZED:
                    logger.log(level, "applying {}={} now", k, v);
                    return;
                case NARRATION_HUMAN:
                    logger.log(level, Narration.action("connect").human("using {}={}", k, v));
                    return;
                case NARRATION_FIELD:
                    logger.log(level, Narration.action("connect").human("connecting").field(k, v));
                    return;
                case MAP_MESSAGE_VALUE:
                    logger.log(level, new StringMapMessage().with("message", "login").with(k, v));
                    return;
                case CONTEXT_VALUE:
                    ThreadContext.put(k, v);
                    logger.log(level, "clean message");
                    ThreadContext.remove(k);
                    return;
                case CONTEXT_STACK:
                    ThreadContext.push(v);
                    logger.log(level, "clean message");
                    ThreadContext.pop();
                    return;
                case MULTILINE_EXCEPTION:
                    logger.log(level, "operation failed",
                            new IllegalStateException("connect failed\n  " + k + "=" + v + "\n  retry=3"));
                    return;
                case CAUSED_BY_CHAIN:
                    logger.log(level, "operation failed", new RuntimeException("outer",
                            new IllegalStateException("middle", new IOException("inner " + k + "=" + v))));
                    return;
                case SUPPRESSED:
                    final Exception primary = new IllegalStateException("close failed");
                    primary.addSuppressed(new IOException("while closing " + k + ": " + v));
                    logger.log(level, "operation failed", primary);
                    return;
                default:
                    logger.log(level, text.apply(k, v));
            }
        }
    }

    @AfterEach
    void clearContext() {
        ThreadContext.clearAll();
    }

    @Test
    void noSecretSurvivesTheRewritePolicy() {
        final int events = assertNoLeak(POLICY_CONFIG, false, "pattern.log", "out.jsonl");
        assertThat(Redactor.metricsOf("corpus-policy").getTotal()).isGreaterThanOrEqualTo(events);
    }

    @Test
    void noSecretSurvivesTheLayout() {
        assertNoLeak(LAYOUT_CONFIG, false, "out.jsonl");
        assertThat(Redactor.metricsOf("corpus-layout").getTotal()).isPositive();
    }

    @Test
    void noSecretSurvivesTheLayoutOnAsyncLoggers() {
        assertNoLeak(LAYOUT_CONFIG, true, "out.jsonl");
    }

    @Test
    void lookAlikesPassThroughBothUnchanged() {
        for (final String config : List.of(POLICY_CONFIG, LAYOUT_CONFIG)) {
            final List<String> lines = SecretCorpus.lookAlikes(7);
            final List<JsonNode> written;
            try (Log4jFixture log4j = Log4jFixture.sync(config)) {
                final Logger logger = log4j.logger("com.acme.Service");
                for (final String line : lines) {
                    logger.info(line);
                }
                written = JsonLines.parseAll(log4j.stopAndReadLines("out.jsonl"));
            }
            assertThat(written).hasSameSizeAs(lines);
            for (int i = 0; i < lines.size(); i++) {
                assertThat(written.get(i).get("human").asText()).isEqualTo(lines.get(i));
            }
        }
    }

    /** Logs every sample in every context and returns how many events were logged. */
    private static int assertNoLeak(final String config, final boolean async, final String... files) {
        final List<SecretCorpus.Sample> samples = SecretCorpus.samples(20_26, 3);
        final String output;
        int events = 0;
        try (Log4jFixture log4j = async ? Log4jFixture.allAsync(config) : Log4jFixture.sync(config)) {
            final Logger logger = log4j.logger("com.acme.Service");
            for (final SecretCorpus.Sample sample : samples) {
                for (final Embedding embedding : Embedding.values()) {
                    if (embedding.keyless && sample.kind.keyed) {
                        continue;
                    }
                    embedding.log(logger, LEVELS[events % LEVELS.length], sample.key, sample.value);
                    events++;
                }
            }
            log4j.context().stop();
            final StringBuilder all = new StringBuilder();
            for (final String file : files) {
                all.append(read(log4j, file));
            }
            output = all.toString();
        }
        assertThat(JsonLines.parseAll(List.of(output.substring(output.lastIndexOf("{\"@timestamp\"")).trim()))).hasSize(1);
        final List<String> leaks = leaks(samples, output);
        assertThat(leaks).as("leaks in " + output.length() + " characters of output").isEmpty();
        return events;
    }

    private static String read(final Log4jFixture log4j, final String file) {
        try {
            return new String(Files.readAllBytes(log4j.dir().resolve(file)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One pass over the output, looking up every 6-character window among all secrets' windows. */
    static List<String> leaks(final List<SecretCorpus.Sample> samples, final String output) {
        final Map<String, SecretCorpus.Sample> pieces = new HashMap<>();
        for (final SecretCorpus.Sample sample : samples) {
            for (int i = 0; i + 6 <= sample.secret.length(); i++) {
                pieces.put(sample.secret.substring(i, i + 6), sample);
            }
        }
        final String text = SecretCorpus.withoutMasks(output);
        final List<String> leaks = new ArrayList<>();
        for (int i = 0; i + 6 <= text.length() && leaks.size() < 20; i++) {
            final SecretCorpus.Sample sample = pieces.get(text.substring(i, i + 6));
            if (sample != null) {
                final int lineStart = text.lastIndexOf('\n', i) + 1;
                final int lineEnd = text.indexOf('\n', i);
                leaks.add(sample.kind + " piece " + text.substring(i, i + 6) + " in: "
                        + text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd));
                i = lineEnd < 0 ? text.length() : lineEnd;
            }
        }
        return leaks;
    }

    static String jsonEscape(final String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r");
    }

    static Function<String, String> identity() {
        return Function.identity();
    }
}
