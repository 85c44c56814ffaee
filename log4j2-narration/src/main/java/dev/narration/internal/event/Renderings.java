package dev.narration.internal.event;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.logging.log4j.util.StringBuilderFormattable;

/**
 * How values and throwables become text, the same way for every output and for redaction, so that what is scanned
 * is what is written. A rendering that throws yields a note naming the failure instead of failing the log call.
 */
public final class Renderings {
    private Renderings() {}

    /**
     * Appends an object's text: through {@link StringBuilderFormattable} where it is one, else its {@code toString()};
     * whether it rendered (else the note naming the failure is appended instead).
     */
    public static boolean render(final Object value, final StringBuilder out) {
        final int start = out.length();
        try {
            if (value instanceof StringBuilderFormattable) {
                ((StringBuilderFormattable) value).formatTo(out);
            } else {
                out.append(value);
            }
            return true;
        } catch (RuntimeException e) {
            out.setLength(start);
            out.append(failure(value, e));
            return false;
        }
    }

    /** An object's text as a {@code String}, by the rules of {@link #render}; {@code null} stays {@code null}. */
    public static String text(final Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        try {
            return String.valueOf(value);
        } catch (RuntimeException e) {
            return failure(value, e);
        }
    }

    private static String failure(final Object value, final RuntimeException e) {
        return "<" + value.getClass().getName() + ".toString() threw " + e.getClass().getName() + '>';
    }

    /**
     * Whether a value is written as a JSON number or boolean rather than as text (integral and floating-point boxes,
     * {@code BigDecimal}, {@code BigInteger}, {@code Boolean}): such a value holds no secret unless its key is
     * sensitive.
     */
    public static boolean isJsonScalar(final Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof Double || value instanceof Float || value instanceof BigDecimal
                || value instanceof BigInteger || value instanceof Boolean;
    }

    /** A throwable's message as renderers print it ({@code getLocalizedMessage()}). */
    public static String messageOf(final Throwable throwable) {
        try {
            return throwable.getLocalizedMessage();
        } catch (RuntimeException e) {
            return "<getLocalizedMessage() threw " + e.getClass().getName() + ">";
        }
    }

    /** The class name to show for a throwable: the original one for a {@link StandInThrowable}. */
    public static String classNameOf(final Throwable throwable) {
        return throwable instanceof StandInThrowable
                ? ((StandInThrowable) throwable).getOriginalClassName()
                : throwable.getClass().getName();
    }
}
