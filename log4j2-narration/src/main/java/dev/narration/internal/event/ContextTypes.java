package dev.narration.internal.event;

import dev.narration.Narration.FieldKind;
import java.util.Map;

/**
 * The JSON types of string context values (MDC entries, SLF4J 2 key-values, which Log4j's binding hands over as
 * strings): {@code <FieldType key type/>} declares a key's type, {@code typeContext="infer"} types the others by their
 * text (docs/layout.md#typed-context-values). A value is typed only when its text is that type's JSON text, so
 * nothing is lost: {@code "007"} and {@code "12abc"} stay strings. Checking reads the characters once and allocates
 * nothing; a number is written as its own text, so a decimal is neither parsed nor rounded.
 */
public final class ContextTypes {
    public static final ContextTypes NONE = new ContextTypes(Map.of(), false);
    /** The longest text typed as a number: a long's 19 digits and sign, or a double's 17 significant digits with room. */
    private static final int MAX_NUMBER_LENGTH = 32;

    private final Map<String, FieldKind> declared;
    private final boolean infer;

    private ContextTypes(final Map<String, FieldKind> declared, final boolean infer) {
        this.declared = Map.copyOf(declared);
        this.infer = infer;
    }

    /**
     * The types of the declared keys (each {@link FieldKind#STRING}, {@code LONG}, {@code DOUBLE} or
     * {@code BOOLEAN}), and whether the others are inferred.
     */
    public static ContextTypes of(final Map<String, FieldKind> declared, final boolean infer) {
        return declared.isEmpty() && !infer ? NONE : new ContextTypes(declared, infer);
    }

    /** The type named as {@code <FieldType type>} spells it, or {@code null} for another name. */
    public static FieldKind parseType(final String name) {
        if (name == null) {
            return null;
        }
        switch (name.trim()) {
            case "long":
                return FieldKind.LONG;
            case "double":
                return FieldKind.DOUBLE;
            case "boolean":
                return FieldKind.BOOLEAN;
            case "string":
                return FieldKind.STRING;
            default:
                return null;
        }
    }

    public boolean isNone() {
        return this == NONE;
    }

    /** The declared types, for a reader of events that types as the layout does. */
    public Map<String, FieldKind> declared() {
        return declared;
    }

    public boolean infers() {
        return infer;
    }

    /**
     * The type the context value of {@code key} is written as: its declared or inferred type when its text is that
     * type's JSON text, else {@link FieldKind#STRING}.
     */
    public FieldKind kindOf(final String key, final String value) {
        final FieldKind type = declared.isEmpty() ? null : declared.get(key);
        if (type != null) {
            switch (type) {
                case LONG:
                    return isLong(value) ? FieldKind.LONG : FieldKind.STRING;
                case DOUBLE:
                    return isNumber(value) ? FieldKind.DOUBLE : FieldKind.STRING;
                case BOOLEAN:
                    return "true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)
                            ? FieldKind.BOOLEAN : FieldKind.STRING;
                default:
                    return FieldKind.STRING;
            }
        }
        if (!infer || value.isEmpty()) {
            return FieldKind.STRING;
        }
        if (value.equals("true") || value.equals("false")) {
            return FieldKind.BOOLEAN;
        }
        if (isLong(value)) {
            return FieldKind.LONG;
        }
        // An integer beyond a long is an id more often than a measurement: as a double it would lose digits.
        return isNumber(value) && !isIntegral(value) ? FieldKind.DOUBLE : FieldKind.STRING;
    }

    /** The value of a text {@link #kindOf} typed {@link FieldKind#LONG}. */
    public static long longOf(final String text) {
        final boolean negative = text.charAt(0) == '-';
        long value = 0;
        for (int i = negative ? 1 : 0; i < text.length(); i++) {
            value = value * 10 - (text.charAt(i) - '0');
        }
        return negative ? value : -value;
    }

    /** Whether a text {@link #kindOf} typed {@link FieldKind#DOUBLE} is written as JSON would read an integer. */
    public static boolean isIntegral(final String text) {
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                return false;
            }
        }
        return true;
    }

    /** {@code -?(0|[1-9][0-9]*)} within a long's range: an integer as JSON writes it, without leading zeros. */
    static boolean isLong(final String text) {
        final int n = text.length();
        final int start = n > 0 && text.charAt(0) == '-' ? 1 : 0;
        final int end = integerEnd(text, start);
        if (end != n || end - start > 19) {
            return false;
        }
        if (end - start < 19) {
            return true;
        }
        // 19 digits: within the range when not above its bound, compared digit by digit.
        final String bound = start == 1 ? "9223372036854775808" : "9223372036854775807";
        for (int i = 0; i < 19; i++) {
            final char c = text.charAt(start + i);
            final char b = bound.charAt(i);
            if (c != b) {
                return c < b;
            }
        }
        return true;
    }

    /** A JSON number: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]{1,3})?}, of bounded length. */
    static boolean isNumber(final String text) {
        final int n = text.length();
        if (n > MAX_NUMBER_LENGTH) {
            return false;
        }
        int i = integerEnd(text, n > 0 && text.charAt(0) == '-' ? 1 : 0);
        if (i < 0) {
            return false;
        }
        if (i < n && text.charAt(i) == '.') {
            final int digits = ++i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            if (i == digits) {
                return false;
            }
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            final int digits = i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            // Up to e299: a double, finite; a larger exponent is no measurement and would read as infinity.
            if (i == digits || i - digits > 3 || (i - digits == 3 && text.charAt(digits) > '2')) {
                return false;
            }
        }
        return i == n;
    }

    /** Where the integer part starting at {@code start} ends, or -1 when there is none or it has a leading zero. */
    private static int integerEnd(final String text, final int start) {
        final int n = text.length();
        if (start >= n || !isDigit(text.charAt(start))) {
            return -1;
        }
        if (text.charAt(start) == '0') {
            return start + 1 < n && isDigit(text.charAt(start + 1)) ? -1 : start + 1;
        }
        int i = start + 1;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(final char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public String toString() {
        return (infer ? "infer " : "") + declared;
    }
}
