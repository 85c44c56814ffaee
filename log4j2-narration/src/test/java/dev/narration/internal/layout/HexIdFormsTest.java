package dev.narration.internal.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.internal.json.JsonLine;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * The forms of a trace or span id that the OTLP and Datadog schemas write, made once per id string: whatever was read
 * before, each read gives the forms of the value read, never an earlier one's.
 */
class HexIdFormsTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN_ID = "00f067aa0ba902b7";

    @Test
    void anIdsFormsAreItsLowercaseDigitsAndTheDecimalOfItsLower64Bits() {
        final HexIdForms forms = new HexIdForms();
        assertForms(forms.read(TRACE_ID), TRACE_ID);
        assertForms(forms.read(SPAN_ID), SPAN_ID);
        final String upper = "00F067AA0BA902B7";
        assertThat(lowercase(forms.read(upper))).isEqualTo(SPAN_ID);
        assertThat(decimal(forms)).isEqualTo(new BigInteger(SPAN_ID, 16).toString());
    }

    @Test
    void theSameStringReadAgainKeepsItsFormsAndEveryOtherValueGetsItsOwn() {
        final HexIdForms forms = new HexIdForms();
        final String first = TRACE_ID;
        final String second = "0af7651916cd43dd8448eb211c80319c";
        for (int i = 0; i < 3; i++) {
            assertForms(forms.read(first), first);
            assertForms(forms.read(first), first);
            assertForms(forms.read(second), second);
            assertForms(forms.read(new String(first.toCharArray())), first);
        }
    }

    @Test
    void aReusedBufferIsReadAfreshEachTime() {
        final HexIdForms forms = new HexIdForms();
        final StringBuilder buffer = new StringBuilder(TRACE_ID);
        assertForms(forms.read(buffer), TRACE_ID);
        buffer.setLength(0);
        buffer.append("0af7651916cd43dd8448eb211c80319c");
        assertForms(forms.read(buffer), "0af7651916cd43dd8448eb211c80319c");
        buffer.setLength(0);
        buffer.append("[REDACTED:trace_id]");
        assertThat(forms.read(buffer).isHex(HexIdForms.TRACE_ID_DIGITS)).isFalse();
        assertThat(forms.hasDecimal()).isFalse();
    }

    @Test
    void whatIsNoIdHasNoForms() {
        final HexIdForms forms = new HexIdForms();
        for (final String value : new String[] {"", "abc", "00f067aa0ba902bz", "g0000000000000000000000000000000",
                TRACE_ID + "1", TRACE_ID.repeat(1_000)}) {
            forms.read(TRACE_ID);
            forms.read(value);
            assertThat(forms.isHex(HexIdForms.TRACE_ID_DIGITS)).as(value).isFalse();
            assertThat(forms.isHex(HexIdForms.SPAN_ID_DIGITS)).as(value).isFalse();
            assertThat(forms.hasDecimal()).as(value).isFalse();
        }
        forms.read(null);
        assertThat(forms.isHex(HexIdForms.TRACE_ID_DIGITS)).isFalse();
        assertThat(forms.hasDecimal()).isFalse();
        // Hex, but of a length with no decimal form.
        assertThat(forms.read("abc123").isHex(6)).isTrue();
        assertThat(forms.hasDecimal()).isFalse();
    }

    private static void assertForms(final HexIdForms forms, final String id) {
        assertThat(forms.isHex(id.length())).as(id).isTrue();
        assertThat(lowercase(forms)).isEqualTo(id);
        assertThat(forms.hasDecimal()).isTrue();
        assertThat(decimal(forms)).isEqualTo(new BigInteger(id.substring(id.length() - 16), 16).toString());
    }

    private static String lowercase(final HexIdForms forms) {
        final JsonLine out = new JsonLine(64);
        forms.appendLowercase(out);
        return out.toString();
    }

    private static String decimal(final HexIdForms forms) {
        final JsonLine out = new JsonLine(64);
        forms.appendDecimal(out);
        return out.toString();
    }
}
