package dev.narration.redact;

import java.util.Arrays;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterConsumer;
import org.apache.logging.log4j.message.ParameterVisitable;
import org.apache.logging.log4j.message.ParameterizedMessage;

/**
 * A message format split at its {@code {}} placeholders, so that the text of a parameterized message is scanned
 * only around its arguments: {@code logger.info("Accepted job {} at position {} of 17, …", id, position)} formats
 * anew on every event, yet most of its characters are those of the format.
 *
 * <p>Why skipping is exact. Whether {@link TokenScanner#find} does anything at a position is decided by the
 * character there and the two after it ({@link TokenScanner#mayFindAt}). So inside a stretch of the text that has
 * the very characters of a piece of the format, the positions of interest are the piece's, found once per format.
 * The text is not trusted to be what the format and arguments should give: each piece is compared with the text
 * where the arguments' lengths put it, and only a piece found there saves work. At its positions of interest,
 * and at every other position (the arguments, the last two characters of each piece, any stretch not found), the
 * scanner runs as usual, reading as far around as it always does. A text is therefore proven clean exactly when
 * a full scan would find nothing; when it is not proven clean it is scanned in full.
 *
 * <p>Arguments whose rendered length is known without rendering them again ({@code String}, {@code StringBuilder}
 * as {@code Unbox} gives, {@code Integer}, {@code Long}, {@code null}) place the pieces. Pieces after an argument
 * of unknown length are placed from the end of the text instead; those in between are scanned. One per format and
 * thread, kept by {@link ScanBuffer}. Not thread-safe.
 */
final class MessageTemplate {
    /** Longer formats are scanned as plain text: they are rare, and their copy would pin memory. */
    private static final int MAX_FORMAT = 2048;
    /** Longer texts are scanned in full: a layout is an array as long as the text. */
    private static final int MAX_TEXT = 8192;
    private static final int MAX_PIECES = 16;
    private static final int UNKNOWN = -1;
    private static final ParameterConsumer<MessageTemplate> ARGUMENTS = (argument, index, template) ->
            template.argument(index, argument);

    private String format;
    /** The last format that came to this template's slot, to be split if it comes again. */
    private String candidate;
    /** The number of {@code {}} in the format, or {@link #UNKNOWN} for a format this class does not split. */
    private int placeholders = UNKNOWN;
    private char[] formatChars = new char[128];
    private final int[] pieceStart = new int[MAX_PIECES];
    private final int[] pieceEnd = new int[MAX_PIECES];
    /** Positions of interest of piece {@code p}, relative to its start: {@code looks[looksFrom[p] .. looksFrom[p+1])}. */
    private final int[] looksFrom = new int[MAX_PIECES + 1];
    private int[] looks = new int[16];

    // The layout of the last text: where the pieces are, for a text of layoutLength characters and arguments of
    // layoutArguments' lengths. Texts of one format mostly repeat their lengths (an id, a count), so it is reused.
    private int layoutLength = UNKNOWN;
    private final int[] layoutArguments = new int[MAX_PIECES];
    /** The pieces at their places; between them, the last text's arguments, overwritten by each text's own. */
    private char[] image = new char[128];
    /** The stretches between the pieces placed: the arguments, or a stretch of the text not laid out. */
    private final int[] gapStart = new int[MAX_PIECES + 1];
    private final int[] gapEnd = new int[MAX_PIECES + 1];
    private int gaps;
    /** What the scanner must look at: the gaps, the two characters before each, the pieces' positions of interest. */
    private int[] rangeStart = new int[32];
    private int[] rangeEnd = new int[32];
    private int ranges;

    // Per event.
    private final int[] argumentLength = new int[MAX_PIECES];
    private final int[] located = new int[MAX_PIECES];
    private int arguments;
    /** Whether the arguments have the lengths of the layout's. */
    private boolean sameLengths;

    String format() {
        return format;
    }

    /** Whether the format has placeholders to scan around; a constant message is remembered whole instead. */
    boolean splits() {
        return placeholders != UNKNOWN;
    }

    /** Drops the format, whose split depends on the scanner it was prepared for. */
    void forget() {
        format = null;
        candidate = null;
    }

    /** Whether the format came last time too; if not, it is remembered as the one that came. */
    boolean isCandidate(final String format) {
        if (candidate == format) {
            return true;
        }
        candidate = format;
        return false;
    }

    void prepare(final String format, final TokenScanner scanner) {
        this.format = format;
        placeholders = UNKNOWN;
        layoutLength = UNKNOWN;
        final int n = format.length();
        // A constant message is remembered whole instead (Redactor#redactMessage). A backslash may escape a
        // placeholder; splitting such a format as the formatter would is not worth it.
        if (n > MAX_FORMAT || format.indexOf("{}") < 0 || format.indexOf('\\') >= 0) {
            return;
        }
        if (formatChars.length < n) {
            formatChars = new char[n];
        }
        final char[] chars = formatChars;
        format.getChars(0, n, chars, 0);
        int pieces = 0;
        int start = 0;
        for (int i = 0; i + 1 < n; i++) {
            if (chars[i] == '{' && chars[i + 1] == '}') {
                if (pieces == MAX_PIECES - 1) {
                    return;
                }
                pieceStart[pieces] = start;
                pieceEnd[pieces++] = i;
                start = ++i + 1;
            }
        }
        pieceStart[pieces] = start;
        pieceEnd[pieces] = n;
        int count = 0;
        for (int p = 0; p <= pieces; p++) {
            looksFrom[p] = count;
            for (int i = pieceStart[p]; i < pieceEnd[p] - 2; i++) {
                if (scanner.mayFindAt(chars, i, pieceEnd[p])) {
                    if (count == looks.length) {
                        looks = Arrays.copyOf(looks, count * 2);
                    }
                    looks[count++] = i - pieceStart[p];
                }
            }
        }
        looksFrom[pieces + 1] = count;
        if (rangeStart.length < count + pieces + 2) {
            rangeStart = new int[count + pieces + 2];
            rangeEnd = new int[count + pieces + 2];
        }
        placeholders = pieces;
    }

    /**
     * Whether the message's text has nothing the scanner would find; {@code false} also when this cannot be shown
     * from the format, so the caller scans the text in full.
     */
    boolean provesClean(final TokenScanner scanner, final Message message, final CharSequence text, final ScanBuffer buffer) {
        if (placeholders == UNKNOWN || !readArguments(message)) {
            return false;
        }
        final int n = text.length();
        if ((n != layoutLength || !sameLengths) && !layOut(n)) {
            return false;
        }
        final char[] chars = buffer.fill(text, n);
        // With the text's own arguments copied in, one comparison checks every piece.
        for (int g = 0; g < gaps; g++) {
            for (int i = gapStart[g]; i < gapEnd[g]; i++) {
                image[i] = chars[i];
            }
        }
        if (!Arrays.equals(chars, 0, n, image, 0, n) || scanner.atScanStart(chars, 0, n) != TokenScanner.NONE) {
            return false;
        }
        for (int r = 0; r < ranges; r++) {
            for (int i = rangeStart[r]; i < rangeEnd[r]; i++) {
                if (scanner.mayFindAt(chars, i, n) && scanner.at(chars, i, 0, n) != TokenScanner.NONE) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Places the pieces in a text of {@code n} characters by the arguments' lengths: from the start up to the first
     * argument of unknown length, then from the end back to the last one. Returns whether they fit.
     */
    private boolean layOut(final int n) {
        layoutLength = UNKNOWN;
        if (n > MAX_TEXT) {
            return false;
        }
        final int last = placeholders;
        Arrays.fill(located, 0, last + 1, UNKNOWN);
        int left = 0;
        for (int p = 0, at = 0; ; p++) {
            located[p] = at;
            left = p;
            if (p == last || argumentLength[p] == UNKNOWN) {
                break;
            }
            at += pieceEnd[p] - pieceStart[p] + argumentLength[p];
        }
        for (int p = last, at = n - (pieceEnd[p] - pieceStart[p]); p > left; p--) {
            located[p] = at;
            if (argumentLength[p - 1] == UNKNOWN) {
                break;
            }
            at -= argumentLength[p - 1] + pieceEnd[p - 1] - pieceStart[p - 1];
        }
        if (image.length < n) {
            image = new char[n];
        }
        gaps = 0;
        ranges = 0;
        int end = 0;
        int cursor = 0;
        for (int p = 0; p <= last; p++) {
            final int at = located[p];
            if (at == UNKNOWN) {
                continue;
            }
            final int length = pieceEnd[p] - pieceStart[p];
            if (at < end || at + length > n) {
                return false; // pieces that overlap or overflow: the lengths do not describe this text
            }
            System.arraycopy(formatChars, pieceStart[p], image, at, length);
            if (end < at) {
                gapStart[gaps] = end;
                gapEnd[gaps++] = at;
            }
            end = at + length;
            if (cursor < at) {
                range(cursor, at);
            }
            for (int k = looksFrom[p]; k < looksFrom[p + 1]; k++) {
                range(at + looks[k], at + looks[k] + 1);
            }
            // The last two characters of a piece are looked at with what follows, which the format does not know.
            cursor = Math.max(cursor, Math.max(at, end - 2));
        }
        if (end < n) {
            gapStart[gaps] = end;
            gapEnd[gaps++] = n;
        }
        range(cursor, n);
        System.arraycopy(argumentLength, 0, layoutArguments, 0, last);
        layoutLength = n;
        return true;
    }

    /** Adds positions {@code [start, end)} to look at, joined to the last range when it ends at {@code start}. */
    private void range(final int start, final int end) {
        if (ranges > 0 && rangeEnd[ranges - 1] == start) {
            rangeEnd[ranges - 1] = end;
        } else {
            rangeStart[ranges] = start;
            rangeEnd[ranges++] = end;
        }
    }

    /** Reads the rendered lengths of the arguments that fill the placeholders, without rendering them. */
    private boolean readArguments(final Message message) {
        arguments = 0;
        sameLengths = true;
        // The class test first: on JDK 17 an interface test that fails scans the class's interfaces every time.
        if (message instanceof ParameterizedMessage) {
            final Object[] parameters = message.getParameters();
            for (int i = 0; parameters != null && i < parameters.length; i++) {
                argument(i, parameters[i]);
            }
        } else if (message instanceof ParameterVisitable) {
            ((ParameterVisitable) message).forEachParameter(ARGUMENTS, this);
        }
        // Extra arguments (a throwable) are not rendered; with fewer, placeholders stay in the text.
        return arguments >= placeholders;
    }

    private void argument(final int index, final Object argument) {
        arguments = index + 1;
        if (index < placeholders) {
            final int length = renderedLength(argument);
            argumentLength[index] = length;
            sameLengths &= length == layoutArguments[index];
        }
    }

    private static int renderedLength(final Object argument) {
        if (argument instanceof String) {
            return ((String) argument).length();
        }
        if (argument instanceof StringBuilder) {
            return ((StringBuilder) argument).length();
        }
        if (argument instanceof Integer) {
            return digits(((Integer) argument).intValue());
        }
        if (argument instanceof Long) {
            return digits(((Long) argument).longValue());
        }
        return argument == null ? 4 : UNKNOWN;
    }

    /** The length of {@code Long.toString(value)}. */
    static int digits(final long value) {
        final long magnitude = value < 0 ? -value : value;
        if (magnitude < 0) {
            return 20; // Long.MIN_VALUE, whose magnitude has no positive long
        }
        // Compared with powers of ten rather than divided by ten: a 64-bit division takes tens of cycles.
        int digits = 1;
        for (long power = 10; digits < 19 && magnitude >= power; power *= 10) {
            digits++;
        }
        return value < 0 ? digits + 1 : digits;
    }
}
