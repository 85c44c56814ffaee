package dev.narration.internal.redact;

import static dev.narration.internal.redact.CharClasses.KEY;
import static dev.narration.internal.redact.CharClasses.TOKEN68;
import static dev.narration.internal.redact.CharClasses.TOKEN;
import static dev.narration.internal.redact.CharClasses.indexOf;
import static dev.narration.internal.redact.CharClasses.is;
import static dev.narration.internal.redact.CharClasses.regionMatchesIgnoreCase;
import static dev.narration.internal.redact.CharClasses.run;
import static dev.narration.internal.redact.TokenScanner.NONE;
import static dev.narration.internal.redact.TokenScanner.SKIP;
import static dev.narration.internal.redact.TokenScanner.count;
import static dev.narration.internal.redact.TokenScanner.hit;

import java.util.concurrent.atomic.LongAdder;

/**
 * The values of sensitive keys inside text, in every rendering real logs use: {@code key=value}, {@code key: value},
 * {@code "key":"value"}, {@code key=>value}, URL queries and URL-encoded pairs, headers, the operators of other
 * languages ({@code key := value}), quoted call arguments, XML elements, and {@code curl}'s {@code -u user:password}. The key is read backwards
 * from the separator (bounded), compared by {@link SensitiveNames}; the value forwards, to its closing quote or the
 * first delimiter, with the credentials of an {@code Authorization} scheme and a cookie header's pairs taken whole.
 */
final class KeyValues {
    private static final int MAX_KEY_LOOKBACK = 64;
    /** Padding and operator characters read backwards from a separator to the key: {@code key\t\t:=}, {@code k ?=}. */
    private static final int MAX_PADDING = 16;
    /** A template {@code {{ … }}}, a command {@code $(…)} or a sops value {@code ENC[…]} is read this far at most. */
    private static final int MAX_REFERENCE = 256;

    private final SensitiveNames names;
    private final LongAdder secondStage;

    KeyValues(final SensitiveNames names, final LongAdder secondStage) {
        this.names = names;
        this.secondStage = secondStage;
    }

    /** A {@code key=value}, {@code key: value}, {@code "key":"value"} or {@code key=>value} pair with a sensitive key. */
    long pair(final char[] text, final int separator, final int separatorLength, final int limit) {
        int k = padding(text, separator - 1);
        int keyEnd = k + 1;
        k = keyStart(text, k);
        if (k + 1 == keyEnd) {
            return NONE;
        }
        int rule = names.ruleOf(text, k + 1, keyEnd);
        if (rule < 0 && k > 0 && text[k] == ' ' && isTypeName(text, k + 1, keyEnd)) {
            // A typed declaration, var apiToken string = "…": the key is the name before the type.
            keyEnd = k;
            k = keyStart(text, k - 1);
            if (k + 1 == keyEnd) {
                return NONE;
            }
            rule = names.ruleOf(text, k + 1, keyEnd);
        }
        if (rule < 0 && keyEnd - k - 1 == 5 && regionMatchesIgnoreCase(text, k + 1, keyEnd, "value")) {
            rule = namedByAttribute(text, k);
        }
        if (rule < 0) {
            return NONE;
        }
        count(secondStage);
        return value(text, separator + separatorLength, limit, rule, separatorLength == 3);
    }

    /**
     * The rule of the name an attribute before a {@code value} attribute gives, {@code <add key="ApiKey" value="…"/>}
     * (.NET), {@code <property name="password" value="…"/>} (Spring), where {@code before} is just before
     * {@code value}; -1 when there is none or the name is not sensitive.
     */
    private int namedByAttribute(final char[] text, final int before) {
        int k = before;
        while (k >= 0 && before - k < MAX_PADDING && text[k] == ' ') {
            k--;
        }
        if (k < 1 || before == k || text[k] != '"' && text[k] != '\'') {
            return -1;
        }
        final char quote = text[k];
        final int nameEnd = k;
        k--;
        while (k >= 0 && nameEnd - k <= MAX_KEY_LOOKBACK && text[k] != quote) {
            k--;
        }
        if (k < 1 || text[k] != quote || text[k - 1] != '=') {
            return -1;
        }
        final int nameStart = k + 1;
        final int attribute = keyStart(text, k - 2);
        final int length = k - 1 - attribute - 1;
        if (!(length == 3 && regionMatchesIgnoreCase(text, attribute + 1, k - 1, "key")
                || length == 4 && regionMatchesIgnoreCase(text, attribute + 1, k - 1, "name"))) {
            return -1;
        }
        return names.ruleOf(text, nameStart, nameEnd);
    }

    /**
     * A sensitive key and its value as the two quoted arguments of a call, {@code System.setProperty("db.password",
     * "v")}, {@code os.Setenv("API_TOKEN", "v")}: the comma is at {@code comma}, a quote before it. Only after an
     * opening parenthesis, so that a list of names ({@code ["password", "user"]}) is not taken for a pair.
     */
    long argument(final char[] text, final int comma, final int limit) {
        final char quote = text[comma - 1];
        final int keyEnd = comma - 1;
        final int k = keyStart(text, keyEnd - 1);
        if (k < 0 || k + 1 == keyEnd || text[k] != quote) {
            return NONE;
        }
        int open = k - 1;
        while (open >= 0 && keyEnd - open < MAX_KEY_LOOKBACK && text[open] == ' ') {
            open--;
        }
        int v = comma + 1;
        while (v < limit && text[v] == ' ') {
            v++;
        }
        if (open < 0 || text[open] != '(' || v >= limit || !(text[v] == '"' || text[v] == '\'')) {
            return NONE;
        }
        final int rule = names.ruleOf(text, k + 1, keyEnd);
        if (rule < 0) {
            return NONE;
        }
        count(secondStage);
        return value(text, v, limit, rule, false);
    }

    /**
     * An XML element with a sensitive name, {@code <apiToken>v</apiToken>}, whose start tag ends at {@code gt}: the
     * text up to its end tag. Only with the matching end tag, so that prose with a placeholder ({@code enter
     * <token> to go on}) is not taken for an element.
     */
    long element(final char[] text, final int gt, final int limit) {
        final int k = keyStart(text, gt - 1);
        if (k < 0 || k + 1 == gt || text[k] != '<' || gt + 1 >= limit || text[gt + 1] == '<') {
            return NONE;
        }
        // The value holds no '<': the reads from successive start tags end at the next tag and never overlap.
        int close = gt + 1;
        while (close < limit && text[close] != '<') {
            close++;
        }
        final int name = close + 2;
        final int nameLength = gt - k - 1;
        if (name + nameLength >= limit || text[close + 1] != '/' || text[name + nameLength] != '>'
                || !regionMatches(text, name, text, k + 1, nameLength)) {
            return NONE;
        }
        final int rule = names.ruleOf(text, k + 1, gt);
        if (rule < 0) {
            return NONE;
        }
        count(secondStage);
        int start = gt + 1;
        int end = close;
        while (start < end && text[start] <= ' ') {
            start++;
        }
        while (end > start && text[end - 1] <= ' ') {
            end--;
        }
        if (end == start) {
            return NONE;
        }
        return hit(start, end, Placeholders.is(text, start, end) ? SKIP : rule);
    }

    /**
     * The password of a {@code user:password} option, {@code curl -u bob:pw} or {@code --user bob:pw} (also
     * {@code --user=bob:pw}), whose dash is at {@code dash}: the part after the first colon. Without a colon the
     * command asks for the password, and nothing is masked.
     */
    long userOption(final char[] text, final int dash, final int limit) {
        if (dash > 0 && text[dash - 1] != ' ' && text[dash - 1] != '\t') {
            return NONE;
        }
        final int v;
        if (regionMatchesIgnoreCase(text, dash, limit, "-u ")) {
            v = dash + 3;
        } else if (regionMatchesIgnoreCase(text, dash, limit, "--user ") || regionMatchesIgnoreCase(text, dash, limit, "--user=")) {
            v = dash + 7;
        } else {
            return NONE;
        }
        if (v >= limit) {
            return NONE;
        }
        final char quote = text[v];
        final boolean quoted = quote == '"' || quote == '\'';
        final int from = quoted ? v + 1 : v;
        int colon = -1;
        int end = from;
        while (end < limit && (quoted ? text[end] != quote : text[end] > ' ' && text[end] != '"' && text[end] != '\'')) {
            if (colon < 0 && text[end] == ':') {
                colon = end;
            }
            end++;
        }
        if (colon < 0 || colon + 1 >= end || isUserAndGroup(text, from, colon, end)) {
            return NONE;
        }
        count(secondStage);
        return hit(colon + 1, end, Placeholders.is(text, colon + 1, end) ? SKIP : BuiltInRule.PASSWORD.ordinal());
    }

    /**
     * {@code docker run -u 1000:1000} and {@code -u www-data:www-data} name a user and a group, not a password:
     * both numbers, or the same name twice.
     */
    private static boolean isUserAndGroup(final char[] text, final int from, final int colon, final int end) {
        boolean numbers = true;
        for (int k = from; k < end && numbers; k++) {
            numbers = k == colon || text[k] >= '0' && text[k] <= '9';
        }
        return numbers || colon - from == end - colon - 1 && regionMatches(text, from, text, colon + 1, colon - from);
    }

    private static boolean regionMatches(final char[] a, final int aFrom, final char[] b, final int bFrom, final int n) {
        for (int k = 0; k < n; k++) {
            if (a[aFrom + k] != b[bFrom + k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The last character of the key before a separator, past quotes, an index's closing bracket
     * ({@code os.environ["K"] =}, {@code config[:k] =}), spaces and tabs, and the first characters of a longer
     * operator ({@code :=}, {@code ::=}, {@code ?=}, {@code +=}, {@code .=}).
     */
    private static int padding(final char[] text, final int from) {
        int k = from;
        for (int skipped = 0; k >= 0 && skipped < 3 && ":?+.".indexOf(text[k]) >= 0; skipped++) {
            k--;
        }
        for (int skipped = 0; k >= 0 && skipped < MAX_PADDING; skipped++) {
            final char c = text[k];
            if (c != '"' && c != '\'' && c != '\\' && c != ' ' && c != '\t' && c != ']') {
                break;
            }
            k--;
        }
        return k;
    }

    /** One before the first character of the key that ends at {@code last}. */
    private static int keyStart(final char[] text, final int last) {
        int k = last;
        final int stop = Math.max(0, last + 1 - MAX_KEY_LOOKBACK);
        while (k >= stop && is(text[k], KEY)) {
            k--;
        }
        return k;
    }

    /** Just after the {@code =} of a type annotation {@code string =}, {@code &str =} at {@code from}, or -1. */
    private static int afterTypeAnnotation(final char[] text, final int from, final int limit) {
        final int start = from < limit && text[from] == '&' ? from + 1 : from;
        int end = start;
        while (end < limit && end - start < 7 && (text[end] >= 'a' && text[end] <= 'z' || text[end] >= 'A' && text[end] <= 'Z')) {
            end++;
        }
        if (!isTypeName(text, start, end)) {
            return -1;
        }
        while (end < limit && text[end] == ' ') {
            end++;
        }
        return end < limit && text[end] == '=' && (end + 1 == limit || text[end + 1] != '=') ? end + 1 : -1;
    }

    private static boolean isTypeName(final char[] text, final int start, final int end) {
        return regionMatchesIgnoreCase(text, start, end, "string") && end - start == 6
                || regionMatchesIgnoreCase(text, start, end, "str") && end - start == 3;
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
        // The rest of an operator whose first character was the separator: key := v, key ::= v, key :::= v.
        for (int n = 0; n < 3 && v < limit && (text[v] == ':' || text[v] == '=') && text[v - 1] != ' '; n++) {
            v++;
        }
        while (v < limit && (text[v] == ' ' || text[v] == '\t')) {
            v++;
        }
        final int typed = afterTypeAnnotation(text, v, limit);
        if (typed > 0) {
            // apiKey: string = "…" (TypeScript, Kotlin, Python): the value follows the type.
            v = typed;
            while (v < limit && (text[v] == ' ' || text[v] == '\t')) {
                v++;
            }
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
        final int reference = referenceEnd(text, from, limit);
        if (reference >= 0) {
            return reference;
        }
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

    /**
     * The end of a reference that may hold spaces, just after its closing characters, or -1: a template
     * ({@code {{ .Values.password }}}), a command substitution ({@code $(cat /run/secrets/db)}), a sops value
     * ({@code ENC[AES256_GCM,…]}).
     */
    private static int referenceEnd(final char[] text, final int from, final int limit) {
        final String close;
        if (regionMatchesIgnoreCase(text, from, limit, "{{")) {
            close = "}}";
        } else if (regionMatchesIgnoreCase(text, from, limit, "$(")) {
            close = ")";
        } else if (regionMatchesIgnoreCase(text, from, limit, "ENC[")) {
            close = "]";
        } else {
            return -1;
        }
        final int end = indexOf(text, close, from + 2, Math.min(limit, from + MAX_REFERENCE));
        return end < 0 ? -1 : end + close.length();
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
}
