package dev.narration.internal.redact;

import static dev.narration.internal.redact.CharClasses.ALNUM;
import static dev.narration.internal.redact.CharClasses.BOUNDARY;
import static dev.narration.internal.redact.CharClasses.HEX;
import static dev.narration.internal.redact.CharClasses.TRIGGERS;
import static dev.narration.internal.redact.CharClasses.is;
import static dev.narration.internal.redact.CharClasses.regionMatchesIgnoreCase;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * Finds the built-in kinds of secrets in text, left to right, in time linear in the text's length.
 *
 * <p>Two stages. The first is a single pass over the characters with a table lookup each: letters and digits
 * (almost all of clean text) cost one load and one comparison. Only at a non-alphanumeric character does it look
 * further, and only cheaply: do the next three characters start a vendor prefix ({@code ghp_},
 * {@code AKIA}, {@code eyJ}, …), is this a separator ({@code =}, {@code :}, {@code %3D}, the comma between two
 * quoted arguments, the end of an XML start tag) whose key may be sensitive, is this {@code ://},
 * {@code -----BEGIN } or an option such as {@code -u}, or the {@code ~} of an Azure AD client secret. The second stage, hand-written matchers for each format,
 * runs only where the first stage found such a trigger.
 *
 * <p>No regular expressions, so no backtracking. Each matcher reads forward over one run of the characters its
 * format allows and starts only where the previous character is outside that set, so runs read from different
 * starts never overlap; look-backs (a key before {@code =}) are bounded. The whole scan is therefore linear even
 * for adversarial input such as megabytes of {@code a=a=a…} or of base64.
 *
 * <p>This class is the first stage and the dispatch; the matchers are split by concern: {@link CharClasses} (the
 * classes and the trigger table), {@link VendorTokens} (prefixed tokens), {@link KeyValues} (sensitive keys and
 * their values) and {@link StructuredSecrets} (formats known by their structure). A hit is packed into a
 * {@code long} (see {@link #hit}) so that scanning clean text allocates nothing.
 */
public final class TokenScanner {
    static final long NONE = -1L;
    /** The rule of a hit that masks nothing: a placeholder value such as {@code ${DB_PASSWORD}}, skipped whole. */
    static final int SKIP = 127;
    /** Hits pack offsets into 28 bits, so fields longer than this are scanned up to it (the scan-limit fail-safe). */
    static final int MAX_OFFSET = (1 << 28) - 1;

    private final VendorTokens vendors;
    private final KeyValues pairs;
    private final StructuredSecrets formats;
    /**
     * The pairs of characters that may start a token at a word boundary ({@code sk}, {@code gh}, {@code gl}, …):
     * for each first character, each second one's index + 1 into {@link #startThirds}, 0 where no token starts so;
     * {@code null} for a first character that starts none. Most words of prose are ruled out by their first two
     * letters, most of the rest by the third ({@code for} is not {@code fo1_}, {@code at } not {@code atlasv1.}).
     */
    private final short[][] startPairs = new short[128][];
    /** For each start pair, two words: bit {@code c} of the third characters that may follow it. */
    private final long[] startThirds;
    private final boolean email;
    private final boolean cards;
    private final boolean urls;
    private final boolean privateKeys;
    private final boolean authorization;
    /** Whether {@code curl -u user:password} and {@code --user} are read, as values of the {@code password} rule. */
    private final boolean userOptions;
    private final boolean kubernetes;

    /**
     * A scanner for the enabled rules ({@link BuiltInRule} ordinals); {@code secondStage} counts the second stage's
     * entries, for diagnostics only ({@code null} in production).
     */
    TokenScanner(final boolean[] enabled, final SensitiveNames names, final LongAdder secondStage) {
        final boolean[] rules = enabled.clone();
        this.formats = new StructuredSecrets(rules, secondStage);
        this.vendors = new VendorTokens(rules, formats, secondStage);
        this.pairs = new KeyValues(names, secondStage);
        final String[] thirds = new String[128 * 128];
        for (char first = 0; first < 128; first++) {
            for (char second = 0; second < 128; second++) {
                thirds[first << 7 | second] = vendors.thirdCharacters(first, second);
            }
        }
        this.authorization = rules[BuiltInRule.AUTHORIZATION.ordinal()];
        if (authorization) {
            // Bearer and Basic, in any case.
            for (final char b : new char[] {'B', 'b'}) {
                allowStart(thirds, b, "eE", "aA");
                allowStart(thirds, b, "aA", "sS");
            }
        }
        this.cards = rules[BuiltInRule.CARD_NUMBER.ordinal()];
        if (cards) {
            // Digits, each group separated from the next by one space or dash.
            for (char c = '0'; c <= '9'; c++) {
                allowStart(thirds, c, "0123456789", "0123456789 -");
                allowStart(thirds, c, " -", "0123456789");
            }
        }
        this.startThirds = startTable(thirds);
        this.email = rules[BuiltInRule.EMAIL.ordinal()];
        this.urls = rules[BuiltInRule.URL_CREDENTIALS.ordinal()] || rules[BuiltInRule.SLACK_WEBHOOK.ordinal()];
        this.privateKeys = rules[BuiltInRule.PRIVATE_KEY.ordinal()];
        this.userOptions = rules[BuiltInRule.PASSWORD.ordinal()];
        this.kubernetes = rules[BuiltInRule.KUBERNETES_SECRET.ordinal()];
    }

    private static boolean isQuote(final char c) {
        return c == '"' || c == '\'';
    }

    private static void allowStart(final String[] thirds, final char first, final String seconds, final String allowed) {
        for (int k = 0; k < seconds.length(); k++) {
            final int pair = first << 7 | seconds.charAt(k);
            thirds[pair] = thirds[pair] + allowed;
        }
    }

    /** Fills {@link #startPairs} from the third characters of each pair ({@code first << 7 | second}). */
    private long[] startTable(final String[] thirds) {
        long[] table = new long[64];
        int pairs = 0;
        for (int pair = 0; pair < thirds.length; pair++) {
            if (thirds[pair].isEmpty()) {
                continue;
            }
            if (2 * pairs + 2 > table.length) {
                table = Arrays.copyOf(table, 2 * table.length);
            }
            for (int k = 0; k < thirds[pair].length(); k++) {
                final char third = thirds[pair].charAt(k);
                table[2 * pairs + (third >>> 6)] |= 1L << third;
            }
            final int first = pair >>> 7;
            if (startPairs[first] == null) {
                startPairs[first] = new short[128];
            }
            startPairs[first][pair & 127] = (short) ++pairs;
        }
        return Arrays.copyOf(table, 2 * pairs);
    }

    /** Whether a token of an enabled rule may start at {@code i}, judged by its first three characters. */
    private boolean mayStart(final char[] text, final int i, final int limit) {
        final char first = text[i];
        final short[] seconds;
        if (first >= 128 || (seconds = startPairs[first]) == null || i + 2 >= limit) {
            return false;
        }
        final char second = text[i + 1];
        final char third = text[i + 2];
        if (second >= 128 || third >= 128) {
            return false;
        }
        final int pair = seconds[second];
        return pair != 0 && (startThirds[2 * pair - 2 + (third >>> 6)] & 1L << third) != 0;
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

    /** Counts one entry into the second stage, when counting. */
    static void count(final LongAdder secondStage) {
        if (secondStage != null) {
            secondStage.increment();
        }
    }

    /**
     * The first hit in {@code text[from, limit)}, or {@link #NONE}. {@code from} is 0 or the end of the previous
     * hit, so scanning a whole text is a sequence of calls that each start where the last one ended.
     */
    long find(final char[] text, final int from, final int limit) {
        // The same steps as atScanStart and at, written out: through calls to them, C2 compiles this loop slower
        // (FirstStageBenchmark clean1k, docs/performance.md).
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

    /**
     * Whether {@link #at} may find something at position {@code i}: {@code false} only where {@code text[i..i+3]}
     * alone rules it out, so that it is so in every text that repeats those characters there. A dash or an at sign
     * is then only a word boundary unless it starts a private key block or an address is searched for, a comma only
     * between quoted arguments; other symbols read beyond the four characters. Cheaper than {@link #at}, which it
     * spares most boundaries.
     */
    boolean mayFindAt(final char[] text, final int i, final int limit) {
        final char c = text[i];
        final byte trigger = TRIGGERS[c];
        if (trigger == 0) {
            return false;
        }
        final boolean symbol;
        if (c == '-') {
            final char next = i + 1 < limit ? text[i + 1] : 0;
            symbol = next == '-' && (privateKeys || userOptions) || next == 'u' && userOptions;
        } else if (c == ',') {
            // Only the comma between two quoted arguments, f("k", "v"), is looked at.
            symbol = i + 1 < limit && isQuote(text[i + 1]) || i + 2 < limit && text[i + 1] == ' ' && isQuote(text[i + 2]);
        } else {
            symbol = c == '@' ? email : trigger != BOUNDARY;
        }
        return symbol || i + 1 < limit && mayStart(text, i + 1, limit);
    }

    /** An AWS secret access key right after an access key id ({@link StructuredSecrets#awsSecretAfter}). */
    long awsSecretAfter(final char[] text, final int from, final int limit) {
        return formats.awsSecretAfter(text, from, limit);
    }

    private long atSymbol(final char[] text, final int i, final char c, final int from, final int limit) {
        switch (c) {
            case '=':
                return throughKeyBlock(pairs.pair(text, i, 1, limit), text, limit);
            case ':': {
                if (i + 2 < limit && text[i + 1] == '/' && text[i + 2] == '/') {
                    return urls ? formats.url(text, i + 3, limit, false) : NONE;
                }
                final long hit = throughKeyBlock(pairs.pair(text, i, 1, limit), text, limit);
                if (hit != NONE) {
                    return hit;
                }
                final long bot = vendors.telegramBotToken(text, i, limit);
                return bot != NONE || !kubernetes ? bot : formats.kubernetesSecretData(text, i, limit);
            }
            case ',':
                return i > 0 && isQuote(text[i - 1]) ? pairs.argument(text, i, limit) : NONE;
            case '>':
                return pairs.element(text, i, limit);
            case '~':
                return vendors.azureClientSecret(text, i, limit);
            case '%':
                return atPercent(text, i, limit);
            case '\\':
                // A JSON or Java escape such as \n ends a word: a token may start right after it.
                if (i + 2 < limit && "nrtbf".indexOf(text[i + 1]) >= 0 && mayStart(text, i + 2, limit)) {
                    return atWordStart(text, i + 2, limit);
                }
                return NONE;
            case '-': {
                final long key = privateKeys && i + 11 <= limit && text[i + 1] == '-' ? formats.privateKey(text, i, limit) : NONE;
                return key != NONE || !userOptions ? key : pairs.userOption(text, i, limit);
            }
            case '@':
                return email ? formats.email(text, i, from, limit) : NONE;
            default:
                return NONE;
        }
    }

    /**
     * A sensitive key's value that opens a private key block ({@code private_key=-----BEGIN RSA PRIVATE KEY-----…})
     * is masked to the block's end: the value alone ends at the block's first space, and the scan would go on after
     * it, past the {@code -----BEGIN} that starts the block, and leave the key's lines in clear.
     */
    private long throughKeyBlock(final long hit, final char[] text, final int limit) {
        if (hit == NONE || !privateKeys) {
            return hit;
        }
        final int start = start(hit);
        if (start + 11 > limit || text[start] != '-' || text[start + 1] != '-') {
            return hit;
        }
        final long block = formats.privateKey(text, start, limit);
        return block != NONE && end(block) > end(hit) ? hit(start, end(block), rule(hit)) : hit;
    }

    /** URL-encoded text: {@code %3D} and {@code %3A} are separators, {@code %3A%2F%2F} a scheme, {@code %XX} a boundary. */
    private long atPercent(final char[] text, final int i, final int limit) {
        if (i + 3 > limit || !is(text[i + 1], HEX) || !is(text[i + 2], HEX)) {
            return NONE;
        }
        if (regionMatchesIgnoreCase(text, i, limit, "%3A%2F%2F")) {
            return urls ? formats.url(text, i + 9, limit, true) : NONE;
        }
        if (regionMatchesIgnoreCase(text, i, limit, "%3D") || regionMatchesIgnoreCase(text, i, limit, "%3A")) {
            final long hit = throughKeyBlock(pairs.pair(text, i, 3, limit), text, limit);
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
        final long hit = vendors.at(text, i, limit);
        if (hit != NONE) {
            return hit;
        }
        final char c = text[i];
        if (authorization && (c == 'B' || c == 'b')) {
            return formats.schemeCredentials(text, i, limit);
        }
        if (cards && c >= '0' && c <= '9') {
            return formats.card(text, i, limit);
        }
        return NONE;
    }
}
