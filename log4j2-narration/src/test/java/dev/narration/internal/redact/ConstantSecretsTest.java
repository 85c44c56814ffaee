package dev.narration.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.redact.Redactor;
import dev.narration.testsupport.SecretCorpus;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The javac plugin's view of the engine masks what the engine at its defaults masks, by the same rule: checked on
 * the secret corpus (every built-in kind, bare and under its key) and on its look-alikes.
 */
class ConstantSecretsTest {
    private static final Redactor ENGINE = Redactor.newBuilder().setName("ConstantSecretsTest").build();
    private static final Pattern MASK = Pattern.compile("\\[REDACTED:([a-z0-9-]+)]");

    @Test
    void findsEverySecretOfTheCorpusByTheRuleTheEngineNames() {
        for (final SecretCorpus.Sample sample : SecretCorpus.samples(24, 5)) {
            final String text = "connecting with " + sample.key + "=" + sample.value + " now";
            final Matcher mask = MASK.matcher(ENGINE.redact(text));
            assertThat(mask.find()).as(text).isTrue();
            assertThat(ConstantSecrets.ruleMasking(text)).as(text).isEqualTo(mask.group(1));
        }
    }

    @Test
    void findsSomethingExactlyWhereTheEngineMasksSomething() {
        final List<String> texts = new ArrayList<>();
        for (final SecretCorpus.Sample sample : SecretCorpus.samples(25, 5)) {
            texts.add(sample.value);
        }
        texts.addAll(SecretCorpus.lookAlikes(25));
        int masked = 0;
        for (final String text : texts) {
            final boolean masks = ENGINE.redact(text) != text;
            assertThat(ConstantSecrets.ruleMasking(text) != null).as(text).isEqualTo(masks);
            masked += masks ? 1 : 0;
        }
        assertThat(masked).isPositive().isLessThan(texts.size());
    }

    @Test
    void knowsTheSensitiveKeysTheEngineKnows() {
        for (final String key : List.of("password", "db_password", "X-Api-Key", "client_secret", "access_token",
                "Authorization", "aws_secret_access_key", "sessionid")) {
            assertThat(ENGINE.isSensitiveKey(key)).as(key).isTrue();
            assertThat(ConstantSecrets.ruleOfKey(key)).as(key).isNotNull();
        }
        for (final String key : List.of("password_policy", "tokens_in", "secret_name", "user", "queue_position")) {
            assertThat(ENGINE.isSensitiveKey(key)).as(key).isFalse();
            assertThat(ConstantSecrets.ruleOfKey(key)).as(key).isNull();
        }
        assertThat(ConstantSecrets.ruleOfKey("db_password")).isEqualTo("password");
    }
}
