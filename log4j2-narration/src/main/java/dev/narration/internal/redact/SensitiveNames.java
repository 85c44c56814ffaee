package dev.narration.internal.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Sensitive key names (docs/standard.md#redaction, docs/redaction.md#sensitive-keys): a key is sensitive when, lower-cased with {@code -}, {@code _} and
 * {@code .} removed, it equals or ends with one of the names. So {@code db_password}, {@code X-Api-Key},
 * {@code client_secret} and {@code access_token} are sensitive, and {@code password_policy}, {@code tokens_in}
 * and {@code secret_name} are not. Keys are compared in place, from their last character backwards, so checking
 * a key allocates nothing and usually stops at its first or second character.
 */
public final class SensitiveNames {
    /** Default names and the rule each one reports; a longer name wins over a shorter one it ends with. */
    private static final Object[][] DEFAULTS = {
        {"secretaccesskey", BuiltInRule.AWS_SECRET_KEY},
        {"awssecretkey", BuiltInRule.AWS_SECRET_KEY},
        {"sharedaccesskey", BuiltInRule.AZURE_STORAGE_KEY},
        {"accountkey", BuiltInRule.AZURE_STORAGE_KEY},
        {"sharedaccesssignature", BuiltInRule.AZURE_SAS_SIGNATURE},
        {"sig", BuiltInRule.AZURE_SAS_SIGNATURE},
        {"privatekey", BuiltInRule.PRIVATE_KEY},
        {"authorization", BuiltInRule.AUTHORIZATION},
        {"cookie", BuiltInRule.COOKIE},
        {"sessionid", BuiltInRule.SESSION_ID},
        {"sessid", BuiltInRule.SESSION_ID},
        {"password", BuiltInRule.PASSWORD},
        {"passwd", BuiltInRule.PASSWORD},
        {"pwd", BuiltInRule.PASSWORD},
        {"passphrase", BuiltInRule.PASSWORD},
        {"secret", BuiltInRule.SECRET},
        {"secretkey", BuiltInRule.SECRET},
        {"token", BuiltInRule.TOKEN},
        {"apikey", BuiltInRule.API_KEY},
        {"accesskey", BuiltInRule.API_KEY},
        {"credential", BuiltInRule.CREDENTIAL},
        {"credentials", BuiltInRule.CREDENTIAL},
        {"creds", BuiltInRule.CREDENTIAL},
        {"auth", BuiltInRule.CREDENTIAL},
    };
    /** Names too common alone ({@code auth:SIMPLE} names a method) that are sensitive only ending a longer key. */
    private static final String SUFFIX_ONLY = "auth";
    /**
     * Words after a name that still name the secret itself ({@code mySecretString}, {@code password_value}); other
     * words name something about it ({@code password_policy}, {@code secret_name}), which is no secret.
     */
    private static final String[] VALUE_WORDS = {"string", "str", "value", "val", "raw", "plain", "text", "data",
        "base64", "b64", "hex", "enc", "encoded"};

    private final char[][] names;
    private final int[] rules;
    private final boolean[] suffixOnly;
    /** Indices into {@link #names} by the name's last character, longest name first. */
    private final int[][] byLastChar = new int[128][];

    private SensitiveNames(final List<char[]> names, final List<Integer> rules) {
        this.names = names.toArray(new char[0][]);
        this.rules = rules.stream().mapToInt(Integer::intValue).toArray();
        this.suffixOnly = new boolean[this.names.length];
        for (int i = 0; i < this.names.length; i++) {
            suffixOnly[i] = rules.get(i) != BuiltInRule.SENSITIVE_KEY.ordinal() && SUFFIX_ONLY.equals(new String(this.names[i]));
        }
        final List<List<Integer>> buckets = new ArrayList<>();
        for (int c = 0; c < 128; c++) {
            buckets.add(new ArrayList<>());
        }
        final Integer[] order = new Integer[this.names.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> -this.names[i].length));
        for (final Integer i : order) {
            final char[] name = this.names[i];
            buckets.get(name[name.length - 1]).add(i);
        }
        for (int c = 0; c < 128; c++) {
            final List<Integer> bucket = buckets.get(c);
            byLastChar[c] = bucket.isEmpty() ? null : bucket.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** The default names whose rules are enabled, plus the user's names (reported as {@code sensitive-key}). */
    static SensitiveNames of(final boolean[] enabled, final List<String> extraNames) {
        final List<char[]> names = new ArrayList<>();
        final List<Integer> rules = new ArrayList<>();
        for (final Object[] entry : DEFAULTS) {
            final BuiltInRule rule = (BuiltInRule) entry[1];
            if (enabled[rule.ordinal()]) {
                names.add(((String) entry[0]).toCharArray());
                rules.add(rule.ordinal());
            }
        }
        if (enabled[BuiltInRule.SENSITIVE_KEY.ordinal()]) {
            for (final String extra : extraNames) {
                final String normalized = normalize(extra);
                if (!normalized.isEmpty()) {
                    names.add(normalized.toCharArray());
                    rules.add(BuiltInRule.SENSITIVE_KEY.ordinal());
                }
            }
        }
        return new SensitiveNames(names, rules);
    }

    /** Lower-cased, {@code -_.} and other non-alphanumerics removed: the form names are compared in. */
    static String normalize(final String name) {
        final StringBuilder normalized = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            final char c = name.charAt(i);
            if (c < 128 && Character.isLetterOrDigit(c)) {
                normalized.append(c);
            }
        }
        return normalized.toString().toLowerCase(Locale.ROOT);
    }

    /** The rule of a sensitive key held in {@code text[start, end)}, or -1 when the key is not sensitive. */
    int ruleOf(final char[] text, final int start, final int end) {
        final int last = significantEnd(text, start, end - 1);
        if (last < start) {
            return -1;
        }
        final int rule = ruleEndingAt(text, start, last);
        if (rule >= 0) {
            return rule;
        }
        for (final String word : VALUE_WORDS) {
            final int before = wordBefore(text, start, last, word);
            if (before >= start) {
                return ruleEndingAt(text, start, significantEnd(text, start, before));
            }
        }
        return -1;
    }

    /** The last character of a key past separators and a trailing number ({@code api_token1}, {@code pwd_2}). */
    private static int significantEnd(final char[] text, final int start, final int from) {
        int last = from;
        while (last >= start && isIgnored(text[last])) {
            last--;
        }
        final int beforeDigits = last;
        while (last >= start && text[last] >= '0' && text[last] <= '9') {
            last--;
        }
        if (last < start) {
            return beforeDigits;
        }
        while (last >= start && isIgnored(text[last])) {
            last--;
        }
        return last;
    }

    /**
     * The position before {@code word} when the key ends with it as a word of its own (after a separator or as a
     * camelCase word, {@code mySecretString}), or -1.
     */
    private static int wordBefore(final char[] text, final int start, final int last, final String word) {
        final int first = last - word.length() + 1;
        if (first <= start || !CharClasses.regionMatchesIgnoreCase(text, first, last + 1, word)) {
            return -1;
        }
        final char opening = text[first];
        final char previous = text[first - 1];
        final boolean camel = opening >= 'A' && opening <= 'Z' && previous >= 'a' && previous <= 'z';
        return camel || isIgnored(previous) ? first - 1 : -1;
    }

    private int ruleEndingAt(final char[] text, final int start, final int last) {
        if (last < start) {
            return -1;
        }
        final char c = lower(text[last]);
        if (c >= 128) {
            return -1;
        }
        final int[] candidates = byLastChar[c];
        if (candidates == null) {
            return -1;
        }
        for (final int index : candidates) {
            final char[] name = names[index];
            if (endsWith(text, start, last, name) && !(suffixOnly[index] && significantEnd(text, start, last - name.length) < start)) {
                return rules[index];
            }
        }
        return -1;
    }

    /** Whether the normalized key, whose last significant character is at {@code last}, ends with the name. */
    private static boolean endsWith(final char[] text, final int start, final int last, final char[] name) {
        int k = last;
        for (int j = name.length - 1; j >= 0; j--) {
            while (k >= start && isIgnored(text[k])) {
                k--;
            }
            if (k < start || lower(text[k]) != name[j]) {
                return false;
            }
            k--;
        }
        return true;
    }

    private static boolean isIgnored(final char c) {
        return c == '_' || c == '-' || c == '.';
    }

    private static char lower(final char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
}
