package dev.narration.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The byte writer behind NarrationJsonLayout: every text comes back from a strict JSON parser as it went in. */
class JsonLineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Characters from every branch of the encoder: plain ASCII, escapes, 2- and 3-byte forms, pairs, lone halves. */
    private static final char[] ALPHABET = {
        'a', 'Z', '0', ' ', '.', '/', '"', '\\', '\n', '\r', '\t', '\b', '\f', '\u0000', '\u001f', '\u007f',
        'é', 'ß', '\u07ff', '\u0800', '日', '\u2028', '\u2029', '\uFFFD', '\uFFFF'
    };

    @Test
    void randomTextsRoundTripThroughAStrictParser() throws Exception {
        final SplittableRandom random = new SplittableRandom(7);
        final JsonLine line = new JsonLine(16); // small, so that growing is exercised too
        for (int i = 0; i < 20_000; i++) {
            final String text = randomText(random, random.nextInt(0, 90));
            line.setLength(0);
            line.append('"');
            if (i % 2 == 0) {
                line.escaped(text);
            } else {
                line.escaped(new StringBuilder(text));
            }
            line.append('"');
            final String decoded = strictUtf8(line.toByteArray());
            assertThat(decoded).doesNotContain("\u2028", "\u2029", "\n", "\r");
            assertThat(JSON.readValue(decoded, String.class)).as("text #%d", i).isEqualTo(withLoneSurrogatesReplaced(text));
        }
    }

    @Test
    void rememberedStringsAreWrittenExactlyAsEscapedOnes() {
        final JsonLine remembering = new JsonLine(64);
        final JsonLine plain = new JsonLine(64);
        final SplittableRandom random = new SplittableRandom(11);
        final List<String> strings = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            strings.add(randomText(random, random.nextInt(0, 120))); // some longer than a slot holds
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < strings.size(); i++) {
                final String text = strings.get(random.nextInt(strings.size()));
                remembering.setLength(0);
                remembering.escapedRecurring(text);
                plain.setLength(0);
                plain.escaped(text);
                assertThat(remembering.toByteArray()).isEqualTo(plain.toByteArray());
            }
        }
    }

    @Test
    void cutsAtTheLimitWithoutSplittingAPair() throws Exception {
        final JsonLine line = new JsonLine(8);
        line.escaped("abcdef", 3, "…");
        assertThat(line.toString()).isEqualTo("abc…");
        line.setLength(0);
        line.escaped("ab\uD83C\uDF89cd", 3, "…"); // the cut would fall inside the emoji
        assertThat(line.toString()).isEqualTo("ab…");
        line.setLength(0);
        line.escaped("abc", 3, "…");
        assertThat(line.toString()).isEqualTo("abc");
        line.setLength(0);
        line.escaped("a\"c", 0, "…");
        assertThat(line.toString()).isEqualTo("a\\\"c");
    }

    @Test
    void writesNumbersAsJavaDoes() {
        final JsonLine line = new JsonLine(4);
        final SplittableRandom random = new SplittableRandom(3);
        final long[] edges = {0, 1, -1, 9, 10, 99, 100, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1,
                999_999_999_999_999_999L, 1_000_000_000_000_000_000L};
        for (final long value : edges) {
            line.setLength(0);
            assertThat(line.append(value).toString()).isEqualTo(Long.toString(value));
        }
        for (int i = 0; i < 10_000; i++) {
            final long value = random.nextLong() >> random.nextInt(64);
            line.setLength(0);
            assertThat(line.append(value).toString()).isEqualTo(Long.toString(value));
        }
        line.setLength(0);
        assertThat(line.appendPadded(7, 3).append(true).append(false).toString()).isEqualTo("007truefalse");
    }

    @Test
    void paddedNumbersHaveExactlyTheirWidthOfDigits() {
        final JsonLine line = new JsonLine(4);
        final SplittableRandom random = new SplittableRandom(7);
        for (int width = 1; width <= 9; width++) {
            final int bound = (int) Math.pow(10, width);
            final int[] values = {0, 1, 9, bound / 10, bound - 1, random.nextInt(bound), random.nextInt(bound)};
            for (final int value : values) {
                line.setLength(0);
                final String digits = Integer.toString(value);
                assertThat(line.append('[').appendPadded(value, width).append(']').toString())
                        .as("%d in %d digits", value, width)
                        .isEqualTo("[" + "0".repeat(width - digits.length()) + digits + "]");
            }
        }
    }

    static String randomText(final SplittableRandom random, final int length) {
        final StringBuilder text = new StringBuilder(length + 2);
        while (text.length() < length) {
            switch (random.nextInt(8)) {
                case 0:
                    text.append("\uD83C\uDF89"); // a pair
                    break;
                case 1:
                    text.append(random.nextBoolean() ? '\uD83C' : '\uDF89'); // a lone half
                    break;
                case 2:
                case 3:
                    text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
                    break;
                default:
                    text.append((char) random.nextInt(0x20, 0x7f));
            }
        }
        return text.toString();
    }

    private static String withLoneSurrogatesReplaced(final String text) {
        final StringBuilder expected = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                expected.append(c).append(text.charAt(++i));
            } else {
                expected.append(Character.isSurrogate(c) ? JsonLine.REPLACEMENT : c);
            }
        }
        return expected.toString();
    }

    private static String strictUtf8(final byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    }
}
