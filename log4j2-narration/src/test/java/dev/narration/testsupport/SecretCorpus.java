package dev.narration.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A seeded generator of synthetic secrets of every built-in kind, and of look-alikes that must pass unchanged.
 * Nothing here is a real credential; the same seed always gives the same corpus.
 */
public final class SecretCorpus {
    public static final String ALNUM_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    public static final String UPPER_ALNUM_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    public static final String TOKEN_CHARS = ALNUM_CHARS + "_-";
    public static final String B64_CHARS = ALNUM_CHARS + "+/";
    public static final String HEX_CHARS = "0123456789abcdef";
    public static final String PASSWORD_CHARS = ALNUM_CHARS + "!*_-~";

    /** One generated secret: how it is written ({@code value}), under which key, and the part that must not leak. */
    public static final class Sample {
        public final Kind kind;
        public final String key;
        public final String value;
        public final String secret;

        Sample(final Kind kind, final String key, final String value, final String secret) {
            this.kind = kind;
            this.key = key;
            this.value = value;
            this.secret = secret;
        }

        @Override
        public String toString() {
            return kind + " " + key + "=" + value;
        }
    }

    /**
     * A kind of secret. {@code keyed} kinds are found through their sensitive key only, so contexts that drop the
     * key do not apply to them.
     */
    public enum Kind {
        AWS_ACCESS_KEY_ID(false, r -> plain("AKIA" + chars(r, UPPER_ALNUM_CHARS, 16))),
        AWS_SECRET_KEY(true, r -> keyed(pick(r, "aws_secret_access_key", "AWS_SECRET_ACCESS_KEY", "SecretAccessKey"),
                chars(r, B64_CHARS, 40))),
        GITHUB_TOKEN(false, r -> plain(githubToken(pick(r, "ghp_", "gho_", "ghu_", "ghs_", "ghr_"), chars(r, ALNUM_CHARS, 30)))),
        GITHUB_PAT(false, r -> plain("github_pat_" + chars(r, ALNUM_CHARS, 22) + "_" + chars(r, ALNUM_CHARS, 59))),
        GITLAB_TOKEN(false, r -> plain(pick(r, "glpat-", "gldt-", "glrt-") + chars(r, TOKEN_CHARS, 20))),
        SLACK_TOKEN(false, r -> plain(pick(r, "xoxb-", "xoxp-", "xapp-") + digits(r, 12) + "-" + digits(r, 12) + "-"
                + chars(r, ALNUM_CHARS, 24))),
        SLACK_WEBHOOK(false, r -> {
            final String secret = chars(r, ALNUM_CHARS, 24);
            return new String[] {"https://hooks.slack.com/services/T" + chars(r, UPPER_ALNUM_CHARS, 8) + "/B"
                    + chars(r, UPPER_ALNUM_CHARS, 8) + "/" + secret, secret};
        }),
        STRIPE_KEY(false, r -> plain(pick(r, "sk_live_", "rk_live_", "sk_test_") + chars(r, ALNUM_CHARS, 24))),
        GOOGLE_API_KEY(false, r -> plain("AIza" + chars(r, TOKEN_CHARS, 35))),
        OPENAI_KEY(false, r -> plain(r.nextBoolean() ? "sk-" + chars(r, ALNUM_CHARS, 48) : "sk-proj-" + chars(r, TOKEN_CHARS, 64))),
        ANTHROPIC_KEY(false, r -> plain("sk-ant-api03-" + chars(r, TOKEN_CHARS, 93) + "AA")),
        TWILIO_API_KEY(false, r -> plain("SK" + chars(r, HEX_CHARS, 32))),
        SENDGRID_KEY(false, r -> plain("SG." + chars(r, TOKEN_CHARS, 22) + "." + chars(r, TOKEN_CHARS, 43))),
        NPM_TOKEN(false, r -> plain("npm_" + chars(r, ALNUM_CHARS, 36))),
        PYPI_TOKEN(false, r -> plain("pypi-AgEIcHlwaS5vcmc" + chars(r, TOKEN_CHARS, 70))),
        HUGGINGFACE_TOKEN(false, r -> plain("hf_" + chars(r, ALNUM_CHARS, 34))),
        VAULT_TOKEN(false, r -> plain(pick(r, "hvs.", "hvb.") + chars(r, TOKEN_CHARS, 90))),
        JWT(false, r -> plain(b64url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "."
                + b64url("{\"sub\":\"" + chars(r, ALNUM_CHARS, 12) + "\",\"iat\":" + digits(r, 10) + "}") + "."
                + chars(r, TOKEN_CHARS, 43))),
        PRIVATE_KEY(false, r -> {
            final String body = pem(r);
            final String type = pick(r, "RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY");
            return new String[] {"-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----", body};
        }),
        AZURE_CONNECTION_STRING(false, r -> {
            final String key = chars(r, B64_CHARS, 86) + "==";
            return new String[] {"DefaultEndpointsProtocol=https;AccountName=acct" + digits(r, 4) + ";AccountKey=" + key
                    + ";EndpointSuffix=core.windows.net", key};
        }),
        AZURE_SAS(false, r -> {
            final String sig = chars(r, ALNUM_CHARS, 30) + "%2B" + chars(r, ALNUM_CHARS, 12) + "%3D";
            return new String[] {"https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-01-01&sig="
                    + sig, sig};
        }),
        URL_CREDENTIALS(false, r -> {
            final String password = chars(r, ALNUM_CHARS, 16);
            final String scheme = pick(r, "postgres", "mysql", "mongodb+srv", "redis", "amqp", "https", "jdbc:postgresql");
            return new String[] {scheme + "://app_user:" + password + "@db" + digits(r, 2) + ".internal:5432/app", password};
        }),
        JDBC_PASSWORD(false, r -> {
            final String password = chars(r, PASSWORD_CHARS, 14);
            return new String[] {"jdbc:sqlserver://db01:1433;databaseName=app;user=sa;password=" + password, password};
        }),
        ADO_PASSWORD(false, r -> {
            final String password = chars(r, ALNUM_CHARS, 14);
            return new String[] {"Server=db01;Database=app;User Id=sa;Pwd=" + password + ";", password};
        }),
        BEARER(true, r -> {
            final String token = chars(r, ALNUM_CHARS, 20) + digits(r, 4) + chars(r, TOKEN_CHARS, 16);
            return new String[] {"Authorization", "Bearer " + token, token};
        }),
        BASIC(true, r -> {
            final String token = Base64.getEncoder().encodeToString(("svc:" + chars(r, ALNUM_CHARS, 14)).getBytes(StandardCharsets.UTF_8));
            return new String[] {"Authorization", "Basic " + token, token};
        }),
        COOKIE(true, r -> {
            final String session = chars(r, ALNUM_CHARS, 32);
            return new String[] {pick(r, "Cookie", "Set-Cookie"), "session=" + session + "; theme=dark", session};
        }),
        SESSION_ID(true, r -> keyed(pick(r, "JSESSIONID", "PHPSESSID", "session_id"), chars(r, HEX_CHARS, 32).toUpperCase())),
        PASSWORD(true, r -> keyed(pick(r, "password", "db_password", "passwd", "DB_PASSWORD", "pwd", "passphrase"),
                chars(r, ALNUM_CHARS, 1) + chars(r, PASSWORD_CHARS, 13))),
        SECRET(true, r -> keyed(pick(r, "secret", "client_secret", "clientSecret", "app.secret"), chars(r, ALNUM_CHARS, 24))),
        TOKEN(true, r -> keyed(pick(r, "token", "access_token", "refresh-token", "authToken"), chars(r, ALNUM_CHARS, 28))),
        API_KEY(true, r -> keyed(pick(r, "api_key", "apiKey", "X-Api-Key", "x-api-key"), chars(r, ALNUM_CHARS, 32)));

        public final boolean keyed;
        private final Function<Random, String[]> generator;

        Kind(final boolean keyed, final Function<Random, String[]> generator) {
            this.keyed = keyed;
            this.generator = generator;
        }

        Sample sample(final Random random) {
            final String[] parts = generator.apply(random);
            if (parts.length == 3) {
                return new Sample(this, parts[0], parts[1], parts[2]);
            }
            if (keyed) {
                return new Sample(this, parts[0], parts[1], parts[1]);
            }
            return new Sample(this, pick(random, "ref", "value", "upstream", "cfg", "data"), parts[0], parts[1]);
        }
    }

    private SecretCorpus() {}

    public static List<Sample> samples(final long seed, final int perKind) {
        final Random random = new Random(seed);
        final List<Sample> samples = new ArrayList<>();
        for (final Kind kind : Kind.values()) {
            for (int i = 0; i < perKind; i++) {
                samples.add(kind.sample(random));
            }
        }
        return samples;
    }

    /** Lines that hold no secret and must pass through unchanged, though they look like one to a naive scanner. */
    public static List<String> lookAlikes(final long seed) {
        final Random r = new Random(seed);
        final List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add("request " + java.util.UUID.nameUUIDFromBytes(chars(r, ALNUM_CHARS, 8).getBytes(StandardCharsets.UTF_8)) + " accepted");
            lines.add("deployed commit " + chars(r, HEX_CHARS, 40) + " (" + chars(r, HEX_CHARS, 7) + ")");
            lines.add("sha256=" + chars(r, HEX_CHARS, 64) + " sha1:" + chars(r, HEX_CHARS, 40));
            lines.add("sha512 " + chars(r, HEX_CHARS, 128));
            lines.add("integrity sha256-" + chars(r, B64_CHARS, 43) + "= verified");
            lines.add("traceparent: 00-" + chars(r, HEX_CHARS, 32) + "-" + chars(r, HEX_CHARS, 16) + "-01");
            lines.add("trace_id=" + chars(r, HEX_CHARS, 32) + " span_id=" + chars(r, HEX_CHARS, 16));
            lines.add("pulled image registry.local/app@sha256:" + chars(r, HEX_CHARS, 64));
            lines.add("etag \"" + chars(r, B64_CHARS, 27) + "=\" cached");
        }
        lines.add("set GITHUB_TOKEN to ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx (see docs)");
        lines.add("-----BEGIN PUBLIC KEY-----\n" + pem(r) + "\n-----END PUBLIC KEY-----");
        lines.add("-----BEGIN CERTIFICATE-----\n" + pem(r) + "\n-----END CERTIFICATE-----");
        lines.add("-----BEGIN CERTIFICATE-----\\n" + pem(r).replace("\n", "\\n") + "\\n-----END CERTIFICATE-----");
        lines.add("password=${DB_PASSWORD}");
        lines.add("connecting with password: $DB_PASSWORD");
        lines.add("password=****");
        lines.add("token: <redacted>");
        lines.add("{\"client_secret\":\"********\"}");
        lines.add("postgres://app:${DB_PASSWORD}@db01:5432/app");
        lines.add("password_policy=strict tokens_in=512 tokens_out=128 secret_name=db-creds");
        lines.add("max_tokens=256 token_count: 42 api_key_id=k-123 password_set=true");
        lines.add("secret=[REDACTED:secret] password=[REDACTED:password]");
        lines.add("at com.acme.auth.TokenRefresher.refresh(TokenRefresher.java:88)");
        lines.add("\tat com.acme.crypto.SecretKeyProvider.load(SecretKeyProvider.java:12)\n\tat com.acme.ApiKeyFilter.doFilter(ApiKeyFilter.java:40)");
        lines.add("Caused by: com.acme.auth.InvalidTokenException: token expired at 2026-01-01T00:00:00Z");
        lines.add("Basic authentication failed for user bob; bearer token expired");
        lines.add("Failed password for invalid user admin from 10.0.0.7 port 22 ssh2");
        lines.add("cloning https://github.com/acme/app.git into /tmp/work as git@github.com");
        lines.add("fetched https://user@example.com/path?q=1#top");
        lines.add("sk-learn model loaded; task-queue ready; hf_hub_download started");
        lines.add("rotated key " + chars(r, HEX_CHARS, 32) + " for tenant t-42");
        lines.add("Authorization header missing");
        return lines;
    }

    public static String pem(final Random r) {
        final StringBuilder body = new StringBuilder();
        for (int line = 0; line < 6; line++) {
            if (line > 0) {
                body.append('\n');
            }
            body.append(chars(r, B64_CHARS, 64));
        }
        return body.toString();
    }

    /**
     * A token in GitHub's format: the prefix, 30 random characters, and their CRC-32 in six base-62 digits. Computed
     * with {@link java.util.zip.CRC32}, independently of the scanner's own table.
     */
    public static String githubToken(final String prefix, final String random) {
        final java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(random.getBytes(StandardCharsets.US_ASCII));
        final String digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        final char[] checksum = new char[6];
        long value = crc.getValue();
        for (int i = 5; i >= 0; i--) {
            checksum[i] = digits.charAt((int) (value % 62));
            value /= 62;
        }
        return prefix + random + new String(checksum);
    }

    private static String[] plain(final String value) {
        return new String[] {value, value};
    }

    private static String[] keyed(final String key, final String value) {
        return new String[] {key, value};
    }

    public static String chars(final Random r, final String alphabet, final int n) {
        final StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** The output without the masks, whose rule names ({@code github-token}) would otherwise look like leaks. */
    public static String withoutMasks(final String output) {
        return output.replaceAll("\\[REDACTED:[a-z0-9-]+\\]", "[]");
    }

    private static String digits(final Random r, final int n) {
        return chars(r, "0123456789", n);
    }

    private static String pick(final Random r, final String... options) {
        return options[r.nextInt(options.length)];
    }

    private static String b64url(final String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** A 6-character piece of the secret that occurs in the output outside the masks, or {@code null}. */
    public static String leak(final String secret, final String output) {
        final String unmasked = withoutMasks(output);
        for (int i = 0; i + 6 <= secret.length(); i++) {
            final String piece = secret.substring(i, i + 6);
            if (unmasked.contains(piece)) {
                return piece;
            }
        }
        return null;
    }
}
