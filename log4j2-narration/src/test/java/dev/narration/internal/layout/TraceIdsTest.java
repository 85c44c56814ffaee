package dev.narration.internal.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.internal.json.JsonLine;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The conversions of trace context values for the backends, against the JDK's arithmetic. */
class TraceIdsTest {
    @Test
    void unsignedDecimalsAreTheJdksForEdgesAndRandomValues() {
        final Random random = new Random(2026_12_02L);
        final long[] values = new long[1_000];
        values[0] = 0;
        values[1] = -1;
        values[2] = Long.MIN_VALUE;
        values[3] = Long.MAX_VALUE;
        values[4] = Long.MIN_VALUE + 9;
        for (int i = 5; i < values.length; i++) {
            values[i] = random.nextLong();
        }
        for (final long value : values) {
            final JsonLine out = new JsonLine(32);
            TraceIds.appendUnsigned(out, value);
            assertThat(out.toString()).isEqualTo(Long.toUnsignedString(value));
        }
    }

    @Test
    void theLower64BitsOfAHexIdAsDatadogWantsThem() {
        final Random random = new Random(7);
        for (int i = 0; i < 200; i++) {
            final String traceId = String.format("%032x", new BigInteger(128, random));
            final JsonLine out = new JsonLine(32);
            assertThat(TraceIds.appendLow64Decimal(out, traceId)).isTrue();
            assertThat(out.toString()).isEqualTo(new BigInteger(traceId.substring(16), 16).toString());
        }
        final JsonLine upper = new JsonLine(32);
        assertThat(TraceIds.appendLow64Decimal(upper, "00F067AA0BA902B7")).isTrue();
        assertThat(upper.toString()).isEqualTo(Long.toString(0x00f067aa0ba902b7L));
        for (final String invalid : new String[] {"", "abc", "00f067aa0ba902b", "00f067aa0ba902bz",
                "g0000000000000000000000000000000", "4bf92f3577b34da6a3ce929d0e0e47361"}) {
            final JsonLine out = new JsonLine(32);
            assertThat(TraceIds.appendLow64Decimal(out, invalid)).as(invalid).isFalse();
            assertThat(out.length()).isZero();
        }
        assertThat(TraceIds.appendLow64Decimal(new JsonLine(8), null)).isFalse();
    }

    @Test
    void traceFlagsAreTwoHexDigits() {
        assertThat(TraceIds.flags("01")).isEqualTo(1);
        assertThat(TraceIds.flags("00")).isZero();
        assertThat(TraceIds.flags("ff")).isEqualTo(255);
        assertThat(TraceIds.flags("0A")).isEqualTo(10);
        assertThat(TraceIds.flags(null)).isEqualTo(-1);
        assertThat(TraceIds.flags("1")).isEqualTo(-1);
        assertThat(TraceIds.flags("0x")).isEqualTo(-1);
        assertThat(TraceIds.flags("001")).isEqualTo(-1);
    }
}
