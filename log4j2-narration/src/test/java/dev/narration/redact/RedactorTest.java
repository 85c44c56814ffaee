package dev.narration.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.testsupport.SecretCorpus;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {
    private static final Redactor REDACTOR = Redactor.newBuilder().setName("RedactorTest").build();

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "key AKIA2OGYBAH6TGRNW3FQ used|key [REDACTED:aws-access-key-id] used",
        "AKIA2OGYBAH6TGRNW3FQ,wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY|[REDACTED:aws-access-key-id],[REDACTED:aws-secret-key]",
        // Found by context alone, a secret key must look random: a commit id or a placeholder after a key id is none.
        "AKIA2OGYBAH6TGRNW3FQ,3f786850e387550fdab836ed7e6dc881de23001b,x|[REDACTED:aws-access-key-id],3f786850e387550fdab836ed7e6dc881de23001b,x",
        "AKIA2OGYBAH6TGRNW3FQ EXAMPLEKEYEXAMPLEKEYEXAMPLEKEYEXAMPLEKEY|[REDACTED:aws-access-key-id] EXAMPLEKEYEXAMPLEKEYEXAMPLEKEYEXAMPLEKEY",
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY|aws_secret_access_key = [REDACTED:aws-secret-key]",
        "push with 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 ok|push with [REDACTED:github-token] ok",
        "github_pat_11ABCDEFG0123456789abc_0123456789abcdefghijABCDEFGHIJ0123456789abcdefghijABCDEFGHI|[REDACTED:github-token]",
        "t=glpat-abcdefghij0123456789;|t=[REDACTED:gitlab-token];",
        "xoxb-123456789012-123456789012-abcdefghijABCDEFGHIJ1234|[REDACTED:slack-token]",
        "post https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXXXXXXXXXX done|post https://hooks.slack.com/[REDACTED:slack-webhook] done",
        "stripe sk_live_0123456789abcdefghijABCD|stripe [REDACTED:stripe-key]",
        "maps AIzaSyA0123456789abcdefghijABCDEFGHIJ_- ok|maps [REDACTED:google-api-key] ok",
        "sk-proj-0123456789abcdefghijABCDEFGHIJ0123456789_-abcd|[REDACTED:openai-key]",
        "sk-ant-api03-0123456789abcdefghijABCDEFGHIJ0123456789-_abcAA|[REDACTED:anthropic-key]",
        "twilio SK0123456789abcdef0123456789abcdef|twilio [REDACTED:twilio-api-key]",
        "SG.0123456789abcdefghij_-.0123456789abcdefghijABCDEFGHIJ0123456789abc|[REDACTED:sendgrid-key]",
        "npm_0123456789abcdefghijABCDEFGHIJ012345|[REDACTED:npm-token]",
        "pypi-AgEIcHlwaS5vcmcCJDAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMAACKlsz|[REDACTED:pypi-token]",
        "hf_0123456789abcdefghijABCDEFGHIJkl|[REDACTED:huggingface-token]",
        "VAULT_TOKEN hvs.CAESIJ0123456789abcdefghijABCDEFGHIJ|VAULT_TOKEN [REDACTED:vault-token]",
        "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcDEF012-_xyz end|jwt [REDACTED:jwt] end",
        "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc+/def==;EndpointSuffix=x|DefaultEndpointsProtocol=https;AccountName=a;AccountKey=[REDACTED:azure-storage-key];EndpointSuffix=x",
        "GET /b?sv=2022-11-02&sig=abc%2Bdef%3D&se=1|GET /b?sv=2022-11-02&sig=[REDACTED:azure-sas-signature]&se=1",
        "dsn=postgres://app:s3cr3tPass@db:5432/app|dsn=postgres://app:[REDACTED:url-credentials]@db:5432/app",
        "redis://:p4ss@cache|redis://:[REDACTED:url-credentials]@cache",
        "jdbc:sqlserver://db:1433;user=sa;password=Pa55w0rd!;encrypt=true|jdbc:sqlserver://db:1433;user=sa;password=[REDACTED:password];encrypt=true",
        "Server=db;User Id=sa;Pwd=Pa55w0rd;|Server=db;User Id=sa;Pwd=[REDACTED:password];",
        "Authorization: Bearer abcdef0123456789xyz|Authorization: Bearer [REDACTED:authorization]",
        "Authorization: Basic c3ZjOnNlY3JldA==|Authorization: Basic [REDACTED:authorization]",
        "sent Bearer abcdef0123456789xyz upstream|sent Bearer [REDACTED:authorization] upstream",
        "header Basic c3ZjOnNlY3JldA== sent|header Basic [REDACTED:authorization] sent",
        "Cookie: session=abc123; theme=dark|Cookie: [REDACTED:cookie]",
        "JSESSIONID=0123ABCD, next|JSESSIONID=[REDACTED:session-id], next",
        "password=hunter2|password=[REDACTED:password]",
        "db_password: hunter2.|db_password: [REDACTED:password].",
        "`{\"client_secret\":\"abc def\"}`|`{\"client_secret\":\"[REDACTED:secret]\"}`",
        "`{\\\"token\\\":\\\"abc\\\"}`|`{\\\"token\\\":\\\"[REDACTED:token]\\\"}`",
        "`:api_key => \"k123\"`|`:api_key => \"[REDACTED:api-key]\"`",
        "`{user=bob, X-Api-Key=k123, region=eu}`|`{user=bob, X-Api-Key=[REDACTED:api-key], region=eu}`",
        "?a=1&access_token=abc&b=2|?a=1&access_token=[REDACTED:token]&b=2",
        "next=%2Fhome%3Fpassword%3Dhunter2%26x%3D1|next=%2Fhome%3Fpassword%3D[REDACTED:password]%26x%3D1",
        "k=-----BEGIN RSA PRIVATE KEY-----\\nMIIEabc\\n-----END RSA PRIVATE KEY----- end|k=[REDACTED:private-key] end",
    })
    void masksBuiltInKinds(final String input, final String expected) {
        assertThat(REDACTOR.redact(input)).isEqualTo(expected);
    }

    @Test
    void aGitHubTokenIsMaskedWhateverItsChecksum() {
        final Random random = new Random(42);
        for (int i = 0; i < 1_000; i++) {
            final String body = SecretCorpus.chars(random, SecretCorpus.ALNUM_CHARS, 30);
            final String token = SecretCorpus.githubToken("ghs_", body);
            assertThat(REDACTOR.redact("token " + token + " used")).isEqualTo("token [REDACTED:github-token] used");
            // Run together with the next word, the token still carries its checksum at the usual length.
            assertThat(REDACTOR.redact("x " + token + "Zq9")).isEqualTo("x [REDACTED:github-token]");

            final char[] altered = token.toCharArray();
            final int at = 4 + random.nextInt(36);
            altered[at] = altered[at] == 'a' ? 'b' : 'a';
            // A made-up or mistyped token is still one: its prefix and length say so, not its checksum.
            assertThat(REDACTOR.redact("fixture " + new String(altered) + " loaded")).as("one character changed at %d", at)
                    .isEqualTo("fixture [REDACTED:github-token] loaded");
        }
        final String placeholder = "export it as ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
        assertThat(REDACTOR.redact(placeholder)).isSameAs(placeholder);
    }

    @Test
    void privateKeyBlockWithRealLineBreaksAndWithoutEndIsMaskedToTheEnd() {
        assertThat(REDACTOR.redact("a\n-----BEGIN EC PRIVATE KEY-----\nMHc\n-----END EC PRIVATE KEY-----\nb"))
                .isEqualTo("a\n[REDACTED:private-key]\nb");
        assertThat(REDACTOR.redact("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA (truncated"))
                .isEqualTo("[REDACTED:private-key]");
    }

    @Test
    void lookAlikesPassUnchangedAsTheSameInstance() {
        for (final String line : SecretCorpus.lookAlikes(7)) {
            assertThat(REDACTOR.redact(line)).as(line).isSameAs(line);
        }
    }

    @Test
    void everyGeneratedSecretIsMasked() {
        for (final SecretCorpus.Sample sample : SecretCorpus.samples(11, 20)) {
            final String line = "value " + sample.key + "=" + sample.value + " end";
            final String out = REDACTOR.redact(line);
            assertThat(SecretCorpus.leak(sample.secret, out)).as(sample + " -> " + out).isNull();
        }
    }

    @Test
    void sensitiveKeysFollowTheNormalizationRule() {
        for (final String key : List.of("password", "db_password", "X-Api-Key", "client_secret", "access_token",
                "Authorization", "set-cookie", "JSESSIONID", "aws.secret_access_key", "PASSWD", "api-key")) {
            assertThat(REDACTOR.isSensitiveKey(key)).as(key).isTrue();
        }
        for (final String key : List.of("password_policy", "tokens_in", "secret_name", "tokens_out", "job_id",
                "correlation_id", "key", "api_key_id", "passwordless")) {
            assertThat(REDACTOR.isSensitiveKey(key)).as(key).isFalse();
        }
    }

    @Test
    void optionalRulesAreOffByDefaultAndCanBeEnabled() {
        final String line = "mail bob@example.com paid with 4111 1111 1111 1111 today";
        assertThat(REDACTOR.redact(line)).isSameAs(line);
        final Redactor personal = Redactor.newBuilder().setName("personal").setEnable("email,card-number").build();
        assertThat(personal.redact(line)).isEqualTo("mail [REDACTED:email] paid with [REDACTED:card-number] today");
        assertThat(personal.redact("order 4111 1111 1111 1112 shipped")).isEqualTo("order 4111 1111 1111 1112 shipped");
    }

    @Test
    void userRulesMaskTheirMatchesAndBuiltInsCanBeDisabled() {
        final Redactor custom = Redactor.newBuilder().setName("custom").setDisable("jwt, password")
                .setMask("<{rule}>").setSensitiveKeys("pin")
                .setRules(RedactionRule.newBuilder().setName("ticket").setPattern("TKS-[0-9A-F]{8}").setKeywords("TKS-").build())
                .build();
        assertThat(custom.redact("ticket TKS-0123ABCD password=x pin=1234 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"))
                .isEqualTo("ticket <ticket> password=x pin=<sensitive-key> <github-token>");
        assertThat(custom.redact("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abc")).isEqualTo("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abc");
        assertThat(custom.metrics().getCounts().get("ticket")).isEqualTo(1L);
        assertThat(custom.metrics().getCounts().get("github-token")).isEqualTo(1L);
        assertThat(Redactor.metricsOf("custom")).isSameAs(custom.metrics());
    }

    @Test
    void invalidRuleIsIgnoredAndTheRestStillWorks() {
        final RedactionRule broken = RedactionRule.newBuilder().setName("broken").setPattern("([a-z").build();
        assertThat(broken.isValid()).isFalse();
        final Redactor redactor = Redactor.newBuilder().setName("broken-rule").setRules(broken).setMaxScanLength(-5).build();
        assertThat(redactor.redact("password=y1")).isEqualTo("password=[REDACTED:password]");
    }

    @Test
    void textBeyondTheScanLimitIsMaskedAndCounted() {
        final Redactor capped = Redactor.newBuilder().setName("capped").setMaxScanLength(10).build();
        assertThat(capped.redact("0123456789 abcdef")).isEqualTo("0123456789[REDACTED:scan-limit]");
        // A word that crosses the limit is masked from its start: it could be a token's first half.
        assertThat(capped.redact("01234 6789abcdef")).isEqualTo("01234 [REDACTED:scan-limit]");
        assertThat(capped.redact("0123456789")).isEqualTo("0123456789");
        assertThat(capped.metrics().getCounts().get("scan-limit")).isEqualTo(2L);
    }

    @Test
    void redactingTwiceChangesNothingMore() {
        for (final SecretCorpus.Sample sample : SecretCorpus.samples(5, 3)) {
            final String once = REDACTOR.redact(sample.key + "=" + sample.value);
            assertThat(REDACTOR.redact(once)).as(once).isSameAs(once);
        }
    }

    @Test
    void metricsCountPerRuleAndNeverHoldTheSecret() {
        final Redactor counted = Redactor.newBuilder().setName("counted").build();
        counted.redact("password=a password=b npm_0123456789abcdefghijABCDEFGHIJ012345");
        assertThat(counted.metrics().getCounts().get("password")).isEqualTo(2L);
        assertThat(counted.metrics().getCounts().get("npm-token")).isEqualTo(1L);
        assertThat(counted.metrics().getTotal()).isEqualTo(3);
        assertThat(counted.metrics().getCounts().toString()).doesNotContain("npm_0123");
    }

    @Test
    void randomNoiseNeverBreaksTheScanner() {
        final Random random = new Random(3);
        final String alphabet = "aA0=:%-\\\"'@/ .,;&{}[]<>\nBbeyJAKIAghp_sk-password";
        for (int i = 0; i < 20_000; i++) {
            final String text = SecretCorpus.chars(random, alphabet, random.nextInt(80));
            final String out = REDACTOR.redact(text);
            assertThat(REDACTOR.redact(out)).isNotNull();
        }
    }

    @Test
    void aPrivateKeyBlockWithALabelLongerThanTheLookAheadIsMaskedToTheEnd() {
        // docs/redaction.md#limits: the label is read up to 64 characters; one that names a private key there and is
        // not closed within them fails closed.
        final String label = "ENCRYPTED PRIVATE KEY FOR THE BATCH IMPORT SERVICE OF THE ACCOUNTING DEPARTMENT";
        final String block = "key: -----BEGIN " + label + "-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END " + label + "-----";
        assertThat(REDACTOR.redact(block)).isEqualTo("key: [REDACTED:private-key]");
        final String certificate = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----";
        assertThat(REDACTOR.redact(certificate)).isSameAs(certificate);
    }

    @Test
    void aPrivateKeyBlockAsASensitiveKeysValueIsMaskedWhole() {
        // Found by HostileInputFuzzTest: the value ended at the block's first space and its lines were left in clear.
        final String block = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq0KeyMaterial\n-----END RSA PRIVATE KEY-----";
        assertThat(REDACTOR.redact("private_key=" + block + " done")).isEqualTo("private_key=[REDACTED:private-key] done");
        assertThat(REDACTOR.redact("password: " + block)).isEqualTo("password: [REDACTED:password]");
        assertThat(REDACTOR.redact("aws_secret_access_key= " + block.replace("\n", "\\n")))
                .isEqualTo("aws_secret_access_key= [REDACTED:aws-secret-key]");
    }
}
