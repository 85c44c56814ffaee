package dev.narration.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.LoggerMode;
import dev.narration.testsupport.SecretCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * docs/redaction.md#limits: a secret that crosses {@code maxScanLength} (1 MiB by default) is masked whole, wherever
 * it starts around the limit: the scan ends at the last character before the limit that no token holds, and all
 * from there on is masked as {@code scan-limit}. A GitHub token and an AWS access key id with its secret key, at
 * offsets from well before the limit to past it, through the engine and through both ways of logging.
 */
class ScanLimitEdgeTest {
    private static final int LIMIT = RedactorBuilder.DEFAULT_MAX_SCAN_LENGTH;
    private static final int[] OFFSETS = {-100, -61, -60, -45, -41, -40, -39, -30, -21, -20, -8, -1, 0, 1, 10};
    private static final String TOKEN = SecretCorpus.githubToken("ghp_", SecretCorpus.chars(new Random(19), SecretCorpus.ALNUM_CHARS, 30));
    private static final String KEY_ID = "AKIA" + SecretCorpus.chars(new Random(20), SecretCorpus.UPPER_ALNUM_CHARS, 16);
    private static final String SECRET_KEY = SecretCorpus.chars(new Random(21), SecretCorpus.B64_CHARS, 40);
    private static final String AWS_PAIR = KEY_ID + "," + SECRET_KEY;

    private static final String CONFIG = "<Configuration status='WARN'><Appenders>"
            + "<File name='json' fileName='${dir}/json.jsonl'><NarrationJsonLayout maxStringLength='0'><Redaction/>"
            + "</NarrationJsonLayout></File>"
            + "<File name='text' fileName='${dir}/text.log'><PatternLayout pattern='%m%n'/></File>"
            + "<Rewrite name='policy'><RedactionRewritePolicy/><AppenderRef ref='text'/></Rewrite></Appenders>"
            + "<Loggers><Root level='INFO'><AppenderRef ref='json'/><AppenderRef ref='policy'/></Root></Loggers></Configuration>";

    /** Prose up to {@code start}, then the secret, then more prose: the secret's first character at {@code start}. */
    private static String textWith(final String secret, final int start) {
        final StringBuilder text = new StringBuilder(LIMIT + 200);
        while (text.length() < start) {
            text.append("lorem ipsum ");
        }
        text.setLength(start - 1);
        text.append(' ').append(secret).append(" dolor sit amet");
        return text.toString();
    }

    private static void assertNoLeak(final String output, final String what) {
        for (final String secret : new String[] {TOKEN, KEY_ID, SECRET_KEY}) {
            assertThat(SecretCorpus.leak(secret, output)).as("%s leaks from %s", what, secret).isNull();
        }
    }

    @Test
    void theEngineMasksASecretAcrossTheLimitWhole() {
        final Redactor redactor = Redactor.newBuilder().setName("scan-edge").build();
        for (final int offset : OFFSETS) {
            for (final String secret : new String[] {TOKEN, AWS_PAIR}) {
                final String text = textWith(secret, LIMIT + offset);
                final String out = redactor.redact(text);
                assertNoLeak(out.substring(Math.max(0, out.length() - 400)), secret.substring(0, 4) + " at " + offset);
                if (text.length() > LIMIT) {
                    assertThat(out).endsWith("[REDACTED:scan-limit]");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(LoggerMode.class)
    void bothWaysOfLoggingMaskASecretAcrossTheLimitWhole(final LoggerMode mode) {
        final List<String> labels = new ArrayList<>();
        try (Log4jFixture log4j = mode.start(CONFIG)) {
            final Logger log = log4j.logger("com.acme.Upload");
            for (final int offset : OFFSETS) {
                for (final String secret : new String[] {TOKEN, AWS_PAIR}) {
                    log.info(textWith(secret, LIMIT + offset));
                    labels.add(secret.substring(0, 4) + " at " + offset);
                }
            }
            log4j.close();
            final List<String> json = log4j.readLines("json.jsonl");
            final List<String> text = log4j.readLines("text.log");
            assertThat(json).hasSize(labels.size());
            assertThat(text).hasSize(labels.size());
            for (int i = 0; i < labels.size(); i++) {
                final String human = JsonLines.parse(json.get(i)).get("human").asText();
                assertNoLeak(human.substring(human.length() - 400), "the layout's " + labels.get(i));
                assertNoLeak(text.get(i).substring(text.get(i).length() - 400), "the policy's " + labels.get(i));
            }
        }
    }
}
