package dev.narration.internal.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Finds the built-in kinds of secrets in text, left to right, in time linear in the text's length.
 *
 * <p>Two stages. The first is a single pass over the characters with a table lookup each: letters and digits
 * (almost all of clean text) cost one load and one comparison. Only at a non-alphanumeric character does it look
 * further, and only cheaply: is the next character the first letter of a vendor prefix ({@code ghp_},
 * {@code AKIA}, {@code eyJ}, …), is this a separator ({@code =}, {@code :}, {@code %3D}) whose key may be
 * sensitive, is this {@code ://} or {@code -----BEGIN }. The second stage, hand-written matchers for each format,
 * runs only where the first stage found such a trigger.
 *
 * <p>No regular expressions, so no backtracking. Each matcher reads forward over one run of the characters its
 * format allows and starts only where the previous character is outside that set, so runs read from different
 * starts never overlap; look-backs (a key before {@code =}) are bounded. The whole scan is therefore linear even
 * for adversarial input such as megabytes of {@code a=a=a…} or of base64.
 *
 * <p>A hit is packed into a {@code long} (see {@link #hit}) so that scanning clean text allocates nothing.
 */
public final class TokenScanner {
    static final long NONE = -1L;
    /** The rule of a hit that masks nothing: a placeholder value such as {@code ${DB_PASSWORD}}, skipped whole. */
    static final int SKIP = 127;
    /** Hits pack offsets into 28 bits, so fields longer than this are scanned up to it (the scan-limit fail-safe). */
    static final int MAX_OFFSET = (1 << 28) - 1;
    private static final int MAX_KEY_LOOKBACK = 64;
    private static final int MAX_LABEL = 64;
    /** Bits per character below which 40 characters after a key id are no random secret key ({@link Entropy}). */
    private static final double MIN_SECRET_KEY_BITS = 3.5;

    // Character classes, ASCII only.
    private static final int ALNUM = 1;
    private static final int TOKEN = 1 << 1; // [A-Za-z0-9_-]
    private static final int B64URL_DOT = 1 << 2; // TOKEN plus '.'
    private static final int TOKEN68 = 1 << 3; // RFC 7235 token68: [A-Za-z0-9-._~+/=]
    private static final int KEY = 1 << 4; // key names: [A-Za-z0-9_.-]
    private static final int HEX_LOWER = 1 << 5;
    private static final int UPPER_ALNUM = 1 << 6;
    private static final int B64 = 1 << 7; // [A-Za-z0-9+/]
    private static final int EMAIL_LOCAL = 1 << 8;
    private static final int DOMAIN = 1 << 9;
    static final int HEX = 1 << 10;
    private static final int[] CLASSES = new int[128];

    // First-stage triggers.
    private static final byte BOUNDARY = 1;
    private static final byte SEPARATOR = 2;
    private static final byte PERCENT = 4;
    private static final byte BACKSLASH = 8;
    private static final byte DASH = 16;
    private static final byte AT = 32;
    /** Indexed by any char: 0 for ASCII letters and digits, {@link #BOUNDARY} for every non-ASCII char. */
    private static final byte[] TRIGGERS = new byte[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c < 128; c++) {
            final boolean upper = c >= 'A' && c <= 'Z';
            final boolean lower = c >= 'a' && c <= 'z';
            final boolean digit = c >= '0' && c <= '9';
            int cls = 0;
            if (upper || lower || digit) {
                cls |= ALNUM | TOKEN | B64URL_DOT | TOKEN68 | KEY | B64 | EMAIL_LOCAL | DOMAIN;
            }
            if (upper || digit) {
                cls |= UPPER_ALNUM;
            }
            if (digit || c >= 'a' && c <= 'f') {
                cls |= HEX_LOWER;
            }
            if (digit || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
                cls |= HEX;
            }
            if (c == '_' || c == '-') {
                cls |= TOKEN | B64URL_DOT | TOKEN68 | KEY | EMAIL_LOCAL;
            }
            if (c == '.') {
                cls |= B64URL_DOT | TOKEN68 | KEY | EMAIL_LOCAL | DOMAIN;
            }
            if (c == '-') {
                cls |= DOMAIN;
            }
            if (c == '~') {
                cls |= TOKEN68;
            }
            if (c == '+' || c == '/') {
                cls |= TOKEN68 | B64;
            }
            if (c == '=') {
                cls |= TOKEN68;
            }
            if (c == '+' || c == '%') {
                cls |= EMAIL_LOCAL;
            }
            CLASSES[c] = cls;
            TRIGGERS[c] = (cls & ALNUM) != 0 ? 0 : BOUNDARY;
        }
        java.util.Arrays.fill(TRIGGERS, 128, TRIGGERS.length, BOUNDARY);
        TRIGGERS['='] |= SEPARATOR;
        TRIGGERS[':'] |= SEPARATOR;
        TRIGGERS['%'] |= PERCENT;
        TRIGGERS['\\'] |= BACKSLASH;
        TRIGGERS['-'] |= DASH;
        TRIGGERS['@'] |= AT;
    }

    /** A vendor token: a literal prefix, then a run of characters from one class. */
    private static final class Prefix {
        final String text;
        final BuiltInRule rule;
        final int charset;
        /** The body's minimum length, or with {@link #exact} its only length. */
        final int length;
        final boolean exact;
        /** Whether the body ends with a {@link GitHubChecksum}, the body's length then being its usual length. */
        final boolean checksummed;

        Prefix(final String text, final BuiltInRule rule, final int charset, final int length, final boolean exact,
                final boolean checksummed) {
            this.text = text;
            this.rule = rule;
            this.charset = charset;
            this.length = length;
            this.exact = exact;
            this.checksummed = checksummed;
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
        checksummed("ghp_", BuiltInRule.GITHUB_TOKEN, 36),
        checksummed("gho_", BuiltInRule.GITHUB_TOKEN, 36),
        checksummed("ghu_", BuiltInRule.GITHUB_TOKEN, 36),
        checksummed("ghs_", BuiltInRule.GITHUB_TOKEN, 36),
        checksummed("ghr_", BuiltInRule.GITHUB_TOKEN, 36),
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
        return new Prefix(text, rule, charset, length, true, false);
    }

    private static Prefix atLeast(final String text, final BuiltInRule rule, final int charset, final int length) {
        return new Prefix(text, rule, charset, length, false, false);
    }

    private static Prefix checksummed(final String text, final BuiltInRule rule, final int length) {
        return new Prefix(text, rule, ALNUM, length, false, true);
    }

    private final boolean[] enabled;
    private final SensitiveNames names;
    /** The enabled prefixes by their first character. */
    private final Prefix[][] byFirst = new Prefix[128][];
    /**
     * The characters that may follow each character that may start a token at a word boundary ({@code k} after
     * {@code s}, {@code h} and {@code l} after {@code g}, …), {@code null} for the others: most words of prose
     * are ruled out by their first two letters.
     */
    private final boolean[][] starts = new boolean[128][];
    private final boolean email;
    private final boolean cards;
    private final boolean urls;
    private final boolean privateKeys;
    private final boolean authorization;
    /** Counts second-stage entries, for diagnostics only; {@code null} in production. */
    private final LongAdder secondStage;

    TokenScanner(final boolean[] enabled, final SensitiveNames names, final LongAdder secondStage) {
        this.enabled = enabled.clone();
        this.names = names;
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
                for (final Prefix prefix : byFirst[c]) {
                    allowStart((char) c, prefix.text.substring(1, 2));
                }
            }
        }
        this.authorization = enabled[BuiltInRule.AUTHORIZATION.ordinal()];
        if (authorization) {
            allowStart('B', "eEaA");
            allowStart('b', "eEaA");
        }
        this.cards = enabled[BuiltInRule.CARD_NUMBER.ordinal()];
        if (cards) {
            for (char c = '0'; c <= '9'; c++) {
                allowStart(c, "0123456789 -");
            }
        }
        this.email = enabled[BuiltInRule.EMAIL.ordinal()];
        this.urls = enabled[BuiltInRule.URL_CREDENTIALS.ordinal()] || enabled[BuiltInRule.SLACK_WEBHOOK.ordinal()];
        this.privateKeys = enabled[BuiltInRule.PRIVATE_KEY.ordinal()];
    }

    private void allowStart(final char first, final String seconds) {
        if (starts[first] == null) {
            starts[first] = new boolean[128];
        }
        for (int k = 0; k < seconds.length(); k++) {
            starts[first][seconds.charAt(k)] = true;
        }
    }

    /** Whether a token of an enabled rule may start at {@code i}, judged by its first two characters. */
    private boolean mayStart(final char[] text, final int i, final int limit) {
        final char first = text[i];
        if (first >= 128 || starts[first] == null || i + 1 >= limit) {
            return false;
        }
        final char second = text[i + 1];
        return second < 128 && starts[first][second];
    }

    static long hit(final int start, final int end, final int rule) {
        return (long) rule << 56 | (long) start << 28 | end;
    }

    static int start(final long hit) {
        return (int) (hit >>> 28) & MAX_OFFSET;
    }

    static int end(final long hit) {
        return (int) hit & MAX_OFFSET;
    }

    static int rule(final long hit) {
        return (int) (hit >>> 56);
    }

    /**
     * The first hit in {@code text[from, limit)}, or {@link #NONE}. {@code from} is 0 or the end of the previous
     * hit, so scanning a whole text is a sequence of calls that each start where the last one ended.
     */
    long find(final char[] text, final int from, final int limit) {
        // The same steps as atScanStart and at, written out: through calls to them, C2 compiles this loop
        // 15 % slower on a 1 KB text (FirstStageBenchmark clean1k, 1,084 against 1,206-1,266 ns).
        if (from < limit && (from == 0 || !is(text[from - 1], ALNUM))) {
            if (mayStart(text, from, limit)) {
                final long hit = atWordStart(text, from, limit);
                if (hit != NONE) {
                    return hit;
                }
            }
        }
        for (int i = from; i < limit; i++) {
            // One table load per character, over the whole char range, so the common case has a single branch.
            final byte trigger = TRIGGERS[text[i]];
            if (trigger == 0) {
                continue;
            }
            if (trigger != BOUNDARY) {
                final long hit = atSymbol(text, i, text[i], from, limit);
                if (hit != NONE) {
                    return hit;
                }
            }
            if (i + 1 < limit && mayStart(text, i + 1, limit)) {
                final long hit = atWordStart(text, i + 1, limit);
                if (hit != NONE) {
                    return hit;
                }
            }
        }
        return NONE;
    }

    /** A token right at {@code from}, which no position before it in the scan has looked at. */
    long atScanStart(final char[] text, final int from, final int limit) {
        if (from < limit && (from == 0 || !is(text[from - 1], ALNUM)) && mayStart(text, from, limit)) {
            return atWordStart(text, from, limit);
        }
        return NONE;
    }

    /**
     * What {@link #find}, scanning {@code text[from, limit)}, finds from position {@code i}: a token at a symbol
     * there, or one that starts right after it. Also for {@link MessageTemplate}, which leaves out the positions a
     * message's format shows to be of no interest.
     */
    long at(final char[] text, final int i, final int from, final int limit) {
        final byte trigger = TRIGGERS[text[i]];
        if (trigger == 0) {
            return NONE;
        }
        if (trigger != BOUNDARY) {
            final long hit = atSymbol(text, i, text[i], from, limit);
            if (hit != NONE) {
                return hit;
            }
        }
        return i + 1 < limit && mayStart(text, i + 1, limit) ? atWordStart(text, i + 1, limit) : NONE;
    }

    /** Whether the scanner never looks further from this character: an ASCII letter or digit. */
    static boolean isLetterOrDigit(final char c) {
        return TRIGGERS[c] == 0;
    }

    /**
     * Whether {@link #at} may find something at position {@code i}: {@code false} only where {@code text[i..i+2]}
     * alone rules it out, so that it is so in every text that repeats those characters there. A dash or an at sign
     * is then only a word boundary unless it starts a private key block or an address is searched for; other
     * symbols read beyond the three characters. Cheaper than {@link #at}, which it spares most boundaries.
     */
    boolean mayFindAt(final char[] text, final int i, final int limit) {
        final char c = text[i];
        final byte trigger = TRIGGERS[c];
        if (trigger == 0) {
            return false;
        }
        final boolean symbol = c == '-' ? privateKeys && i + 1 < limit && text[i + 1] == '-'
                : c == '@' ? email : trigger != BOUNDARY;
        return symbol || i + 1 < limit && mayStart(text, i + 1, limit);
    }

    /**
     * An AWS secret access key right after an access key id ({@code AKIA…,wJalr…}): 40 base64 characters that look
     * random. Found by context only, so a hex digest (a commit id after a key id in a CSV line) or a repetitive
     * placeholder there is not taken for one (see {@link Entropy}).
     */
    long awsSecretAfter(final char[] text, final int from, final int limit) {
        if (!enabled[BuiltInRule.AWS_SECRET_KEY.ordinal()]) {
            return NONE;
        }
        int k = from;
        for (int skipped = 0; k < limit && skipped < 4 && " \t,;:|\"'=".indexOf(text[k]) >= 0; skipped++) {
            k++;
        }
        final int end = run(text, k, Math.min(limit, k + 41), B64);
        if (end - k == 40 && (end == limit || !is(text[end], B64) && text[end] != '=')
                && !allHex(text, k, end) && Entropy.bitsPerChar(text, k, end) >= MIN_SECRET_KEY_BITS) {
            return hit(k, end, BuiltInRule.AWS_SECRET_KEY.ordinal());
        }
        return NONE;
    }

    private long atSymbol(final char[] text, final int i, final char c, final int from, final int limit) {
        switch (c) {
            case '=':
                return pair(text, i, 1, limit);
            case ':':
                if (i + 2 < limit && text[i + 1] == '/' && text[i + 2] == '/') {
                    return urls ? url(text, i + 3, limit, false) : NONE;
                }
                return pair(text, i, 1, limit);
            case '%':
                return atPercent(text, i, limit);
            case '\\':
                // A JSON or Java escape such as \n ends a word: a token may start right after it.
                if (i + 2 < limit && "nrtbf".indexOf(text[i + 1]) >= 0 && mayStart(text, i + 2, limit)) {
                    return atWordStart(text, i + 2, limit);
                }
                return NONE;
            case '-':
                return privateKeys && i + 11 <= limit && text[i + 1] == '-' ? privateKey(text, i, limit) : NONE;
            case '@':
                return email ? email(text, i, from, limit) : NONE;
            default:
                return NONE;
        }
    }

    /** URL-encoded text: {@code %3D} and {@code %3A} are separators, {@code %3A%2F%2F} a scheme, {@code %XX} a boundary. */
    private long atPercent(final char[] text, final int i, final int limit) {
        if (i + 3 > limit || !is(text[i + 1], HEX) || !is(text[i + 2], HEX)) {
            return NONE;
        }
        if (regionMatchesIgnoreCase(text, i, limit, "%3A%2F%2F")) {
            return urls ? url(text, i + 9, limit, true) : NONE;
        }
        if (regionMatchesIgnoreCase(text, i, limit, "%3D") || regionMatchesIgnoreCase(text, i, limit, "%3A")) {
            final long hit = pair(text, i, 3, limit);
            if (hit != NONE) {
                return hit;
            }
        }
        if (i + 3 < limit && mayStart(text, i + 3, limit)) {
            return atWordStart(text, i + 3, limit);
        }
        return NONE;
    }

    private long atWordStart(final char[] text, final int i, final int limit) {
        final char c = text[i];
        final Prefix[] prefixes = byFirst[c];
        if (prefixes != null) {
            for (final Prefix prefix : prefixes) {
                final long hit = prefix(text, i, limit, prefix);
                if (hit != NONE) {
                    return hit;
                }
            }
        }
        if (authorization && (c == 'B' || c == 'b')) {
            return schemeCredentials(text, i, limit);
        }
        if (cards && c >= '0' && c <= '9') {
            return card(text, i, limit);
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
        secondStage();
        final int rule = prefix.rule.ordinal();
        if (prefix.rule == BuiltInRule.JWT) {
            return jwt(text, i, limit);
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
        if (prefix.exact) {
            return length == prefix.length && (bodyEnd == limit || !is(text[bodyEnd], ALNUM))
                    ? hit(i, bodyEnd, rule) : NONE;
        }
        if (prefix.checksummed) {
            // Also at the usual length: a token run together with the word after it still carries its checksum there.
            return length >= prefix.length && (GitHubChecksum.isValid(text, bodyStart, bodyEnd)
                    || GitHubChecksum.isValid(text, bodyStart, bodyStart + prefix.length)) ? hit(i, bodyEnd, rule) : NONE;
        }
        return length >= prefix.length ? hit(i, bodyEnd, rule) : NONE;
    }

    /** {@code header.payload.signature}, base64url, the header starting {@code eyJ} (base64 of {@code {"}). */
    private long jwt(final char[] text, final int i, final int limit) {
        final int header = run(text, i, limit, TOKEN);
        if (header - i < 10 || header >= limit || text[header] != '.') {
            return NONE;
        }
        final int payload = run(text, header + 1, limit, TOKEN);
        if (payload - header - 1 < 2 || payload >= limit || text[payload] != '.') {
            return NONE;
        }
        return hit(i, run(text, payload + 1, limit, TOKEN), BuiltInRule.JWT.ordinal());
    }

    /**
     * {@code Bearer <token>} or {@code Basic <base64>} outside a header: the scheme stays, the credentials go. A
     * bearer token needs 16+ characters and a digit or symbol, and a Basic one must decode to {@code user:password},
     * so prose such as "basic authentication" is left alone.
     */
    private long schemeCredentials(final char[] text, final int i, final int limit) {
        final boolean bearer = regionMatchesIgnoreCase(text, i, limit, "bearer ");
        if (!bearer && !regionMatchesIgnoreCase(text, i, limit, "basic ")) {
            return NONE;
        }
        if (i > 0 && is(text[i - 1], TOKEN)) {
            return NONE;
        }
        secondStage();
        final int start = i + (bearer ? 7 : 6);
        if (bearer) {
            final int end = run(text, start, limit, TOKEN68);
            return end - start >= 16 && hasDigitOrSymbol(text, start, end)
                    ? hit(start, end, BuiltInRule.AUTHORIZATION.ordinal()) : NONE;
        }
        int end = run(text, start, limit, B64);
        while (end < limit && end - start < 4096 && text[end] == '=') {
            end++;
        }
        return end - start >= 8 && (end - start) % 4 == 0 && base64HasColon(text, start, end)
                ? hit(start, end, BuiltInRule.AUTHORIZATION.ordinal()) : NONE;
    }

    /** A {@code key=value}, {@code key: value}, {@code "key":"value"} or {@code key=>value} pair with a sensitive key. */
    private long pair(final char[] text, final int separator, final int separatorLength, final int limit) {
        int k = separator - 1;
        for (int skipped = 0; k >= 0 && skipped < 3; skipped++) {
            final char c = text[k];
            if (c != '"' && c != '\'' && c != '\\' && c != ' ') {
                break;
            }
            k--;
        }
        final int keyEnd = k + 1;
        final int stop = Math.max(0, keyEnd - MAX_KEY_LOOKBACK);
        while (k >= stop && is(text[k], KEY)) {
            k--;
        }
        if (k + 1 == keyEnd) {
            return NONE;
        }
        final int rule = names.ruleOf(text, k + 1, keyEnd);
        if (rule < 0) {
            return NONE;
        }
        secondStage();
        return value(text, separator + separatorLength, limit, rule, separatorLength == 3);
    }

    /** The value after a sensitive key's separator. */
    private long value(final char[] text, final int from, final int limit, final int rule, final boolean encoded) {
        int v = from;
        if (v < limit && text[v] == '>' && text[v - 1] == '=') {
            v++;
        }
        while (v < limit && (text[v] == ' ' || text[v] == '\t')) {
            v++;
        }
        if (v >= limit) {
            return NONE;
        }
        final char first = text[v];
        int start;
        int end;
        if (first == '"' || first == '\'') {
            start = v + 1;
            end = closingQuote(text, start, limit, first);
        } else if (first == '\\' && v + 1 < limit && text[v + 1] == '"') {
            start = v + 2;
            end = indexOf(text, "\\\"", start, limit);
            if (end < 0) {
                end = limit;
            }
        } else {
            start = v;
            end = -1;
        }
        if (rule == BuiltInRule.AUTHORIZATION.ordinal()) {
            final int scheme = run(text, start, Math.min(limit, start + 33), TOKEN);
            final int gap = scheme < limit && (text[scheme] == ' ' || text[scheme] == '+') ? 1
                    : regionMatchesIgnoreCase(text, scheme, limit, "%20") ? 3 : 0;
            if (scheme > start && scheme - start <= 32 && gap > 0) {
                final boolean token68 = regionMatchesIgnoreCase(text, start, scheme, "bearer")
                        || regionMatchesIgnoreCase(text, start, scheme, "basic")
                        || regionMatchesIgnoreCase(text, start, scheme, "token")
                        || regionMatchesIgnoreCase(text, start, scheme, "negotiate");
                start = scheme + gap;
                if (token68 && end < 0) {
                    end = run(text, start, limit, TOKEN68);
                } else if (end < 0) {
                    end = lineEnd(text, start, limit);
                }
            }
        }
        if (end < 0) {
            end = bracketedEnd(text, start, limit);
        }
        if (end < 0) {
            end = rule == BuiltInRule.COOKIE.ordinal() ? cookieEnd(text, start, limit) : unquotedEnd(text, start, limit, encoded);
        }
        if (end <= start) {
            return NONE;
        }
        return hit(start, end, Placeholders.is(text, start, end, limit) ? SKIP : rule);
    }

    /** {@code scheme://user:password@host}: the password is masked, the rest of the URL kept. */
    private long url(final char[] text, final int authority, final int limit, final boolean encoded) {
        secondStage();
        final String slackHost = encoded ? "hooks.slack.com%2F" : "hooks.slack.com/";
        if (enabled[BuiltInRule.SLACK_WEBHOOK.ordinal()] && regionMatchesIgnoreCase(text, authority, limit, slackHost)) {
            final int path = authority + slackHost.length();
            int end = path;
            while (end < limit && isUrlChar(text[end]) && !(encoded && text[end] == '&')) {
                end++;
            }
            return end > path ? hit(path, end, Placeholders.is(text, path, end) ? SKIP : BuiltInRule.SLACK_WEBHOOK.ordinal())
                    : NONE;
        }
        if (!enabled[BuiltInRule.URL_CREDENTIALS.ordinal()]) {
            return NONE;
        }
        int at = -1;
        int atLength = 1;
        for (int e = authority; e < limit; e++) {
            final char c = text[e];
            if (c == '/' || c == '?' || c == '#' || c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\') {
                break;
            }
            if (encoded) {
                if (c == '&' || regionMatchesIgnoreCase(text, e, limit, "%2F") || regionMatchesIgnoreCase(text, e, limit, "%3F")) {
                    break;
                }
                if (regionMatchesIgnoreCase(text, e, limit, "%40")) {
                    at = e;
                    atLength = 3;
                }
            } else if (c == '@') {
                at = e;
            }
        }
        if (at < 0) {
            return NONE;
        }
        int password = -1;
        for (int k = authority; k < at; k++) {
            if (text[k] == ':') {
                password = k + 1;
                break;
            }
            if (encoded && regionMatchesIgnoreCase(text, k, at, "%3A")) {
                password = k + 3;
                break;
            }
        }
        if (password < 0 || password >= at) {
            return NONE;
        }
        return hit(password, at, Placeholders.is(text, password, at) ? SKIP : BuiltInRule.URL_CREDENTIALS.ordinal());
    }

    /**
     * A PEM private key block, also with its line breaks escaped as {@code \n}. Public keys and certificates are not
     * secrets and are left alone. A block without its END line is masked to the end of the field.
     */
    private long privateKey(final char[] text, final int i, final int limit) {
        if (!regionMatchesIgnoreCase(text, i, limit, "-----BEGIN")) {
            return NONE;
        }
        final int label = i + 10;
        final int labelEnd = indexOf(text, "-----", label, Math.min(limit, label + MAX_LABEL));
        if (labelEnd < 0 || indexOf(text, "PRIVATE", label, labelEnd) < 0) {
            return NONE;
        }
        secondStage();
        final int endLine = indexOf(text, "-----END", labelEnd + 5, limit);
        if (endLine < 0) {
            return hit(i, limit, BuiltInRule.PRIVATE_KEY.ordinal());
        }
        final int close = indexOf(text, "-----", endLine + 8, Math.min(limit, endLine + 8 + MAX_LABEL));
        return hit(i, close < 0 ? limit : close + 5, BuiltInRule.PRIVATE_KEY.ordinal());
    }

    /** An e-mail address (optional rule): local part, {@code @}, a domain with a dot and a 2+ letter ending. */
    private long email(final char[] text, final int at, final int from, final int limit) {
        int start = at;
        while (start > from && at - start < 64 && is(text[start - 1], EMAIL_LOCAL)) {
            start--;
        }
        int end = run(text, at + 1, limit, DOMAIN);
        while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) {
            end--;
        }
        final int lastDot = lastIndexOf(text, '.', at + 1, end);
        if (start == at || lastDot < 0 || end - lastDot < 3 || lastDot == at + 1) {
            return NONE;
        }
        for (int k = lastDot + 1; k < end; k++) {
            final char c = text[k];
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                return NONE;
            }
        }
        return hit(start, end, BuiltInRule.EMAIL.ordinal());
    }

    /** A card number (optional rule): 13 to 19 digits, single spaces or dashes between groups, Luhn-valid. */
    private long card(final char[] text, final int i, final int limit) {
        if (i > 0 && (is(text[i - 1], ALNUM) || text[i - 1] == '.')) {
            return NONE;
        }
        int digits = 0;
        int end = i;
        int k = i;
        while (k < limit && digits <= 19) {
            final char c = text[k];
            if (c >= '0' && c <= '9') {
                digits++;
                end = ++k;
            } else if ((c == ' ' || c == '-') && k + 1 < limit && text[k + 1] >= '0' && text[k + 1] <= '9') {
                k++;
            } else {
                break;
            }
        }
        if (digits < 13 || digits > 19 || end < limit && (is(text[end], ALNUM) || text[end] == '.'
                && end + 1 < limit && is(text[end + 1], ALNUM))) {
            return NONE;
        }
        int sum = 0;
        boolean twice = false;
        for (int p = end - 1; p >= i; p--) {
            final char c = text[p];
            if (c < '0' || c > '9') {
                continue;
            }
            int d = c - '0';
            if (twice) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0 ? hit(i, end, BuiltInRule.CARD_NUMBER.ordinal()) : NONE;
    }

    private void secondStage() {
        if (secondStage != null) {
            secondStage.increment();
        }
    }

    static boolean is(final char c, final int cls) {
        return c < 128 && (CLASSES[c] & cls) != 0;
    }

    private static int run(final char[] text, final int from, final int limit, final int cls) {
        int k = from;
        while (k < limit && is(text[k], cls)) {
            k++;
        }
        return k;
    }

    private static boolean allHex(final char[] text, final int start, final int end) {
        for (int k = start; k < end; k++) {
            if (!is(text[k], HEX)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasDigitOrSymbol(final char[] text, final int start, final int end) {
        for (int k = start; k < end; k++) {
            final char c = text[k];
            if (c >= '0' && c <= '9' || !is(c, ALNUM)) {
                return true;
            }
        }
        return false;
    }

    /** Decodes base64 on the fly (no buffer) and reports whether it holds a {@code :}, as {@code user:password} does. */
    private static boolean base64HasColon(final char[] text, final int start, final int end) {
        int bits = 0;
        int count = 0;
        for (int k = start; k < end; k++) {
            final char c = text[k];
            final int value;
            if (c >= 'A' && c <= 'Z') {
                value = c - 'A';
            } else if (c >= 'a' && c <= 'z') {
                value = c - 'a' + 26;
            } else if (c >= '0' && c <= '9') {
                value = c - '0' + 52;
            } else if (c == '+') {
                value = 62;
            } else if (c == '/') {
                value = 63;
            } else {
                break;
            }
            bits = bits << 6 | value;
            count += 6;
            if (count >= 8) {
                count -= 8;
                if ((bits >> count & 0xFF) == ':') {
                    return true;
                }
            }
        }
        return false;
    }

    private static int closingQuote(final char[] text, final int from, final int limit, final char quote) {
        for (int k = from; k < limit; k++) {
            final char c = text[k];
            if (c == '\\') {
                k++;
            } else if (c == quote) {
                return k;
            }
        }
        return limit;
    }

    /** The end of an unquoted value: whitespace, a delimiter, or a full stop that ends a sentence. */
    private static int unquotedEnd(final char[] text, final int from, final int limit, final boolean encoded) {
        for (int k = from; k < limit; k++) {
            final char c = text[k];
            if (c <= ' ') {
                return k;
            }
            switch (c) {
                case ',': case ';': case '&': case ')': case ']': case '}': case '"': case '\'': case '<': case '>':
                case '\\': case '|':
                    return k;
                case '.':
                    if (k + 1 == limit || text[k + 1] <= ' ' || "\"'\\".indexOf(text[k + 1]) >= 0) {
                        return k;
                    }
                    break;
                case '%':
                    if (encoded && (regionMatchesIgnoreCase(text, k, limit, "%26") || regionMatchesIgnoreCase(text, k, limit, "%20")
                            || regionMatchesIgnoreCase(text, k, limit, "%2C") || regionMatchesIgnoreCase(text, k, limit, "%3B"))) {
                        return k;
                    }
                    break;
                default:
                    break;
            }
        }
        return limit;
    }

    /**
     * The end of an unquoted value that opens a bracket ({@code ${…}}, {@code [REDACTED:…]}, {@code <hidden>}),
     * just after its closing bracket, or -1: such values are placeholders or masks, and may hold the delimiters
     * that end an ordinary value.
     */
    private static int bracketedEnd(final char[] text, final int from, final int limit) {
        final char first = text[from];
        final int open = first == '[' || first == '<' ? from
                : from + 1 < limit && text[from + 1] == '{' && "${%#".indexOf(first) >= 0 ? from + 1 : -1;
        if (open < 0) {
            return -1;
        }
        final char close = text[open] == '[' ? ']' : text[open] == '<' ? '>' : '}';
        for (int k = open + 1; k < limit && k - open <= MAX_KEY_LOOKBACK; k++) {
            final char c = text[k];
            if (c == close) {
                return k + 1;
            }
            if (c <= ' ') {
                return -1;
            }
        }
        return -1;
    }

    /** A cookie header's value holds {@code name=value; …} pairs: it ends at the line's or the field's end. */
    private static int cookieEnd(final char[] text, final int from, final int limit) {
        for (int k = from; k < limit; k++) {
            final char c = text[k];
            if (c == '\n' || c == '\r' || c == '"' || c == '}' || c == ']' || c == '\\'
                    || c == ',' && k + 1 < limit && text[k + 1] == ' ') {
                return k;
            }
        }
        return limit;
    }

    private static int lineEnd(final char[] text, final int from, final int limit) {
        for (int k = from; k < limit; k++) {
            final char c = text[k];
            if (c == '\n' || c == '\r' || c == '"' || c == '\\') {
                return k;
            }
        }
        return limit;
    }

    private static boolean isUrlChar(final char c) {
        return c > ' ' && c != '"' && c != '\'' && c != '<' && c != '>' && c != '\\' && c != ')' && c != '}';
    }

    static boolean regionMatchesIgnoreCase(final char[] text, final int at, final int limit, final String literal) {
        final int n = literal.length();
        if (at + n > limit) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            char c = text[at + k];
            if (c >= 'A' && c <= 'Z') {
                c += 32;
            }
            char l = literal.charAt(k);
            if (l >= 'A' && l <= 'Z') {
                l += 32;
            }
            if (c != l) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(final char[] text, final String literal, final int from, final int limit) {
        final char first = literal.charAt(0);
        for (int k = from; k + literal.length() <= limit; k++) {
            if (text[k] == first && regionMatchesIgnoreCase(text, k, limit, literal)) {
                return k;
            }
        }
        return -1;
    }

    private static int lastIndexOf(final char[] text, final char c, final int from, final int end) {
        for (int k = end - 1; k >= from; k--) {
            if (text[k] == c) {
                return k;
            }
        }
        return -1;
    }
}
