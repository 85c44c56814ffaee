package dev.narration.internal.json;

import dev.narration.internal.event.MessagePieces;
import dev.narration.internal.text.TextCopy;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;

/**
 * One line of JSON being written, directly as UTF-8 bytes. Text is escaped and encoded in a single pass over its
 * characters (copied once, in bulk, into an array), and fixed pieces are copied as pre-encoded bytes, so a line
 * costs one pass per character. Writing characters into a {@code StringBuilder} and handing that to Log4j's
 * character encoder took four: the escape scan, the append, the copy into a {@code CharBuffer} and the encoding.
 *
 * <p>Escaping: quotes, backslashes and every control character, C0 (U+0000–U+001F) and C1 with DEL (U+007F–U+009F),
 * are escaped, so CR and LF can never start a forged line, and neither can U+0085 (a line end to Python's
 * {@code splitlines()} and some shippers) nor U+009B (a terminal's control sequence introducer); U+2028 and U+2029
 * are escaped too, because JavaScript consumers treat them as line ends; a lone surrogate becomes U+FFFD so the
 * output is always valid UTF-8. Everything else, 4-byte emoji included, is kept as is.
 *
 * <p>A text of any length is copied and escaped in pieces of at most {@value #PIECE} characters, so that writing a
 * huge value needs no copy of it beside the line's own bytes.
 *
 * <p>Not thread-safe: one per writing thread.
 */
public final class JsonLine {
    public static final char REPLACEMENT = '\uFFFD';
    /** What ends a value cut to a length: the cut is visible in the line (docs/layout.md#sizes). */
    public static final String TRUNCATION_SUFFIX = "…[truncated]";
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** ASCII characters written as they are inside a JSON string. */
    private static final boolean[] PLAIN = new boolean[128];
    /** The longest encoding of one character: {@code \}{@code u2028}, six bytes. */
    static final int MAX_BYTES_PER_CHAR = 6;
    /** Strings up to this length are escaped straight from {@code String.charAt}: the bulk copy costs more. */
    private static final int SHORT = 32;
    private static final int REMEMBERED = 128;
    private static final int REMEMBERED_BYTES = 80;
    /** {@link #remembered}'s one kind of piece: a string escaped. */
    private static final int ESCAPED = 0;
    /** The digits of 00 to 99, two bytes each. */
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }
    private static final int FORMATS = 64;
    /** The most characters copied at once: {@code TextCopy} keeps an array of this size for reuse. */
    private static final int PIECE = TextCopy.RETAINED;

    static {
        for (int c = 0x20; c < 0x7F; c++) {
            PLAIN[c] = c != '"' && c != '\\';
        }
    }

    private byte[] bytes;
    private int length;
    /** The text being escaped, copied: array reads are several times faster than {@code CharSequence.charAt}. */
    private final TextCopy chars = new TextCopy();
    /**
     * The escaped form of the last strings written by {@link #escapedRecurring}, by identity: a logger name, a
     * thread name, a context key or value is usually the very same {@code String} on every event.
     */
    private final RememberedPieces remembered = new RememberedPieces(REMEMBERED, REMEMBERED_BYTES);
    /**
     * Recent message formats' pieces, escaped, by the format's identity; {@code lastFormat} saves the hash in a run.
     * Made on the first use: most lines (a timestamp's, the service members') never write a message.
     */
    private EscapedFormat[] formats;
    private EscapedFormat lastFormat;

    public JsonLine(final int capacity) {
        bytes = new byte[capacity];
    }

    /** Pre-encodes a fixed piece of a line. */
    public static byte[] fixed(final String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public int length() {
        return length;
    }

    public void setLength(final int newLength) {
        length = newLength;
    }

    /** Copies this line's bytes from {@code from} on into {@code target}, which must have room. */
    void copyTo(final int from, final byte[] target) {
        copyTo(from, length - from, target, 0);
    }

    /** Copies {@code n} of this line's bytes from {@code from} into {@code target} at {@code at}. */
    void copyTo(final int from, final int n, final byte[] target, final int at) {
        System.arraycopy(bytes, from, target, at, n);
    }

    /** Empties the line, first shrinking its buffer to {@code retained} bytes if a huge line grew it. */
    public void clear(final int retained) {
        length = 0;
        chars.forget();
        if (bytes.length > retained) {
            bytes = new byte[retained];
        }
    }

    public void writeTo(final ByteBufferDestination destination) {
        destination.writeBytes(bytes, 0, length);
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    public JsonLine append(final byte[] piece) {
        ensure(piece.length);
        System.arraycopy(piece, 0, bytes, length, piece.length);
        length += piece.length;
        return this;
    }

    /** Appends {@code n} pre-encoded bytes of {@code source} from {@code from}. */
    JsonLine append(final byte[] source, final int from, final int n) {
        ensure(n);
        System.arraycopy(source, from, bytes, length, n);
        length += n;
        return this;
    }

    public JsonLine append(final JsonLine other) {
        ensure(other.length);
        System.arraycopy(other.bytes, 0, bytes, length, other.length);
        length += other.length;
        return this;
    }

    /** An ASCII character that needs no escaping. */
    public JsonLine append(final char c) {
        ensure(1);
        bytes[length++] = (byte) c;
        return this;
    }

    /** ASCII text that needs no escaping, such as a fixed piece of a stack trace. */
    public JsonLine append(final String ascii) {
        final int n = ascii.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[length + i] = (byte) ascii.charAt(i);
        }
        length += n;
        return this;
    }

    public JsonLine append(final long value) {
        if (value == Long.MIN_VALUE) {
            return append("-9223372036854775808");
        }
        ensure(20);
        long remaining = value;
        if (remaining < 0) {
            bytes[length++] = '-';
            remaining = -remaining;
        }
        final int digits = digitCount(remaining);
        // Two digits per division, and int divisions once the value fits: an id's 20 digits or a time in
        // nanoseconds take 10 steps, not 20 of long division.
        int i = length + digits;
        while (remaining > Integer.MAX_VALUE) {
            final long quotient = remaining / 100;
            i = pair(i, (int) (remaining - quotient * 100));
            remaining = quotient;
        }
        int small = (int) remaining;
        while (small >= 100) {
            final int quotient = small / 100;
            i = pair(i, small - quotient * 100);
            small = quotient;
        }
        if (small >= 10) {
            pair(i, small);
        } else {
            bytes[i - 1] = (byte) ('0' + small);
        }
        length += digits;
        return this;
    }

    /** Writes the two digits of {@code twoDigits} (0–99) just before {@code end}; returns where they start. */
    private int pair(final int end, final int twoDigits) {
        bytes[end - 1] = DIGIT_PAIRS[2 * twoDigits + 1];
        bytes[end - 2] = DIGIT_PAIRS[2 * twoDigits];
        return end - 2;
    }

    /** Writes {@code value} with exactly {@code width} digits, zero-padded (it must fit). */
    public JsonLine appendPadded(final int value, final int width) {
        ensure(width);
        int remaining = value;
        int i = length + width;
        // Two digits per division, as in append(long): a timestamp's nine nanosecond digits take five steps.
        while (i - length >= 2) {
            final int quotient = remaining / 100;
            i = pair(i, remaining - quotient * 100);
            remaining = quotient;
        }
        if (i > length) {
            bytes[i - 1] = (byte) ('0' + remaining % 10);
        }
        length += width;
        return this;
    }

    public JsonLine append(final boolean value) {
        return append(value ? "true" : "false");
    }

    private static int digitCount(final long value) {
        int digits = 1;
        for (long bound = 10; digits < 19 && value >= bound; bound *= 10) {
            digits++;
        }
        return digits;
    }

    /** Appends the text escaped as the contents of a JSON string. */
    public JsonLine escaped(final CharSequence text) {
        final int n = text.length();
        if (n > PIECE) {
            escapedInPieces(text, n);
        } else if (n > SHORT || !(text instanceof String) || !plain((String) text, n)) {
            escaped(chars.fill(text, n), 0, n);
        }
        return this;
    }

    /** The first {@code n} characters of a long text, escaped a piece at a time; a surrogate pair is never split. */
    private void escapedInPieces(final CharSequence text, final int n) {
        int from = 0;
        while (from < n) {
            int to = Math.min(n, from + PIECE);
            if (to < n && Character.isHighSurrogate(text.charAt(to - 1))) {
                to--;
            }
            escaped(chars.fill(text, from, to), 0, to - from);
            from = to;
        }
    }

    /** As {@link #escaped(CharSequence)}, for a string likely to be written again (see {@code remembered}). */
    public JsonLine escapedRecurring(final String text) {
        if (!remembered.appendTo(this, text, ESCAPED)) {
            final int start = length;
            escaped(text);
            remembered.remember(this, start, text, ESCAPED);
        }
        return this;
    }

    /** Writes a short string that needs no escaping and is ASCII; whether it was (otherwise nothing is written). */
    private boolean plain(final String text, final int n) {
        ensure(n);
        final byte[] out = bytes;
        final int at = length;
        for (int i = 0; i < n; i++) {
            final char c = text.charAt(i);
            if (c >= 128 || !PLAIN[c]) {
                return false;
            }
            out[at + i] = (byte) c;
        }
        length = at + n;
        return true;
    }

    /**
     * Appends a message's text escaped, as {@link #escaped(CharSequence)} would, from {@code copy}, its {@code n}
     * characters, which hold its format's pieces where {@code pieces} says: those are copied as their escaped bytes,
     * prepared once per format ({@link EscapedFormat}), and only the arguments between them are escaped here.
     */
    public JsonLine escaped(final char[] copy, final int n, final MessagePieces pieces) {
        final EscapedFormat format = escapedFormat(pieces);
        if (!format.separable()) {
            escaped(copy, 0, n);
            return this;
        }
        final byte[] escaped = format.bytes();
        int end = 0;
        // The last piece ends the text. An empty piece between two arguments is found right after the piece before
        // it, so both arguments are escaped as one stretch, as in the whole text: a pair they share stays a pair.
        for (int p = 0, count = pieces.pieces(); p < count; p++) {
            final int at = pieces.textStart(p);
            if (end < at) {
                escaped(copy, end, at);
            }
            final int from = format.start(p);
            final int size = format.end(p) - from;
            ensure(size);
            System.arraycopy(escaped, from, bytes, length, size);
            length += size;
            end = at + pieces.formatEnd(p) - pieces.formatStart(p);
        }
        return this;
    }

    private EscapedFormat escapedFormat(final MessagePieces pieces) {
        final String format = pieces.format();
        if (lastFormat != null && lastFormat.format() == format) {
            return lastFormat;
        }
        if (formats == null) {
            formats = new EscapedFormat[FORMATS];
        }
        final int slot = System.identityHashCode(format) & (FORMATS - 1);
        EscapedFormat escaped = formats[slot];
        if (escaped == null) {
            escaped = formats[slot] = new EscapedFormat();
        }
        if (escaped.format() != format) {
            escaped.prepare(pieces, chars.fill(format, format.length()), this);
        }
        lastFormat = escaped;
        return escaped;
    }

    /**
     * Appends the first {@code maxLength} characters of the text escaped, then {@code suffix} if anything was cut.
     * A cut never splits a surrogate pair. A {@code maxLength} of zero or less means no limit.
     */
    public void escaped(final CharSequence text, final int maxLength, final String suffix) {
        escaped(text, null, maxLength, suffix);
    }

    /** As {@link #escaped(CharSequence, int, String)}, from {@code copy}, the text's characters, when not null. */
    public void escaped(final CharSequence text, final char[] copy, final int maxLength, final String suffix) {
        final int n = text.length();
        if (maxLength <= 0 || n <= maxLength) {
            if (copy != null) {
                escaped(copy, 0, n);
            } else {
                escaped(text);
            }
            return;
        }
        int cut = maxLength;
        if (Character.isHighSurrogate(text.charAt(cut - 1)) && Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        if (copy != null) {
            escaped(copy, 0, cut);
        } else if (cut > PIECE) {
            escapedInPieces(text, cut);
        } else {
            escaped(chars.fill(text, cut), 0, cut);
        }
        escaped(suffix);
    }

    /**
     * Cuts what was written from {@code from} on, escaped text, back to at most {@code limit} bytes of the line, at
     * the end of a character or an escape; whether it cut anything.
     */
    public boolean cutBack(final int from, final int limit) {
        if (length <= limit) {
            return false;
        }
        int at = from;
        while (at < length) {
            final int b = bytes[at] & 0xFF;
            final int size = b == '\\' ? (bytes[at + 1] == 'u' ? 6 : 2) : b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
            if (at + size > limit) {
                break;
            }
            at += size;
        }
        length = at;
        return true;
    }

    /** Appends {@code source[start, end)} escaped. */
    public void escaped(final char[] source, final int start, final int end) {
        ensure(end - start);
        byte[] out = bytes;
        int at = length;
        for (int i = start; i < end; i++) {
            final char c = source[i];
            if (c < 128 && PLAIN[c]) {
                out[at++] = (byte) c;
                continue;
            }
            // Room for this character's longest form and one byte for each character still to come.
            if (at + MAX_BYTES_PER_CHAR + (end - i) > out.length) {
                length = at;
                ensure(MAX_BYTES_PER_CHAR + (end - i));
                out = bytes;
            }
            if (c < 128) {
                at = escapeAscii(out, at, c);
            } else if (c <= 0x9F) {
                at = unicodeEscape(out, at, c);
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(source[i + 1])) {
                final int codePoint = Character.toCodePoint(c, source[++i]);
                out[at++] = (byte) (0xF0 | codePoint >> 18);
                out[at++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                out[at++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | codePoint & 0x3F);
            } else if (c == '\u2028' || c == '\u2029') {
                at = unicodeEscape(out, at, c);
            } else {
                final char kept = Character.isSurrogate(c) ? REPLACEMENT : c;
                out[at++] = (byte) (0xE0 | kept >> 12);
                out[at++] = (byte) (0x80 | kept >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | kept & 0x3F);
            }
        }
        length = at;
    }

    private static int escapeAscii(final byte[] out, final int at, final char c) {
        final char shortForm;
        switch (c) {
            case '"':
                shortForm = '"';
                break;
            case '\\':
                shortForm = '\\';
                break;
            case '\n':
                shortForm = 'n';
                break;
            case '\r':
                shortForm = 'r';
                break;
            case '\t':
                shortForm = 't';
                break;
            case '\b':
                shortForm = 'b';
                break;
            case '\f':
                shortForm = 'f';
                break;
            default:
                return unicodeEscape(out, at, c);
        }
        out[at] = '\\';
        out[at + 1] = (byte) shortForm;
        return at + 2;
    }

    private static int unicodeEscape(final byte[] out, final int at, final char c) {
        out[at] = '\\';
        out[at + 1] = 'u';
        out[at + 2] = HEX[c >> 12 & 0xF];
        out[at + 3] = HEX[c >> 8 & 0xF];
        out[at + 4] = HEX[c >> 4 & 0xF];
        out[at + 5] = HEX[c & 0xF];
        return at + 6;
    }

    private void ensure(final int more) {
        final int needed = length + more;
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
    }
}
