package dev.narration.internal.redact;

import static dev.narration.internal.redact.CharClasses.ALNUM;
import static dev.narration.internal.redact.CharClasses.HEX_LOWER;
import static dev.narration.internal.redact.CharClasses.TOKEN;
import static dev.narration.internal.redact.CharClasses.UPPER_ALNUM;
import static dev.narration.internal.redact.CharClasses.is;
import static dev.narration.internal.redact.CharClasses.run;
import static dev.narration.internal.redact.TokenScanner.NONE;
import static dev.narration.internal.redact.TokenScanner.count;
import static dev.narration.internal.redact.TokenScanner.hit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Vendors' tokens, recognised by a literal prefix ({@code ghp_}, {@code AKIA}, {@code xoxb-}, {@code sk-ant-}, …)
 * and a run of one character class of the vendor's length; documentation placeholders pass ({@link #isPlaceholder}).
 * A token starts only where its own alphabet does not continue before it.
 */
final class VendorTokens {
    /** A vendor token: a literal prefix, then a run of characters from one class. */
    private static final class Prefix {
        final String text;
        final BuiltInRule rule;
        final int charset;
        /** The body's minimum length, or with {@link #exact} its only length. */
        final int length;
        final boolean exact;

        Prefix(final String text, final BuiltInRule rule, final int charset, final int length, final boolean exact) {
            this.text = text;
            this.rule = rule;
            this.charset = charset;
            this.length = length;
            this.exact = exact;
        }
    }

    /** Longer prefixes before shorter ones that start them ({@code sk-ant-} before {@code sk-}). */
    private static final Prefix[] PREFIXES = {
        exact("AKIA", BuiltInRule.AWS_ACCESS_KEY_ID, UPPER_ALNUM, 16),
        exact("ASIA", BuiltInRule.AWS_ACCESS_KEY_ID, UPPER_ALNUM, 16),
        exact("ABIA", BuiltInRule.AWS_ACCESS_KEY_ID, UPPER_ALNUM, 16),
        exact("ACCA", BuiltInRule.AWS_ACCESS_KEY_ID, UPPER_ALNUM, 16),
        exact("AIza", BuiltInRule.GOOGLE_API_KEY, TOKEN, 35),
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
        atLeast("xoxe.xoxp-", BuiltInRule.SLACK_TOKEN, TOKEN, 20),
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
        atLeast("npm_", BuiltInRule.NPM_TOKEN, ALNUM, 36),
        atLeast("pypi-", BuiltInRule.PYPI_TOKEN, TOKEN, 50),
        atLeast("hf_", BuiltInRule.HUGGINGFACE_TOKEN, ALNUM, 30),
        atLeast("api_org_", BuiltInRule.HUGGINGFACE_TOKEN, ALNUM, 30),
        atLeast("hvs.", BuiltInRule.VAULT_TOKEN, TOKEN, 24),
        atLeast("hvb.", BuiltInRule.VAULT_TOKEN, TOKEN, 24),
        atLeast("hvr.", BuiltInRule.VAULT_TOKEN, TOKEN, 24),
        // Structured formats, matched by their own methods: the charset and length here are their first segment.
        atLeast("SG.", BuiltInRule.SENDGRID_KEY, TOKEN, 22),
        atLeast("eyJ", BuiltInRule.JWT, TOKEN, 7),
    };

    private static Prefix exact(final String text, final BuiltInRule rule, final int charset, final int length) {
        return new Prefix(text, rule, charset, length, true);
    }

    private static Prefix atLeast(final String text, final BuiltInRule rule, final int charset, final int length) {
        return new Prefix(text, rule, charset, length, false);
    }

    /**
     * A documentation placeholder: a body of one repeated character ({@code glpat-XXXX…}), or one that says it is an
     * example ({@code EXAMPLE}, {@code SAMPLE}, {@code PLACEHOLDER}, a leading {@code YOUR_} or {@code your-}).
     */
    static boolean isPlaceholder(final char[] text, final int start, final int end) {
        boolean repeated = true;
        for (int k = start + 1; k < end && repeated; k++) {
            repeated = text[k] == text[start];
        }
        return repeated || contains(text, start, end, "EXAMPLE") || contains(text, start, end, "SAMPLE")
                || contains(text, start, end, "PLACEHOLDER") || CharClasses.regionMatchesIgnoreCase(text, start, end, "your_")
                || CharClasses.regionMatchesIgnoreCase(text, start, end, "your-");
    }

    private static boolean contains(final char[] text, final int start, final int end, final String word) {
        return CharClasses.indexOf(text, word, start, end) >= 0;
    }

    /** The enabled prefixes by their first character. */
    private final Prefix[][] byFirst = new Prefix[128][];
    private final StructuredSecrets formats;
    private final LongAdder secondStage;

    VendorTokens(final boolean[] enabled, final StructuredSecrets formats, final LongAdder secondStage) {
        this.formats = formats;
        this.secondStage = secondStage;
        final List<List<Prefix>> buckets = new ArrayList<>();
        for (int c = 0; c < 128; c++) {
            buckets.add(new ArrayList<>());
        }
        for (final Prefix prefix : PREFIXES) {
            if (enabled[prefix.rule.ordinal()]) {
                buckets.get(prefix.text.charAt(0)).add(prefix);
            }
        }
        for (int c = 0; c < 128; c++) {
            if (!buckets.get(c).isEmpty()) {
                byFirst[c] = buckets.get(c).toArray(new Prefix[0]);
            }
        }
    }

    /** The second characters of the enabled prefixes that start with {@code first}, for the scanner's start table. */
    String secondCharacters(final char first) {
        final StringBuilder seconds = new StringBuilder();
        if (byFirst[first] != null) {
            for (final Prefix prefix : byFirst[first]) {
                seconds.append(prefix.text.charAt(1));
            }
        }
        return seconds.toString();
    }

    /** A token of an enabled vendor at {@code i}, an ASCII character, or {@link TokenScanner#NONE}. */
    long at(final char[] text, final int i, final int limit) {
        final Prefix[] prefixes = byFirst[text[i]];
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
        for (int k = 1; k < literal.length(); k++) {
            if (text[i + k] != literal.charAt(k)) {
                return NONE;
            }
        }
        if (i > 0) {
            // A token starts where its own alphabet does not continue; alphanumerics before it come from an escape.
            final char before = text[i - 1];
            if (is(before, prefix.charset) && !is(before, ALNUM) || before == '.') {
                return NONE;
            }
        }
        count(secondStage);
        final int rule = prefix.rule.ordinal();
        if (prefix.rule == BuiltInRule.JWT) {
            return formats.jwt(text, i, limit);
        }
        final int bodyEnd = run(text, bodyStart, prefix.exact ? Math.min(limit, bodyStart + prefix.length + 1) : limit,
                prefix.charset);
        final int length = bodyEnd - bodyStart;
        if (prefix.rule == BuiltInRule.SENDGRID_KEY) {
            if (length != prefix.length || bodyEnd >= limit || text[bodyEnd] != '.') {
                return NONE;
            }
            final int end = run(text, bodyEnd + 1, limit, TOKEN);
            return end - bodyEnd - 1 >= 40 ? hit(i, end, rule) : NONE;
        }
        if (length < prefix.length || isPlaceholder(text, bodyStart, bodyEnd)) {
            return NONE;
        }
        if (prefix.exact) {
            return length == prefix.length && (bodyEnd == limit || !is(text[bodyEnd], ALNUM))
                    ? hit(i, bodyEnd, rule) : NONE;
        }
        // A prefix and length this specific is a token whatever its checksum: a made-up or mistyped one too.
        return hit(i, bodyEnd, rule);
    }
}
