package dev.narration.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.internal.event.MessagePieces;
import dev.narration.internal.layout.LineWriter;
import dev.narration.internal.redact.ScanBuffer;
import dev.narration.layout.NarrationJsonLayout;
import dev.narration.redact.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.ReusableParameterizedMessage;
import org.junit.jupiter.api.Test;

/**
 * A parameterized message's text is written from its format's pieces, escaped once per format, and its arguments
 * escaped between them ({@link EscapedFormat}). The bytes must be exactly those of escaping the whole text: quotes,
 * control characters, non-ASCII, surrogate pairs that a placeholder splits, lone halves, empty pieces and arguments.
 */
class EscapedFormatTest {
    /**
     * Formats at the edges of writing pieces apart, with their arguments: pieces that a surrogate pair of the text
     * straddles, and pieces too long, escaped, to be kept.
     */
    private static final Object[][] EDGE_FORMATS = {
        {"x\uD83C{}y", "\uDF89"}, // the pair's high half ends a piece
        {"{}\uDF89z", "a\uD83C"}, // its low half starts one
        {"{}{}!", "\uD83C", "\uDF89"}, // the two halves in two arguments, with an empty piece between them
        {"ok {} \uD83C\uDF89 {}", "\uD83C", "\uDF89"}, // a whole pair inside a piece, lone halves around it
        {"{} " + "\u0001".repeat(700) + " {}", "a", "\"b\""}, // 4,200 bytes escaped: over EscapedFormat.MAX_BYTES
    };

    @Test
    void aTextWrittenFromItsFormatsPiecesHasTheBytesOfTheWholeTextEscaped() {
        final SplittableRandom random = new SplittableRandom(2026_11_21L);
        final ScanBuffer buffer = new ScanBuffer();
        final JsonLine fromPieces = new JsonLine(16); // small, so that growing is exercised too
        final JsonLine whole = new JsonLine(16);
        final StringBuilder text = new StringBuilder();
        final List<Object[]> cases = new ArrayList<>();
        for (int f = 0; f < 400; f++) {
            final StringBuilder format = new StringBuilder(piece(random));
            final int placeholders = random.nextInt(1, 5);
            for (int p = 0; p < placeholders; p++) {
                format.append("{}").append(random.nextInt(4) == 0 ? "" : piece(random));
            }
            final String formatString = format.toString(); // one object: templates are found by identity
            for (int event = 0; event < 6; event++) {
                final Object[] arguments = new Object[placeholders];
                for (int a = 0; a < placeholders; a++) {
                    arguments[a] = event % 3 == 2 ? format.substring(0, random.nextInt(format.length() + 1))
                            : JsonLineTest.randomText(random, random.nextInt(0, 6));
                }
                final Object[] sample = new Object[placeholders + 1];
                sample[0] = formatString;
                System.arraycopy(arguments, 0, sample, 1, placeholders);
                cases.add(sample);
            }
        }
        for (final Object[] pair : EDGE_FORMATS) {
            for (int round = 0; round < 3; round++) {
                cases.add(pair);
            }
        }
        int written = 0;
        int edgeFormatsWritten = 0;
        for (final Object[] sample : cases) {
            final Message message = message(sample, written % 2 == 0);
            text.setLength(0);
            text.append(message.getFormattedMessage());
            final MessagePieces pieces = buffer.piecesIn(message, text);
            if (pieces == null) {
                continue;
            }
            fromPieces.setLength(0);
            fromPieces.escaped(buffer.copyOf(text), text.length(), pieces);
            whole.setLength(0);
            whole.escaped(text.toString());
            assertThat(fromPieces.toString()).as("format %s, text %s", sample[0], text).isEqualTo(whole.toString());
            assertThat(fromPieces.toByteArray()).isEqualTo(whole.toByteArray());
            written++;
            if (isEdgeFormat(sample)) {
                edgeFormatsWritten++;
            }
        }
        assertThat(written).isGreaterThan(1_500);
        assertThat(edgeFormatsWritten).isEqualTo(2 * EDGE_FORMATS.length); // each split from its second event on
        assertThat(6 * 700).isGreaterThan(EscapedFormat.MAX_BYTES);
    }

    /** Through the layout, with and without redaction, whole and cut by {@code maxStringLength}. */
    @Test
    void theLayoutWritesAParameterizedMessageAsItsWholeTextRedactedAndCut() {
        final Redactor redactor = Redactor.newBuilder().setName("escaped-format").build();
        final String secret = "password=hunter22x";
        // Short and long ones: without redaction, texts under 64 characters are escaped whole.
        final String[] formats = {"Accepted job {} from {}; queued at \"{}\"", "{}", "résumé {} → {}\n\ttab",
            "{}={}", "x\uD83C{}y", "payload: {} ({} bytes)",
            "Accepted request for job-{} from pool-a; queued at \"position\" {} of 17, predicted start in {} ms",
            "{}{}\u2028 a long piece with an emoji \uD83C\uDF89, a tab\t and a quote \" after two arguments: {}"};
        final SplittableRandom random = new SplittableRandom(5);
        for (final int maxStringLength : new int[] {0, 24}) {
            final NarrationJsonLayout plain = layout(null, maxStringLength);
            final NarrationJsonLayout redacting = layout(redactor, maxStringLength);
            int secrets = 0;
            for (int event = 0; event < 3_000; event++) {
                final String format = formats[random.nextInt(formats.length)];
                final Object[] sample = new Object[4];
                sample[0] = format;
                for (int a = 1; a < sample.length; a++) {
                    sample[a] = random.nextInt(12) == 0 ? secret
                            : random.nextBoolean() ? Integer.toString(random.nextInt(1_000))
                            : JsonLineTest.randomText(random, random.nextInt(0, 8));
                }
                final Message message = message(sample, event % 2 == 0);
                final String text = message.getFormattedMessage();
                final LogEvent logEvent = Log4jLogEvent.newBuilder().setLoggerName("com.acme.Jobs")
                        .setLevel(Level.INFO).setMessage(message).setTimeMillis(1_700_000_000_000L).build();
                if (text.isEmpty()) {
                    assertThat(line(plain, logEvent)).doesNotContain("\"human\"");
                    continue;
                }
                assertThat(line(plain, logEvent)).contains(human(text, maxStringLength));
                final String redacted = redactor.redact(text);
                assertThat(line(redacting, logEvent)).contains(human(redacted, maxStringLength))
                        .doesNotContain("hunter22x");
                if (redacted != text) {
                    secrets++;
                }
            }
            assertThat(secrets).isGreaterThan(100);
        }
    }

    /** A piece of a format: random text, mostly without the backslash that keeps a format from being split. */
    private static String piece(final SplittableRandom random) {
        final String text = JsonLineTest.randomText(random, random.nextInt(0, 14));
        return random.nextInt(10) == 0 ? text : text.replace('\\', '/');
    }

    private static Message message(final Object[] sample, final boolean reusable) {
        final Object[] arguments = new Object[sample.length - 1];
        System.arraycopy(sample, 1, arguments, 0, arguments.length);
        return reusable ? new ReusableParameterizedMessage().set((String) sample[0], arguments)
                : new ParameterizedMessage((String) sample[0], arguments);
    }

    private static boolean isEdgeFormat(final Object[] sample) {
        for (final Object[] pair : EDGE_FORMATS) {
            if (pair == sample) {
                return true;
            }
        }
        return false;
    }

    private static NarrationJsonLayout layout(final Redactor redactor, final int maxStringLength) {
        return NarrationJsonLayout.newBuilder().setConfiguration(new DefaultConfiguration()).setServiceName("svc")
                .setRedaction(redactor).setMaxStringLength(maxStringLength).build();
    }

    private static String line(final NarrationJsonLayout layout, final LogEvent event) {
        return new String(layout.toByteArray(event), StandardCharsets.UTF_8);
    }

    /** The human member as escaping the whole text writes it, cut as the layout cuts it. */
    private static String human(final String text, final int maxStringLength) {
        final JsonLine expected = new JsonLine(16);
        expected.append("\"human\":\"");
        expected.escaped(text, maxStringLength, LineWriter.TRUNCATION_SUFFIX);
        return expected.append('"').toString();
    }
}
