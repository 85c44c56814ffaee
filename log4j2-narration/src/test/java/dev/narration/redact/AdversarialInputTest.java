package dev.narration.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.testsupport.SecretCorpus;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Megabyte inputs built to make a backtracking or quadratic scanner take forever. They must complete with the
 * right result; their speed is JMH's business, not a test's, but each scanner start reads only forward over its
 * own run of characters, so the work is linear. The time-out only stops a scanner that hangs (a quadratic scan of a
 * megabyte takes hours), with room to spare for a busy machine.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdversarialInputTest {
    private static final int MB = 1 << 20;
    private static final Redactor REDACTOR = Redactor.newBuilder().setName("adversarial").build();

    private static String repeat(final String unit) {
        return unit.repeat(MB / unit.length());
    }

    @Test
    void separatorFloodWithoutSensitiveKeysIsUnchanged() {
        for (final String unit : new String[] {"a=", "a:", "a%3D", "a=>", "\"a\":", "x-", "%41", "\\n", "@a.", "://", "-----BEGIN "}) {
            final String text = repeat(unit);
            assertThat(REDACTOR.redact(text)).as(unit).isSameAs(text);
        }
    }

    @Test
    void base64MegabyteIsUnchanged() {
        final String text = SecretCorpus.chars(new Random(1), SecretCorpus.B64_CHARS, MB);
        assertThat(REDACTOR.redact(text)).isSameAs(text);
    }

    @Test
    void prefixFloodsWithoutTheirBodiesAreUnchanged() {
        for (final String unit : new String[] {"eyJ-", "eyJabc.", "eyJabcdefghij ", "ghp_ ", "AKIA ", "sk- ", "SG.", "Bearer ",
                "basic ", "-----BEGIN CERTIFICATE-----", "xoxb-1 ", "https://a@", "AIza-"}) {
            final String text = repeat(unit);
            assertThat(REDACTOR.redact(text)).as(unit).isSameAs(text);
        }
    }

    @Test
    void keywordFloodsAreMaskedWhole() {
        assertThat(REDACTOR.redact(repeat("password="))).isEqualTo("password=[REDACTED:password]");
        // Each value is the next "token:", so the pairs alternate: key, masked value, key, masked value.
        assertThat(REDACTOR.redact(repeat("token: "))).isEqualTo("token: [REDACTED:token] ".repeat(MB / 7 / 2));
        assertThat(REDACTOR.redact(repeat("-----BEGIN RSA PRIVATE KEY-----"))).isEqualTo("[REDACTED:private-key]");
        final String bearer = "Bearer " + SecretCorpus.chars(new Random(2), SecretCorpus.ALNUM_CHARS, MB - 100) + "1";
        assertThat(REDACTOR.redact(bearer)).isEqualTo("Bearer [REDACTED:authorization]");
        final String jwts = repeat("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl ");
        assertThat(REDACTOR.redact(jwts)).isEqualTo("[REDACTED:jwt] ".repeat(jwts.length() / 50));
    }

    @Test
    void textBeyondTheScanLimitIsMaskedNotScanned() {
        final String text = "a".repeat(RedactorBuilder.DEFAULT_MAX_SCAN_LENGTH) + "password=hunter2";
        // One run of letters across the limit: masked from as far back as the scan looks for the run's start.
        final int kept = RedactorBuilder.DEFAULT_MAX_SCAN_LENGTH - 4096;
        assertThat(REDACTOR.redact(text)).isEqualTo("a".repeat(kept) + "[REDACTED:scan-limit]");
    }

    @Test
    void keyValueFloodMasksEveryValue() {
        final String text = repeat("password=abc ");
        final String out = REDACTOR.redact(text);
        assertThat(out).isEqualTo("password=[REDACTED:password] ".repeat(text.length() / 13));
    }
}
