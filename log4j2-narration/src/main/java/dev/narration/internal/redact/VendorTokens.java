package dev.narration.internal.redact;

import static dev.narration.internal.redact.CharClasses.ALNUM;
import static dev.narration.internal.redact.CharClasses.B64;
import static dev.narration.internal.redact.CharClasses.B64URL_DOT;
import static dev.narration.internal.redact.CharClasses.HEX;
import static dev.narration.internal.redact.CharClasses.HEX_LOWER;
import static dev.narration.internal.redact.CharClasses.TILDE_TOKEN;
import static dev.narration.internal.redact.CharClasses.TOKEN68;
import static dev.narration.internal.redact.CharClasses.TOKEN;
import static dev.narration.internal.redact.CharClasses.UPPER_ALNUM;
import static dev.narration.internal.redact.CharClasses.is;
import static dev.narration.internal.redact.CharClasses.run;
import static dev.narration.internal.redact.TokenScanner.NONE;
import static dev.narration.internal.redact.TokenScanner.count;
import static dev.narration.internal.redact.TokenScanner.hit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Vendors' tokens, recognised by a literal prefix ({@code ghp_}, {@code AKIA}, {@code xoxb-}, {@code sk-ant-}, …)
 * and a run of one character class of the vendor's length; documentation placeholders pass ({@link #isPlaceholder}).
 * A token starts only where its own alphabet does not continue before it. Each format is the one its vendor
 * documents; docs/redaction.md#vendor-formats names the source of each.
 *
 * <p>Prefixes are looked up by their first two characters, so a word that starts like no prefix costs one table
 * load, and one that does is compared with the few prefixes that start the same way, however many there are.
 */
final class VendorTokens {
    // Flags of a prefix.
    private static final int EXACT = 1;
    /** The body holds a letter and a digit: a weak prefix ({@code oy2}, {@code API-}) is then no word. */
    private static final int LETTER_AND_DIGIT = 1 << 1;
    /** The body holds an upper-case letter, a lower-case letter and a digit, as random tokens do. */
    private static final int MIXED_CASE = 1 << 2;
    /** Up to three {@code =} of base64 padding end the body. */
    private static final int PADDED = 1 << 3;
    // Formats matched by their own method; the charset and length are those of their first segment.
    private static final int JWT_FORMAT = 1 << 4;
    private static final int SENDGRID_FORMAT = 1 << 5;
    /** Terraform Cloud's {@code <14 characters>.atlasv1.<body>}: the prefix stands inside the token. */
    private static final int ATLAS_FORMAT = 1 << 6;

    /** A vendor token: a literal prefix, then a run of characters from one class. */
    private static final class Prefix {
        final String text;
        final BuiltInRule rule;
        final int charset;
        /** The body's minimum length, or with {@link #EXACT} its only length. */
        final int length;
        final int flags;

        Prefix(final String text, final BuiltInRule rule, final int charset, final int length, final int flags) {
            this.text = text;
            this.rule = rule;
            this.charset = charset;
            this.length = length;
            this.flags = flags;
        }

        boolean has(final int flag) {
            return (flags & flag) != 0;
        }
    }

    /** Longer prefixes before shorter ones that start them ({@code sk-ant-} before {@code sk-}). */
    private static final Prefix[] PREFIXES = {
        exact("AKIA", BuiltInRule.AWS_ACCESS_KEY_ID, UPPER_ALNUM, 16),
        exact("ASIA", BuiltInRule.AWS_ACCESS_KEY_ID, UPPER_ALNUM, 16),
        exact("ABIA", BuiltInRule.AWS_ACCESS_KEY_ID, UPPER_ALNUM, 16),
        exact("ACCA", BuiltInRule.AWS_ACCESS_KEY_ID, UPPER_ALNUM, 16),
        exact("AIza", BuiltInRule.GOOGLE_API_KEY, TOKEN, 35),
        exact("GOCSPX-", BuiltInRule.GOOGLE_OAUTH, TOKEN, 28),
        atLeast("ya29.", BuiltInRule.GOOGLE_OAUTH, TOKEN, 30),
        atLeast("GR1348941", BuiltInRule.GITLAB_TOKEN, TOKEN, 20),
        exact("SK", BuiltInRule.TWILIO_API_KEY, HEX_LOWER, 32),
        atLeast("ghp_", BuiltInRule.GITHUB_TOKEN, ALNUM, 36),
        atLeast("gho_", BuiltInRule.GITHUB_TOKEN, ALNUM, 36),
        atLeast("ghu_", BuiltInRule.GITHUB_TOKEN, ALNUM, 36),
        atLeast("ghs_", BuiltInRule.GITHUB_TOKEN, ALNUM, 36),
        atLeast("ghr_", BuiltInRule.GITHUB_TOKEN, ALNUM, 36),
        atLeast("github_pat_", BuiltInRule.GITHUB_TOKEN, TOKEN, 40),
        atLeast("glpat-", BuiltInRule.GITLAB_TOKEN, TOKEN, 20),
        atLeast("gldt-", BuiltInRule.GITLAB_TOKEN, TOKEN, 20),
        atLeast("glrt-", BuiltInRule.GITLAB_TOKEN, TOKEN, 20),
        atLeast("glptt-", BuiltInRule.GITLAB_TOKEN, TOKEN, 20),
        atLeast("glcbt-", BuiltInRule.GITLAB_TOKEN, TOKEN, 20),
        atLeast("glft-", BuiltInRule.GITLAB_TOKEN, TOKEN, 20),
        atLeast("glimt-", BuiltInRule.GITLAB_TOKEN, TOKEN, 20),
        atLeast("glsoat-", BuiltInRule.GITLAB_TOKEN, TOKEN, 20),
        atLeast("gloas-", BuiltInRule.GITLAB_TOKEN, TOKEN, 20),
        atLeast("glagent-", BuiltInRule.GITLAB_TOKEN, TOKEN, 50),
        atLeast("glffct-", BuiltInRule.GITLAB_TOKEN, TOKEN, 20),
        atLeast("xoxe.xoxp-", BuiltInRule.SLACK_TOKEN, TOKEN, 20),
        atLeast("xoxe.xoxb-", BuiltInRule.SLACK_TOKEN, TOKEN, 20),
        atLeast("xoxb-", BuiltInRule.SLACK_TOKEN, TOKEN, 20),
        atLeast("xoxp-", BuiltInRule.SLACK_TOKEN, TOKEN, 20),
        atLeast("xoxa-", BuiltInRule.SLACK_TOKEN, TOKEN, 20),
        atLeast("xoxo-", BuiltInRule.SLACK_TOKEN, TOKEN, 20),
        atLeast("xoxr-", BuiltInRule.SLACK_TOKEN, TOKEN, 20),
        atLeast("xoxs-", BuiltInRule.SLACK_TOKEN, TOKEN, 20),
        atLeast("xoxe-", BuiltInRule.SLACK_TOKEN, TOKEN, 20),
        atLeast("xapp-", BuiltInRule.SLACK_TOKEN, TOKEN, 20),
        atLeast("sk_live_", BuiltInRule.STRIPE_KEY, ALNUM, 16),
        atLeast("sk_test_", BuiltInRule.STRIPE_KEY, ALNUM, 16),
        atLeast("rk_live_", BuiltInRule.STRIPE_KEY, ALNUM, 16),
        atLeast("rk_test_", BuiltInRule.STRIPE_KEY, ALNUM, 16),
        atLeast("whsec_", BuiltInRule.STRIPE_KEY, ALNUM, 24),
        atLeast("sk-ant-", BuiltInRule.ANTHROPIC_KEY, TOKEN, 32),
        atLeast("sk-", BuiltInRule.OPENAI_KEY, TOKEN, 32),
        atLeast("sk.eyJ", BuiltInRule.MAPBOX_TOKEN, B64URL_DOT, 80),
        atLeast("npm_", BuiltInRule.NPM_TOKEN, ALNUM, 36),
        atLeast("pypi-", BuiltInRule.PYPI_TOKEN, TOKEN, 50),
        atLeast("hf_", BuiltInRule.HUGGINGFACE_TOKEN, ALNUM, 30),
        atLeast("api_org_", BuiltInRule.HUGGINGFACE_TOKEN, ALNUM, 30),
        atLeast("hvs.", BuiltInRule.VAULT_TOKEN, TOKEN, 24),
        atLeast("hvb.", BuiltInRule.VAULT_TOKEN, TOKEN, 24),
        atLeast("hvr.", BuiltInRule.VAULT_TOKEN, TOKEN, 24),
        new Prefix("atlasv1.", BuiltInRule.TERRAFORM_CLOUD_TOKEN, TOKEN, 60, ATLAS_FORMAT | PADDED),
        atLeast("LTAI", BuiltInRule.ALIBABA_ACCESS_KEY_ID, ALNUM, 12, LETTER_AND_DIGIT),
        exact("AKID", BuiltInRule.TENCENT_SECRET_ID, ALNUM, 32, LETTER_AND_DIGIT),
        exact("dop_v1_", BuiltInRule.DIGITALOCEAN_TOKEN, HEX_LOWER, 64),
        exact("doo_v1_", BuiltInRule.DIGITALOCEAN_TOKEN, HEX_LOWER, 64),
        exact("dor_v1_", BuiltInRule.DIGITALOCEAN_TOKEN, HEX_LOWER, 64),
        atLeast("HRKU-", BuiltInRule.HEROKU_API_KEY, TOKEN, 60),
        atLeast("v1.0-", BuiltInRule.CLOUDFLARE_ORIGIN_CA_KEY, TOKEN, 171),
        exact("dapi", BuiltInRule.DATABRICKS_TOKEN, HEX_LOWER, 32),
        atLeast("dp.pt.", BuiltInRule.DOPPLER_TOKEN, B64URL_DOT, 40),
        atLeast("dp.st.", BuiltInRule.DOPPLER_TOKEN, B64URL_DOT, 40),
        atLeast("dp.ct.", BuiltInRule.DOPPLER_TOKEN, B64URL_DOT, 40),
        atLeast("dp.sa.", BuiltInRule.DOPPLER_TOKEN, B64URL_DOT, 40),
        atLeast("dp.scim.", BuiltInRule.DOPPLER_TOKEN, B64URL_DOT, 40),
        atLeast("dp.audit.", BuiltInRule.DOPPLER_TOKEN, B64URL_DOT, 40),
        exact("AGE-SECRET-KEY-1", BuiltInRule.AGE_SECRET_KEY, UPPER_ALNUM, 58),
        atLeast("ops_", BuiltInRule.ONEPASSWORD_SECRET, TOKEN68, 50),
        exact("A3-", BuiltInRule.ONEPASSWORD_SECRET, TOKEN, 37, LETTER_AND_DIGIT),
        atLeast("sntrys_", BuiltInRule.SENTRY_TOKEN, TOKEN68, 60),
        exact("sntryu_", BuiltInRule.SENTRY_TOKEN, HEX_LOWER, 64),
        atLeast("glc_", BuiltInRule.GRAFANA_TOKEN, TOKEN68, 32),
        atLeast("glsa_", BuiltInRule.GRAFANA_TOKEN, TOKEN, 41),
        atLeast("eyJrIjoi", BuiltInRule.GRAFANA_TOKEN, B64, 60, PADDED),
        exact("shpat_", BuiltInRule.SHOPIFY_TOKEN, HEX, 32),
        exact("shpca_", BuiltInRule.SHOPIFY_TOKEN, HEX, 32),
        exact("shppa_", BuiltInRule.SHOPIFY_TOKEN, HEX, 32),
        exact("shpss_", BuiltInRule.SHOPIFY_TOKEN, HEX, 32),
        exact("key-", BuiltInRule.MAILGUN_KEY, HEX_LOWER, 32),
        exact("PMAK-", BuiltInRule.POSTMAN_API_KEY, TOKEN, 59),
        atLeast("lin_api_", BuiltInRule.LINEAR_API_KEY, ALNUM, 40),
        exact("lin_oauth_", BuiltInRule.LINEAR_API_KEY, HEX_LOWER, 64),
        atLeast("AKCp", BuiltInRule.JFROG_TOKEN, ALNUM, 60),
        atLeast("cmVmdGtuOjAxOj", BuiltInRule.JFROG_TOKEN, B64, 40, PADDED),
        atLeast("sgp_", BuiltInRule.SOURCEGRAPH_TOKEN, TOKEN, 40),
        exact("secret_", BuiltInRule.NOTION_TOKEN, ALNUM, 43, LETTER_AND_DIGIT),
        atLeast("ntn_", BuiltInRule.NOTION_TOKEN, ALNUM, 40, LETTER_AND_DIGIT),
        exact("00", BuiltInRule.OKTA_API_TOKEN, TOKEN, 40, MIXED_CASE),
        exact("NRAK-", BuiltInRule.NEW_RELIC_KEY, UPPER_ALNUM, 27),
        exact("NRII-", BuiltInRule.NEW_RELIC_KEY, TOKEN, 32),
        exact("NRIQ-", BuiltInRule.NEW_RELIC_KEY, TOKEN, 32),
        exact("NRJS-", BuiltInRule.NEW_RELIC_KEY, HEX_LOWER, 19),
        exact("p8e-", BuiltInRule.ADOBE_CLIENT_SECRET, TOKEN, 32, LETTER_AND_DIGIT),
        atLeast("ATATT3", BuiltInRule.ATLASSIAN_API_TOKEN, TOKEN68, 150),
        atLeast("ATBB", BuiltInRule.BITBUCKET_APP_PASSWORD, ALNUM, 28, LETTER_AND_DIGIT),
        exact("bkua_", BuiltInRule.BUILDKITE_TOKEN, HEX_LOWER, 40),
        atLeast("CCIPAT_", BuiltInRule.CIRCLECI_TOKEN, TOKEN, 40),
        atLeast("CCIPRJ_", BuiltInRule.CIRCLECI_TOKEN, TOKEN, 40),
        atLeast("CLOJARS_", BuiltInRule.CLOJARS_TOKEN, ALNUM, 60),
        exact("CFPAT-", BuiltInRule.CONTENTFUL_TOKEN, TOKEN, 43),
        atLeast("dnkey-", BuiltInRule.DEFINED_NETWORKING_KEY, TOKEN, 70),
        atLeast("sl.", BuiltInRule.DROPBOX_TOKEN, B64URL_DOT, 130),
        exact("duffel_test_", BuiltInRule.DUFFEL_TOKEN, TOKEN, 43),
        exact("duffel_live_", BuiltInRule.DUFFEL_TOKEN, TOKEN, 43),
        exact("dt0c01.", BuiltInRule.DYNATRACE_TOKEN, B64URL_DOT, 89),
        exact("EZAK", BuiltInRule.EASYPOST_KEY, ALNUM, 54),
        exact("EZTK", BuiltInRule.EASYPOST_KEY, ALNUM, 54),
        atLeast("FLWSECK_TEST-", BuiltInRule.FLUTTERWAVE_KEY, TOKEN, 32),
        atLeast("FLWSECK-", BuiltInRule.FLUTTERWAVE_KEY, TOKEN, 32),
        exact("fio-u-", BuiltInRule.FRAMEIO_TOKEN, TOKEN, 64),
        atLeast("fm2_", BuiltInRule.FLYIO_TOKEN, TOKEN68, 100),
        atLeast("fm1r_", BuiltInRule.FLYIO_TOKEN, TOKEN68, 100),
        atLeast("fm1a_", BuiltInRule.FLYIO_TOKEN, TOKEN68, 100),
        exact("fo1_", BuiltInRule.FLYIO_TOKEN, TOKEN, 43),
        exact("pat.", BuiltInRule.HARNESS_TOKEN, B64URL_DOT, 68, MIXED_CASE),
        exact("sat.", BuiltInRule.HARNESS_TOKEN, B64URL_DOT, 68, MIXED_CASE),
        exact("ico-", BuiltInRule.INFRACOST_KEY, ALNUM, 32, LETTER_AND_DIGIT),
        exact("nfp_", BuiltInRule.NETLIFY_TOKEN, ALNUM, 36),
        exact("API-", BuiltInRule.OCTOPUS_API_KEY, UPPER_ALNUM, 26, LETTER_AND_DIGIT),
        exact("sha256~", BuiltInRule.OPENSHIFT_TOKEN, TOKEN, 43),
        atLeast("pscale_tkn_", BuiltInRule.PLANETSCALE_TOKEN, TOKEN, 32),
        atLeast("pscale_oauth_", BuiltInRule.PLANETSCALE_TOKEN, TOKEN, 32),
        atLeast("pscale_pw_", BuiltInRule.PLANETSCALE_TOKEN, TOKEN, 32),
        exact("pnu_", BuiltInRule.PREFECT_KEY, ALNUM, 36),
        exact("pul-", BuiltInRule.PULUMI_TOKEN, HEX_LOWER, 40),
        exact("rdme_", BuiltInRule.README_KEY, ALNUM, 70),
        exact("rubygems_", BuiltInRule.RUBYGEMS_KEY, HEX_LOWER, 48),
        exact("tk-us-", BuiltInRule.SCALINGO_TOKEN, TOKEN, 48),
        atLeast("xkeysib-", BuiltInRule.BREVO_KEY, TOKEN, 80),
        atLeast("xsmtpsib-", BuiltInRule.BREVO_KEY, TOKEN, 80),
        exact("shippo_live_", BuiltInRule.SHIPPO_TOKEN, HEX_LOWER, 40),
        exact("shippo_test_", BuiltInRule.SHIPPO_TOKEN, HEX_LOWER, 40),
        exact("EAAA", BuiltInRule.SQUARE_TOKEN, TOKEN, 60),
        exact("sq0atp-", BuiltInRule.SQUARE_TOKEN, TOKEN, 22),
        exact("sq0csp-", BuiltInRule.SQUARE_TOKEN, TOKEN, 43),
        atLeast("tfp_", BuiltInRule.TYPEFORM_TOKEN, TOKEN, 59),
        atLeast("AQVN", BuiltInRule.YANDEX_API_KEY, TOKEN, 35, LETTER_AND_DIGIT),
        exact("gsk_", BuiltInRule.GROQ_KEY, ALNUM, 52),
        exact("pplx-", BuiltInRule.PERPLEXITY_KEY, ALNUM, 48),
        exact("xai-", BuiltInRule.XAI_KEY, ALNUM, 80),
        exact("r8_", BuiltInRule.REPLICATE_TOKEN, ALNUM, 37),
        exact("sbp_", BuiltInRule.SUPABASE_KEY, HEX_LOWER, 40),
        atLeast("sb_secret_", BuiltInRule.SUPABASE_KEY, TOKEN, 20),
        exact("rnd_", BuiltInRule.RENDER_KEY, ALNUM, 32),
        exact("access-production-", BuiltInRule.PLAID_TOKEN, TOKEN, 36),
        exact("access-development-", BuiltInRule.PLAID_TOKEN, TOKEN, 36),
        exact("access-sandbox-", BuiltInRule.PLAID_TOKEN, TOKEN, 36),
        atLeast("dckr_pat_", BuiltInRule.DOCKER_TOKEN, TOKEN, 27),
        atLeast("dckr_oat_", BuiltInRule.DOCKER_TOKEN, TOKEN, 27),
        exact("squ_", BuiltInRule.SONAR_TOKEN, HEX_LOWER, 40),
        exact("sqp_", BuiltInRule.SONAR_TOKEN, HEX_LOWER, 40),
        exact("sqa_", BuiltInRule.SONAR_TOKEN, HEX_LOWER, 40),
        atLeast("figd_", BuiltInRule.FIGMA_TOKEN, TOKEN, 40),
        atLeast("pcsk_", BuiltInRule.PINECONE_KEY, TOKEN, 60),
        atLeast("lsv2_pt_", BuiltInRule.LANGSMITH_KEY, TOKEN, 43),
        atLeast("lsv2_sk_", BuiltInRule.LANGSMITH_KEY, TOKEN, 43),
        atLeast("tvly-", BuiltInRule.TAVILY_KEY, TOKEN, 32, LETTER_AND_DIGIT),
        exact("fc-", BuiltInRule.FIRECRAWL_KEY, HEX_LOWER, 32),
        exact("pat-na1-", BuiltInRule.HUBSPOT_TOKEN, TOKEN, 36),
        exact("pat-eu1-", BuiltInRule.HUBSPOT_TOKEN, TOKEN, 36),
        atLeast("phx_", BuiltInRule.POSTHOG_KEY, ALNUM, 40),
        exact("rootly_", BuiltInRule.ROOTLY_KEY, HEX_LOWER, 64),
        exact("oy2", BuiltInRule.NUGET_KEY, ALNUM, 43, LETTER_AND_DIGIT),
        exact("cio", BuiltInRule.CRATES_TOKEN, ALNUM, 32, MIXED_CASE),
        atLeast("akab-", BuiltInRule.AKAMAI_TOKEN, TOKEN, 33),
        exact("aio_", BuiltInRule.ADAFRUIT_KEY, ALNUM, 28),
        // Structured formats, matched by their own methods: the charset and length here are their first segment.
        new Prefix("SG.", BuiltInRule.SENDGRID_KEY, TOKEN, 22, SENDGRID_FORMAT),
        atLeast("ZXlK", BuiltInRule.JWT, B64, 32, PADDED),
        new Prefix("eyJ", BuiltInRule.JWT, TOKEN, 7, JWT_FORMAT),
    };

    private static Prefix exact(final String text, final BuiltInRule rule, final int charset, final int length) {
        return new Prefix(text, rule, charset, length, EXACT);
    }

    private static Prefix exact(final String text, final BuiltInRule rule, final int charset, final int length,
            final int flags) {
        return new Prefix(text, rule, charset, length, EXACT | flags);
    }

    private static Prefix atLeast(final String text, final BuiltInRule rule, final int charset, final int length) {
        return new Prefix(text, rule, charset, length, 0);
    }

    private static Prefix atLeast(final String text, final BuiltInRule rule, final int charset, final int length,
            final int flags) {
        return new Prefix(text, rule, charset, length, flags);
    }

    /**
     * Bodies of keys that vendors print in their own documentation for everyone to copy, without the word
     * {@code EXAMPLE}: Stripe's test secret key {@code sk_test_4eC39HqLyjWDarjtT1zdp7dc}.
     */
    private static final String[] PUBLISHED = {"4eC39HqLyjWDarjtT1zdp7dc"};

    /**
     * A documentation placeholder: a body of one repeated character ({@code glpat-XXXX…}), or one that says it is an
     * example ({@code EXAMPLE}, {@code SAMPLE}, {@code PLACEHOLDER}, a leading {@code YOUR_} or {@code your-}), or
     * one a vendor publishes ({@link #PUBLISHED}).
     */
    static boolean isPlaceholder(final char[] text, final int start, final int end) {
        boolean repeated = true;
        for (int k = start + 1; k < end && repeated; k++) {
            repeated = text[k] == text[start];
        }
        return repeated || isPublished(text, start, end) || contains(text, start, end, "EXAMPLE") || contains(text, start, end, "SAMPLE")
                || contains(text, start, end, "PLACEHOLDER") || CharClasses.regionMatchesIgnoreCase(text, start, end, "your_")
                || CharClasses.regionMatchesIgnoreCase(text, start, end, "your-");
    }

    private static boolean isPublished(final char[] text, final int start, final int end) {
        for (final String body : PUBLISHED) {
            if (body.length() == end - start && CharClasses.indexOf(text, body, start, end) == start) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(final char[] text, final int start, final int end, final String word) {
        return CharClasses.indexOf(text, word, start, end) >= 0;
    }

    /** The enabled prefixes by their first two characters ({@code first << 7 | second}), in table order. */
    private final Prefix[][] byFirstTwo = new Prefix[128 * 128][];
    private final StructuredSecrets formats;
    private final LongAdder secondStage;
    private final boolean azure;
    private final boolean telegram;

    VendorTokens(final boolean[] enabled, final StructuredSecrets formats, final LongAdder secondStage) {
        this.formats = formats;
        this.secondStage = secondStage;
        this.azure = enabled[BuiltInRule.AZURE_AD_CLIENT_SECRET.ordinal()];
        this.telegram = enabled[BuiltInRule.TELEGRAM_BOT_TOKEN.ordinal()];
        final Map<Integer, List<Prefix>> buckets = new HashMap<>();
        for (final Prefix prefix : PREFIXES) {
            if (enabled[prefix.rule.ordinal()]) {
                buckets.computeIfAbsent(prefix.text.charAt(0) << 7 | prefix.text.charAt(1), k -> new ArrayList<>()).add(prefix);
            }
        }
        for (final Map.Entry<Integer, List<Prefix>> bucket : buckets.entrySet()) {
            byFirstTwo[bucket.getKey()] = bucket.getValue().toArray(new Prefix[0]);
        }
    }

    /**
     * The characters that may come third in a token of an enabled vendor that starts with {@code first} and
     * {@code second}, for the scanner's start table: a prefix's third character, or for a two-character prefix the
     * first of its body. Empty when no enabled prefix starts so.
     */
    String thirdCharacters(final char first, final char second) {
        final Prefix[] prefixes = byFirstTwo[first << 7 | second];
        final StringBuilder thirds = new StringBuilder();
        for (int k = 0; prefixes != null && k < prefixes.length; k++) {
            final Prefix prefix = prefixes[k];
            if (prefix.text.length() > 2) {
                thirds.append(prefix.text.charAt(2));
                continue;
            }
            for (char c = 0; c < 128; c++) {
                if (is(c, prefix.charset)) {
                    thirds.append(c);
                }
            }
        }
        return thirds.toString();
    }

    /** A token of an enabled vendor at {@code i}, whose first two characters are ASCII, or {@link TokenScanner#NONE}. */
    long at(final char[] text, final int i, final int limit) {
        final Prefix[] prefixes = byFirstTwo[text[i] << 7 | text[i + 1]];
        if (prefixes != null) {
            for (final Prefix prefix : prefixes) {
                final long hit = prefix(text, i, limit, prefix);
                if (hit != NONE) {
                    return hit;
                }
            }
        }
        return NONE;
    }

    private long prefix(final char[] text, final int i, final int limit, final Prefix prefix) {
        final String literal = prefix.text;
        final int bodyStart = i + literal.length();
        if (bodyStart > limit) {
            return NONE;
        }
        for (int k = 2; k < literal.length(); k++) {
            if (text[i + k] != literal.charAt(k)) {
                return NONE;
            }
        }
        final int start = prefix.has(ATLAS_FORMAT) ? atlasStart(text, i) : i;
        if (start < 0) {
            return NONE;
        }
        if (start > 0) {
            // A token starts where its own alphabet does not continue; alphanumerics before it come from an escape.
            final char before = text[start - 1];
            if (is(before, prefix.charset) && !is(before, ALNUM) || before == '.') {
                return NONE;
            }
        }
        count(secondStage);
        final int rule = prefix.rule.ordinal();
        if (prefix.has(JWT_FORMAT)) {
            return formats.jwt(text, i, limit);
        }
        final int bodyEnd = run(text, bodyStart, prefix.has(EXACT) ? Math.min(limit, bodyStart + prefix.length + 1) : limit,
                prefix.charset);
        final int length = bodyEnd - bodyStart;
        if (prefix.has(SENDGRID_FORMAT)) {
            if (length != prefix.length || bodyEnd >= limit || text[bodyEnd] != '.') {
                return NONE;
            }
            final int end = run(text, bodyEnd + 1, limit, TOKEN);
            return end - bodyEnd - 1 >= 40 ? hit(i, end, rule) : NONE;
        }
        if (length < prefix.length || isPlaceholder(text, bodyStart, bodyEnd) || !passes(text, bodyStart, bodyEnd, prefix)) {
            return NONE;
        }
        int end = bodyEnd;
        for (int pad = 0; prefix.has(PADDED) && pad < 3 && end < limit && text[end] == '='; pad++) {
            end++;
        }
        if (prefix.has(EXACT)) {
            return length == prefix.length && (end == limit || !is(text[end], ALNUM)) ? hit(start, end, rule) : NONE;
        }
        // A prefix and length this specific is a token whatever its checksum: a made-up or mistyped one too.
        return hit(start, end, rule);
    }

    /** The body checks beyond class and length: {@link #LETTER_AND_DIGIT}, {@link #MIXED_CASE}. */
    private static boolean passes(final char[] text, final int start, final int end, final Prefix prefix) {
        if (!prefix.has(LETTER_AND_DIGIT | MIXED_CASE)) {
            return true;
        }
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        for (int k = start; k < end; k++) {
            final char c = text[k];
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
        }
        return prefix.has(MIXED_CASE) ? upper && lower && digit : digit && (upper || lower);
    }

    /**
     * Where a Terraform Cloud token starts whose {@code atlasv1.} is at {@code i}: 14 letters or digits and a dot
     * before it (HashiCorp's {@code <14>.atlasv1.<body>}), or -1.
     */
    private static int atlasStart(final char[] text, final int i) {
        final int start = i - 15;
        if (start < 0 || text[i - 1] != '.') {
            return -1;
        }
        for (int k = start; k < i - 1; k++) {
            if (!is(text[k], ALNUM)) {
                return -1;
            }
        }
        return start == 0 || !is(text[start - 1], ALNUM) ? start : -1;
    }

    /**
     * An Azure AD (Entra ID) client secret whose {@code Q~} ends at {@code tilde}: three characters, a digit,
     * {@code Q~}, then 31 to 34 characters, all from {@code [A-Za-z0-9_.~-]} (40 in all), or {@link TokenScanner#NONE}.
     */
    long azureClientSecret(final char[] text, final int tilde, final int limit) {
        final int start = tilde - 5;
        if (!azure || start < 0 || text[tilde - 1] != 'Q' || text[tilde - 2] < '0' || text[tilde - 2] > '9'
                || start > 0 && is(text[start - 1], TILDE_TOKEN)) {
            return NONE;
        }
        for (int k = start; k < tilde - 2; k++) {
            if (!is(text[k], TILDE_TOKEN)) {
                return NONE;
            }
        }
        final int end = run(text, tilde + 1, Math.min(limit, tilde + 36), TILDE_TOKEN);
        final int length = end - tilde - 1;
        if (length < 31 || length > 34 || end < limit && is(text[end], TILDE_TOKEN)
                || isPlaceholder(text, tilde + 1, end)) {
            return NONE;
        }
        count(secondStage);
        return hit(start, end, BuiltInRule.AZURE_AD_CLIENT_SECRET.ordinal());
    }

    /**
     * A Telegram bot token whose {@code :} is at {@code colon}: the bot's id (8 to 10 digits, after a boundary or
     * {@code bot} as in Telegram's API URLs), {@code :}, then 35 characters of {@code [A-Za-z0-9_-]}, or
     * {@link TokenScanner#NONE}.
     */
    long telegramBotToken(final char[] text, final int colon, final int limit) {
        if (!telegram || colon == 0 || text[colon - 1] < '0' || text[colon - 1] > '9') {
            return NONE;
        }
        int start = colon - 1;
        while (start > 0 && colon - start < 11 && text[start - 1] >= '0' && text[start - 1] <= '9') {
            start--;
        }
        final int digits = colon - start;
        final boolean afterBot = start >= 3 && CharClasses.regionMatchesIgnoreCase(text, start - 3, start, "bot")
                && (start == 3 || !is(text[start - 4], ALNUM));
        if (digits < 8 || digits > 10 || start > 0 && is(text[start - 1], ALNUM) && !afterBot) {
            return NONE;
        }
        final int end = run(text, colon + 1, Math.min(limit, colon + 37), TOKEN);
        if (end - colon - 1 != 35 || end < limit && is(text[end], TOKEN) || isPlaceholder(text, colon + 1, end)) {
            return NONE;
        }
        count(secondStage);
        return hit(start, end, BuiltInRule.TELEGRAM_BOT_TOKEN.ordinal());
    }
}
