package dev.narration.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.internal.event.MessagePieces;
import dev.narration.redact.RedactionRule;
import dev.narration.redact.Redactor;
import dev.narration.testsupport.SecretCorpus;
import java.util.List;
import java.util.Random;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ObjectMessage;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

/** The engine's buffer-taking calls, which the layout and the rewrite policy make, and its entropy measure. */
class RedactionEngineTest {
    private static final RedactionEngine ENGINE = EngineAccess.of(Redactor.newBuilder().setName("RedactionEngineTest").build());

    @Test
    void everyRandomSecretKeyAfterAKeyIdIsMaskedWhateverItsEntropy() {
        final Random random = new Random(7);
        double lowest = Double.MAX_VALUE;
        double sum = 0;
        final int draws = 100_000;
        for (int i = 0; i < draws; i++) {
            final String secret = SecretCorpus.chars(random, SecretCorpus.B64_CHARS, 40);
            assertThat(ENGINE.redact("AKIA2OGYBAH6TGRNW3FQ," + secret))
                    .isEqualTo("[REDACTED:aws-access-key-id],[REDACTED:aws-secret-key]");
            final double bits = Entropy.bitsPerChar(secret.toCharArray(), 0, 40);
            lowest = Math.min(lowest, bits);
            sum += bits;
        }
        System.out.printf("Random 40-character keys: %.2f bits per character on average, %.2f at the lowest (%d draws)%n",
                sum / draws, lowest, draws);
        // The margin docs/redaction.md states: the threshold (3.5) sits well below any random key.
        assertThat(lowest).isGreaterThan(4.0);
        assertThat(Entropy.bitsPerChar("EXAMPLEKEYEXAMPLEKEYEXAMPLEKEYEXAMPLEKEY".toCharArray(), 0, 40)).isLessThan(3.0);
        assertThat(Entropy.bitsPerChar("3f786850e387550fdab836ed7e6dc881de23001b".toCharArray(), 0, 40))
                .isLessThanOrEqualTo(4.0);
    }

    @Test
    void aBufferRemembersCleanStringsPerRedactorOnly() {
        final RedactionEngine strict = EngineAccess.of(Redactor.newBuilder().setName("strict")
                .setRules(RedactionRule.newBuilder().setName("job").setPattern("job-\\d+").setKeywords("job-").build()).build());
        final ScanBuffer buffer = new ScanBuffer();
        final StringBuilder out = new StringBuilder();
        final String value = "job-123";
        assertThat(ENGINE.isCleanRecurring(value, buffer)).isTrue();
        assertThat(ENGINE.isCleanRecurring(value, buffer)).isTrue();
        assertThat(strict.isCleanRecurring(value, buffer)).isFalse();
        assertThat(strict.redactRecurring(value, out, buffer).toString()).isEqualTo("[REDACTED:job]");
        assertThat(ENGINE.redactRecurring(value, out, buffer)).isSameAs(value);
        assertThat(strict.redactRecurring(value, out, buffer).toString()).isEqualTo("[REDACTED:job]");
        assertThat(ENGINE.maskForKey("correlation_id", buffer)).isNull();
        assertThat(strict.maskForKey("password", buffer)).isEqualTo("[REDACTED:password]");
        assertThat(ENGINE.maskForKey("password", buffer)).isEqualTo("[REDACTED:password]");
    }

    /**
     * redactMessage: a clean text with its format's content comes back as the format (remembered); a text that
     * differs from its format, even in one character of the same length, is scanned; secrets are masked every time.
     */
    @Test
    void aMessageIsRememberedByItsFormatOnlyWhenItsTextHasTheFormatsContent() {
        final RedactionEngine counted = EngineAccess.of(Redactor.newBuilder().setName("message-format").build());
        final ScanBuffer buffer = new ScanBuffer();
        final StringBuilder out = new StringBuilder();
        final String format = "Cache warmed in 42 ms";
        assertThat(counted.redactMessage(new SimpleMessage(format), new StringBuilder(format), out, buffer)).isSameAs(format);
        assertThat(counted.redactMessage(new SimpleMessage(format), new StringBuilder(format), out, buffer)).isSameAs(format);
        final StringBuilder formatted = new StringBuilder("Cache warmed in 43 ms");
        assertThat(counted.redactMessage(new SimpleMessage(format), formatted, out, buffer)).isSameAs(formatted);

        final String secret = "retry with password=hunter2";
        final String sameLength = "retry with password=hunter3";
        for (int i = 0; i < 2; i++) {
            assertThat(counted.redactMessage(new SimpleMessage(secret), new StringBuilder(secret), out, buffer).toString())
                    .isEqualTo("retry with password=[REDACTED:password]");
            assertThat(counted.redactMessage(new SimpleMessage(secret), new StringBuilder(sameLength), out, buffer).toString())
                    .isEqualTo("retry with password=[REDACTED:password]");
        }
        final String clean = "retry with parameter=hunter2";
        assertThat(counted.redactMessage(new SimpleMessage(clean), new StringBuilder(clean), out, buffer)).isSameAs(clean);
        final String dirtyTwin = "retry with password=hunter2!";
        assertThat(dirtyTwin).hasSameSizeAs(clean);
        assertThat(counted.redactMessage(new SimpleMessage(clean), new StringBuilder(dirtyTwin), out, buffer).toString())
                .isEqualTo("retry with password=[REDACTED:password]");
        assertThat(counted.redactMessage(null, "token=abc123", out, buffer).toString()).isEqualTo("token=[REDACTED:token]");
        assertThat(counted.counts().count("password")).isEqualTo(5);
    }

    /** The docs' {@code redactMessage} example (docs/redaction.md). */
    @Test
    void theDocsRedactMessageExampleReturnsTheConstantFormat() {
        final RedactionEngine redactor = EngineAccess.of(Redactor.newBuilder().setName("tool-message").build());
        final ScanBuffer buffer = new ScanBuffer();
        final StringBuilder out = new StringBuilder();
        final Message message = new SimpleMessage("Cache warmed");
        final StringBuilder text = new StringBuilder();
        text.append(message.getFormattedMessage());
        final CharSequence safe = redactor.redactMessage(message, text, out, buffer);
        assertThat(safe).isSameAs(message.getFormat()).hasToString("Cache warmed");
        assertThat(redactor.redactMessage(message, text, out, buffer)).isSameAs(message.getFormat());
    }

    /** The docs' {@code ScanBuffer.fill} example (docs/redaction.md), for each kind of text it copies in bulk or not. */
    @Test
    void aBufferCopiesThePrefixOfAnyTextIntoItsReusedArray() {
        final ScanBuffer buffer = new ScanBuffer();
        final char[] chars = buffer.fill("token=abc", 5);
        assertThat(new String(chars, 0, 5)).isEqualTo("token");
        assertThat(buffer.fill(new StringBuilder("secret"), 6)).isSameAs(chars).startsWith('s', 'e', 'c', 'r', 'e', 't');
        assertThat(buffer.fill(java.nio.CharBuffer.wrap("key"), 3)).isSameAs(chars).startsWith('k', 'e', 'y');
        final char[] longer = buffer.fill("x".repeat(4_000), 4_000);
        assertThat(longer).hasSizeGreaterThanOrEqualTo(4_000).startsWith('x');
        assertThat(buffer.fill("ab", 2)).isSameAs(longer); // grown once, then reused
    }

    /** The docs' {@code ScanBuffer.copyOf} example: the last fill's copy, only for that very text, whole. */
    @Test
    void aBufferGivesItsCopyOfATextOnlyForTheTextItLastCopiedWhole() {
        final RedactionEngine redactor = EngineAccess.of(Redactor.newBuilder().setName("tool-copy").build());
        final ScanBuffer buffer = new ScanBuffer();
        final StringBuilder out = new StringBuilder();
        final StringBuilder text = new StringBuilder("Accepted job 7 from pool-a");
        final CharSequence safe = redactor.redact(text, out, buffer);
        assertThat(safe).isSameAs(text);
        final char[] copy = buffer.copyOf(text);
        assertThat(new String(copy, 0, text.length())).isEqualTo("Accepted job 7 from pool-a");
        assertThat(buffer.copyOf(new StringBuilder(text))).as("another object of the same content").isNull();
        text.append('!');
        assertThat(buffer.copyOf(text)).as("a text longer than its copy").isNull();
        buffer.fill(text, 5);
        assertThat(buffer.copyOf(text)).as("a part of the text copied").isNull();
        buffer.fill("other", 5);
        assertThat(buffer.copyOf(text)).as("another text copied since").isNull();
        assertThat(buffer.copyOf("other")).isSameAs(copy);
        final String longText = "x".repeat(20_000);
        buffer.fill(longText, longText.length());
        assertThat(buffer.copyOf(longText)).as("a text too long for the reused array").isNull();
    }

    /**
     * The docs' {@code ScanBuffer.piecesIn} example: where a parameterized message's format pieces lie in its text,
     * once the text is compared with them; the copy it gives is always of the text as it is now, even for the
     * {@code StringBuilder} an encoder reuses for every event.
     */
    @Test
    void aBufferFindsTheFormatsPiecesInATextAndNeverGivesAnEarlierCopy() {
        final ScanBuffer buffer = new ScanBuffer();
        final StringBuilder text = new StringBuilder("Job 7 queued at 3");
        final Message message = new ParameterizedMessage("Job {} queued at {}", 7, 3);
        assertThat(buffer.piecesIn(message, text)).as("a format met for the first time").isNull();
        final MessagePieces pieces = buffer.piecesIn(message, text);
        assertThat(pieces).isNotNull();
        assertThat(pieces.format()).isSameAs(message.getFormat());
        assertThat(pieces.pieces()).isEqualTo(3);
        assertThat(List.of(pieces.textStart(0), pieces.textStart(1), pieces.textStart(2))).containsExactly(0, 5, 17);
        assertThat(List.of(pieces.formatStart(1), pieces.formatEnd(1))).containsExactly(6, 17);
        assertThat(pieces.formatEnd(2)).isEqualTo(pieces.formatStart(2)); // the empty piece after the last {}
        assertThat(new String(buffer.copyOf(text), 0, text.length())).isEqualTo("Job 7 queued at 3");

        text.setLength(0);
        text.append("Job 8 queued at 4"); // the same object and length, other content
        assertThat(buffer.piecesIn(new ParameterizedMessage("Job {} queued at {}", 8, 4), text)).isNotNull();
        assertThat(new String(buffer.copyOf(text), 0, text.length())).isEqualTo("Job 8 queued at 4");
        text.setCharAt(1, 'a');
        assertThat(buffer.piecesIn(message, text)).as("a text without the pieces").isNull();
        assertThat(new String(buffer.copyOf(text), 0, text.length())).isEqualTo("Jab 8 queued at 4");
        text.setCharAt(1, 'o');
        assertThat(buffer.piecesIn(new SimpleMessage("Job 8 queued at 4"), text)).as("no placeholder").isNull();
        assertThat(buffer.copyOf(text)).as("no copy made by this call, so none given").isNull();
        assertThat(buffer.piecesIn(null, text)).isNull();
        assertThat(buffer.copyOf(text)).isNull();
        // An ObjectMessage would render its object again to give its format: it is not asked.
        final int[] renderings = {0};
        final Object job = new Object() {
            @Override
            public String toString() {
                renderings[0]++;
                return "Job {} queued at {}";
            }
        };
        assertThat(buffer.piecesIn(new ObjectMessage(job), text)).isNull();
        assertThat(renderings[0]).isZero();
    }

    /** After redaction found a message clean around its arguments, its pieces are given without comparing again. */
    @Test
    void redactionLeavesThePiecesItFoundForTheEncoder() {
        final RedactionEngine redactor = EngineAccess.of(Redactor.newBuilder().setName("tool-pieces").build());
        final ScanBuffer buffer = new ScanBuffer();
        final StringBuilder out = new StringBuilder();
        final String format = "Accepted job {} from {}";
        for (int event = 0; event < 3; event++) {
            final StringBuilder text = new StringBuilder("Accepted job " + event + " from pool-a");
            final Message message = new ParameterizedMessage(format, event, "pool-a");
            assertThat(redactor.redactMessage(message, text, out, buffer)).isSameAs(text);
            final MessagePieces found = buffer.foundIn(text);
            if (event > 0) { // split from the second event on
                assertThat(found).isNotNull();
                assertThat(found.textStart(1)).isEqualTo(14);
            }
            assertThat(buffer.foundIn(new StringBuilder(text))).as("another text").isNull();
        }
        final StringBuilder secret = new StringBuilder("Accepted job 9 from password=hunter22");
        final CharSequence safe = redactor.redactMessage(
                new ParameterizedMessage(format, 9, "password=hunter22"), secret, out, buffer);
        assertThat(safe).isSameAs(out);
        assertThat(buffer.foundIn(secret)).as("scanned in full, not shown clean around its arguments").isNull();
    }
}
