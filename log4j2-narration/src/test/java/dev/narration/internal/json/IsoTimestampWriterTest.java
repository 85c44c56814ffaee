package dev.narration.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoTimestampWriterTest {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Test
    void agreesWithJavaTimeAcrossCalendarEdgesAndRepeatedSeconds() {
        final IsoTimestampWriter writer = new IsoTimestampWriter();
        final SplittableRandom random = new SplittableRandom(42);
        final long[] edges = {0L, -1L, 951_782_400L /* 2000-02-29 */, 1_709_164_799L, 1_709_164_800L /* 2024-02-29 */,
                4_102_444_799L /* 2099-12-31T23:59:59 */, 253_402_300_799L /* 9999-12-31T23:59:59 */, -62_135_596_800L};
        for (final long second : edges) {
            check(writer, second, 999_999_999);
            check(writer, second, 0);
        }
        for (int i = 0; i < 100_000; i++) {
            final long second = random.nextLong(-62_135_596_800L, 253_402_300_799L);
            check(writer, second, random.nextInt(1_000_000_000));
            check(writer, second, random.nextInt(1_000_000_000)); // same second again: the remembered prefix
        }
    }

    private static void check(final IsoTimestampWriter writer, final long second, final int nanos) {
        final JsonLine out = new JsonLine(8);
        writer.write(out, second, nanos);
        assertThat(out.toString()).isEqualTo(ISO.format(Instant.ofEpochSecond(second, nanos)));
    }
}
