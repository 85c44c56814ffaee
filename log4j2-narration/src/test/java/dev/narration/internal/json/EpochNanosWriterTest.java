package dev.narration.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EpochNanosWriterTest {
    private static final BigInteger BILLION = BigInteger.valueOf(1_000_000_000L);

    @Test
    void agreesWithExactArithmeticAcrossEdgesAndRepeatedSeconds() {
        final EpochNanosWriter writer = new EpochNanosWriter();
        final SplittableRandom random = new SplittableRandom(7);
        // 1 s: the first second whose digits lead; before it, 0 and negative seconds; the last second that fits.
        final long[] edges = {0L, 1L, 2L, -1L, 9L, 10L, 1_764_000_000L, 9_223_372_035L};
        for (final long second : edges) {
            check(writer, second, 0);
            check(writer, second, 5);
            check(writer, second, 999_999_999);
        }
        for (int i = 0; i < 100_000; i++) {
            final long second = random.nextLong(-1_000_000L, 9_223_372_035L);
            check(writer, second, random.nextInt(1_000_000_000));
            check(writer, second, random.nextInt(1_000_000_000)); // the same second again: its remembered digits
        }
    }

    private static void check(final EpochNanosWriter writer, final long second, final int nanos) {
        final JsonLine out = new JsonLine(8);
        writer.write(out, second, nanos);
        assertThat(out.toString()).isEqualTo(
                BigInteger.valueOf(second).multiply(BILLION).add(BigInteger.valueOf(nanos)).toString());
    }
}
