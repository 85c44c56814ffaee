package dev.narration.internal.redact;

import static dev.narration.internal.redact.CharClasses.ALNUM;
import static dev.narration.internal.redact.CharClasses.B64;
import static dev.narration.internal.redact.CharClasses.DOMAIN;
import static dev.narration.internal.redact.CharClasses.EMAIL_LOCAL;
import static dev.narration.internal.redact.CharClasses.KEY;
import static dev.narration.internal.redact.CharClasses.TOKEN68;
import static dev.narration.internal.redact.CharClasses.TOKEN;
import static dev.narration.internal.redact.CharClasses.allHex;
import static dev.narration.internal.redact.CharClasses.hasDigitOrSymbol;
import static dev.narration.internal.redact.CharClasses.indexOf;
import static dev.narration.internal.redact.CharClasses.is;
import static dev.narration.internal.redact.CharClasses.lastIndexOf;
import static dev.narration.internal.redact.CharClasses.regionMatchesIgnoreCase;
import static dev.narration.internal.redact.CharClasses.run;
import static dev.narration.internal.redact.TokenScanner.NONE;
import static dev.narration.internal.redact.TokenScanner.SKIP;
import static dev.narration.internal.redact.TokenScanner.count;
import static dev.narration.internal.redact.TokenScanner.hit;

import java.util.concurrent.atomic.LongAdder;

/**
 * The secrets found by their structure rather than a prefix or a key: JSON web tokens, {@code Bearer} and
 * {@code Basic} credentials outside a header, the password of a URL, PEM private keys, an AWS secret key right
 * after its key id (by entropy), and the optional e-mail addresses and card numbers. Each reads forward over its own
 * run of characters from where the first stage found its trigger.
 */
final class StructuredSecrets {
    private static final int MAX_LABEL = 64;
    /** Bits per character below which 40 characters after a key id are no random secret key ({@link Entropy}). */
    private static final double MIN_SECRET_KEY_BITS = 3.5;

    /** Webhook URLs whose path is the secret: the host and path prefix, plain and URL-encoded, and the rule. */
    private static final Object[][] WEBHOOKS = {
        {"hooks.slack.com/", "hooks.slack.com%2F", BuiltInRule.SLACK_WEBHOOK},
        {"discord.com/api/webhooks/", "discord.com%2Fapi%2Fwebhooks%2F", BuiltInRule.DISCORD_WEBHOOK},
        {"discordapp.com/api/webhooks/", "discordapp.com%2Fapi%2Fwebhooks%2F", BuiltInRule.DISCORD_WEBHOOK},
    };
    /** How far before and after a Secret's {@code data} block its {@code kind: Secret} is looked for. */
    private static final int KIND_WINDOW = 1024;
    /** The longest {@code data} block read; a longer one is masked to here. */
    private static final int MAX_DATA_BLOCK = 16384;

    private final boolean[] enabled;
    private final LongAdder secondStage;

    StructuredSecrets(final boolean[] enabled, final LongAdder secondStage) {
        this.enabled = enabled;
        this.secondStage = secondStage;
    }

    /** {@code header.payload.signature}, base64url, the header starting {@code eyJ} (base64 of {@code {"}). */
    long jwt(final char[] text, final int i, final int limit) {
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
    long schemeCredentials(final char[] text, final int i, final int limit) {
        final boolean bearer = regionMatchesIgnoreCase(text, i, limit, "bearer ");
        if (!bearer && !regionMatchesIgnoreCase(text, i, limit, "basic ")) {
            return NONE;
        }
        if (i > 0 && is(text[i - 1], TOKEN)) {
            return NONE;
        }
        count(secondStage);
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

    /** {@code scheme://user:password@host}: the password is masked, the rest of the URL kept. */
    long url(final char[] text, final int authority, final int limit, final boolean encoded) {
        count(secondStage);
        for (final Object[] webhook : WEBHOOKS) {
            final BuiltInRule rule = (BuiltInRule) webhook[2];
            final String host = (String) webhook[encoded ? 1 : 0];
            if (enabled[rule.ordinal()] && regionMatchesIgnoreCase(text, authority, limit, host)) {
                final int path = authority + host.length();
                int end = path;
                while (end < limit && isUrlChar(text[end]) && !(encoded && text[end] == '&')) {
                    end++;
                }
                return end > path ? hit(path, end, Placeholders.is(text, path, end) ? SKIP : rule.ordinal()) : NONE;
            }
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
    long privateKey(final char[] text, final int i, final int limit) {
        if (!regionMatchesIgnoreCase(text, i, limit, "-----BEGIN")) {
            return NONE;
        }
        final int label = i + 10;
        final int labelEnd = indexOf(text, "-----", label, Math.min(limit, label + MAX_LABEL));
        if (labelEnd < 0) {
            // A label longer than the look-ahead that names a private key in it: masked to the end (fail closed).
            final int window = Math.min(limit, label + MAX_LABEL);
            return window - label == MAX_LABEL && indexOf(text, "PRIVATE", label, window) >= 0
                    ? hit(i, limit, BuiltInRule.PRIVATE_KEY.ordinal()) : NONE;
        }
        if (indexOf(text, "PRIVATE", label, labelEnd) < 0) {
            return NONE;
        }
        count(secondStage);
        final int endLine = indexOf(text, "-----END", labelEnd + 5, limit);
        if (!hasBody(text, labelEnd + 5, endLine < 0 ? limit : endLine)) {
            // A header line alone (a message about a key, a truncated dump) shows no key material.
            return NONE;
        }
        if (endLine < 0) {
            return hit(i, limit, BuiltInRule.PRIVATE_KEY.ordinal());
        }
        final int close = indexOf(text, "-----", endLine + 8, Math.min(limit, endLine + 8 + MAX_LABEL));
        return hit(i, close < 0 ? limit : close + 5, BuiltInRule.PRIVATE_KEY.ordinal());
    }

    /**
     * Whether {@code text[from, to)} holds key material: a run of three base64 characters with a capital, a digit,
     * {@code +} or {@code /} in it (a key body or its start), which the lower-case words after a header alone lack.
     */
    private static boolean hasBody(final char[] text, final int from, final int to) {
        int run = 0;
        boolean mixed = false;
        for (int k = from; k < to; k++) {
            final char c = text[k];
            final boolean lowerCase = c >= 'a' && c <= 'z';
            final boolean other = c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '/';
            if (lowerCase || other) {
                mixed = run == 0 ? other : mixed || other;
                run++;
                if (run >= 3 && mixed) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        return false;
    }

    /**
     * The values of a Kubernetes {@code Secret}'s {@code data} or {@code stringData}, whose key's colon is at
     * {@code colon}: in YAML the more indented lines below the key, in JSON the object after it. Their keys name
     * anything ({@code username}, {@code host}), so the block is masked whole, but only when the manifest says
     * {@code kind: Secret} near it (before or after, as {@code kubectl} prints it): a {@code ConfigMap}'s data is
     * no secret.
     */
    long kubernetesSecretData(final char[] text, final int colon, final int limit) {
        final int keyEnd = colon > 0 && text[colon - 1] == '"' ? colon - 1 : colon;
        final int keyStart = endsWith(text, keyEnd, "stringData") ? keyEnd - 10
                : endsWith(text, keyEnd, "data") ? keyEnd - 4 : -1;
        if (keyStart < 0 || keyStart > 0 && is(text[keyStart - 1], KEY)) {
            return NONE;
        }
        int v = colon + 1;
        while (v < limit && (text[v] == ' ' || text[v] == '\t')) {
            v++;
        }
        final int bound = Math.min(limit, v + MAX_DATA_BLOCK);
        int blockEnd;
        if (v < limit && text[v] == '{') {
            blockEnd = v + 1;
            while (blockEnd < bound && text[blockEnd] != '}') {
                blockEnd++;
            }
        } else if (v < limit && (text[v] == '\n' || text[v] == '\r')) {
            final int indent = indentBefore(text, keyStart);
            if (indent < 0) {
                return NONE;
            }
            blockEnd = v;
            int line = v;
            while (line < bound) {
                while (line < bound && (text[line] == '\n' || text[line] == '\r')) {
                    line++;
                }
                int k = line;
                while (k < bound && text[k] == ' ') {
                    k++;
                }
                if (k == bound || k - line <= indent) {
                    break;
                }
                while (k < bound && text[k] != '\n' && text[k] != '\r') {
                    k++;
                }
                blockEnd = k;
                line = k;
            }
        } else {
            return NONE;
        }
        int start = v + 1;
        while (start < blockEnd && text[start] <= ' ') {
            start++;
        }
        if (start >= blockEnd || !saysSecret(text, Math.max(0, keyStart - KIND_WINDOW), Math.min(limit, blockEnd + KIND_WINDOW))) {
            return NONE;
        }
        count(secondStage);
        return hit(start, blockEnd, BuiltInRule.KUBERNETES_SECRET.ordinal());
    }

    private static boolean endsWith(final char[] text, final int end, final String word) {
        final int start = end - word.length();
        if (start < 0) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (text[start + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The spaces before {@code keyStart} on its line, or -1 when anything else stands there. */
    private static int indentBefore(final char[] text, final int keyStart) {
        int k = keyStart;
        while (k > 0 && text[k - 1] == ' ') {
            k--;
        }
        return k == 0 || text[k - 1] == '\n' || text[k - 1] == '\r' ? keyStart - k : -1;
    }

    /** Whether {@code text[from, to)} holds {@code kind: Secret}, in YAML or JSON ({@code "kind":"Secret"}). */
    private static boolean saysSecret(final char[] text, final int from, final int to) {
        for (int k = from; k + 4 <= to; k++) {
            if (text[k] != 'k' || !endsWith(text, k + 4, "kind") || k > 0 && is(text[k - 1], KEY)) {
                continue;
            }
            int p = k + 4;
            if (p < to && text[p] == '"') {
                p++;
            }
            if (p >= to || text[p] != ':') {
                continue;
            }
            p++;
            while (p < to && (text[p] == ' ' || text[p] == '"')) {
                p++;
            }
            if (p + 6 <= to && endsWith(text, p + 6, "Secret") && (p + 6 == to || !is(text[p + 6], ALNUM))) {
                return true;
            }
        }
        return false;
    }

    /** An e-mail address (optional rule): local part, {@code @}, a domain with a dot and a 2+ letter ending. */
    long email(final char[] text, final int at, final int from, final int limit) {
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
    long card(final char[] text, final int i, final int limit) {
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

    private static boolean isUrlChar(final char c) {
        return c > ' ' && c != '"' && c != '\'' && c != '<' && c != '>' && c != '\\' && c != ')' && c != '}';
    }
}
