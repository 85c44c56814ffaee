package dev.narration.internal.redact;

import dev.narration.internal.event.MessagePieces;
import java.util.Arrays;

/**
 * A message format split at its {@code {}} placeholders, so that the text of a parameterized message is scanned
 * only around its arguments: {@code logger.info("Accepted job {} at position {} of 17, …", id, position)} formats
 * anew on every event, yet most of its characters are those of the format. An encoder uses the same pieces to write
 * such a text ({@link MessagePieces}).
 *
 * <p>Why skipping is exact. Whether {@link TokenScanner#find} does anything at a position is decided by the
 * character there and the three after it ({@link TokenScanner#mayFindAt}). So inside a stretch of the text that has
 * the very characters of a piece of the format, the positions of interest are the piece's, found once per format
 * and scanner. The text is not trusted to be what the format and arguments should give: a piece saves work only
 * where the text is compared and found to hold it. At its positions of interest, and at every other position (the
 * arguments, the last three characters of each piece), the scanner runs as usual, reading as far around as it always
 * does. A text is therefore proven clean exactly when a full scan would find nothing; when it is not proven clean
 * it is scanned in full.
 *
 * <p>Where the pieces are is found in the text itself, not from the arguments: the first piece starts the text, the
 * last ends it, and each other one is taken where it first occurs after the one before, which finds a place for
 * every piece whenever there is one. Reading the arguments would cost more than it saves: on an all-async logger
 * they are objects that another core wrote last ({@code Unbox}'s buffers, ids), and an argument that is not a
 * string has no length until rendered. The places found are kept for the next text of the same length, which one
 * comparison confirms: texts of one format mostly repeat their lengths (an id, a count).
 *
 * <p>One per format and thread, kept by {@link ScanBuffer}. Not thread-safe.
 */
public final class MessageTemplate implements MessagePieces {
    /** Longer formats are scanned as plain text: they are rare, and their copy would pin memory. */
    private static final int MAX_FORMAT = 2048;
    /** Longer texts are scanned in full: a layout is an array as long as the text. */
    private static final int MAX_TEXT = 8192;
    private static final int MAX_PIECES = 16;
    /**
     * Characters a search for the pieces may compare per character of the text (plus a constant) before it gives
     * up and lets the text be scanned in full, so that the search stays linear whatever the arguments hold.
     */
    private static final int SEARCH_WORK_PER_CHAR = 4;
    private static final int UNKNOWN = -1;

    private String format;
    /** The last format that came to this template's slot, to be split if it comes again. */
    private String candidate;
    /** The number of {@code {}} in the format, or {@link #UNKNOWN} for a format this class does not split. */
    private int placeholders = UNKNOWN;
    private char[] formatChars = new char[128];
    private final int[] pieceStart = new int[MAX_PIECES];
    private final int[] pieceEnd = new int[MAX_PIECES];

    // The layout of the last text: where the pieces are in a text of layoutLength characters.
    private int layoutLength = UNKNOWN;
    private final int[] located = new int[MAX_PIECES];
    /** The pieces at their places; between them, the last text's arguments, overwritten by each text's own. */
    private char[] image = new char[128];
    /** The stretches between the pieces: the arguments. */
    private final int[] gapStart = new int[MAX_PIECES];
    private final int[] gapEnd = new int[MAX_PIECES];
    private int gaps;

    // What a scanner must look at: for the scanner in lookedFor and, when positionsReady, the current layout.
    private TokenScanner lookedFor;
    /** Positions of interest of piece {@code p}, relative to its start: {@code looks[looksFrom[p] .. looksFrom[p+1])}. */
    private final int[] looksFrom = new int[MAX_PIECES + 1];
    private int[] looks = new int[16];
    private boolean positionsReady;
    /**
     * The positions the scanner must look at, in order: the gaps' characters, and those of the pieces' positions of
     * interest and of their last three characters that are not letters or digits.
     */
    private int[] positions = new int[64];
    private int count;

    @Override
    public String format() {
        return format;
    }

    @Override
    public int pieces() {
        return placeholders + 1;
    }

    @Override
    public int formatStart(final int piece) {
        return pieceStart[piece];
    }

    @Override
    public int formatEnd(final int piece) {
        return pieceEnd[piece];
    }

    @Override
    public int textStart(final int piece) {
        return located[piece];
    }

    /** Whether the format has placeholders to scan around; a constant message is remembered whole instead. */
    boolean splits() {
        return placeholders != UNKNOWN;
    }

    /**
     * Whether the format came last time too; if not, it is remembered as the one that came. A format too long to
     * split is never remembered: the slot would keep a huge text reachable, maybe a secret, for as long as the thread.
     */
    boolean isCandidate(final String format) {
        if (candidate == format) {
            return true;
        }
        candidate = format.length() > MAX_FORMAT ? null : format;
        return false;
    }

    void prepare(final String format) {
        this.format = format;
        placeholders = UNKNOWN;
        layoutLength = UNKNOWN;
        lookedFor = null;
        final int n = format.length();
        // A constant message is remembered whole instead (RedactionEngine#redactMessage). A backslash may escape a
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
        placeholders = pieces;
    }

    /**
     * Whether the text has the format's pieces, in order, the first at its start and the last at its end; if so,
     * {@link #textStart} tells where, and {@code buffer} holds the text's copy ({@link ScanBuffer#copyOf}).
     */
    boolean isHeldBy(final CharSequence text, final ScanBuffer buffer) {
        return copyIfHeld(text, buffer) != null;
    }

    /**
     * Whether the text has nothing the scanner would find; {@code false} also when this cannot be shown from the
     * format, so the caller scans the text in full.
     */
    boolean provesClean(final TokenScanner scanner, final CharSequence text, final ScanBuffer buffer) {
        final char[] chars = copyIfHeld(text, buffer);
        if (chars == null) {
            return false;
        }
        final int n = text.length();
        if (scanner != lookedFor || !positionsReady) {
            lookAt(scanner, n);
        }
        if (scanner.atScanStart(chars, 0, n) != TokenScanner.NONE) {
            return false;
        }
        final int[] at = positions;
        for (int k = 0, end = count; k < end; k++) {
            final int i = at[k];
            if (scanner.mayFindAt(chars, i, n) && scanner.at(chars, i, 0, n) != TokenScanner.NONE) {
                return false;
            }
        }
        return true;
    }

    /** The text's copy in {@code buffer} when the text {@link #isHeldBy holds the pieces}, else {@code null}. */
    private char[] copyIfHeld(final CharSequence text, final ScanBuffer buffer) {
        final int n = text.length();
        if (placeholders == UNKNOWN || n > MAX_TEXT) {
            return null;
        }
        final char[] chars = buffer.fill(text, n);
        if (hasLayout(chars, n) || locate(chars, n) && layOut(chars, n)) {
            buffer.piecesFound(this);
            return chars;
        }
        return null;
    }

    /** Whether the text has the pieces where the last text of its length had them. */
    private boolean hasLayout(final char[] chars, final int n) {
        if (n != layoutLength) {
            return false;
        }
        // With the text's own arguments copied in, one comparison checks every piece.
        final char[] expected = image;
        for (int g = 0, last = gaps; g < last; g++) {
            for (int i = gapStart[g], end = gapEnd[g]; i < end; i++) {
                expected[i] = chars[i];
            }
        }
        return Arrays.equals(chars, 0, n, expected, 0, n);
    }

    /**
     * Finds the pieces in the text into {@link #located}: the first at the start, the last at the end, each other
     * one where it first occurs after the one before. Taking the first occurrence leaves the most room to the
     * pieces after it, so a text that has the pieces in order somewhere is never missed. Returns whether it found
     * them all within its work limit.
     */
    private boolean locate(final char[] chars, final int n) {
        layoutLength = UNKNOWN;
        final int last = placeholders;
        final int lastAt = n - (pieceEnd[last] - pieceStart[last]);
        if (lastAt < pieceEnd[0] - pieceStart[0] || !holds(chars, 0, 0) || !holds(chars, lastAt, last)) {
            return false;
        }
        located[0] = 0;
        located[last] = lastAt;
        int work = SEARCH_WORK_PER_CHAR * n + 64;
        int cursor = pieceEnd[0] - pieceStart[0];
        for (int p = 1; p < last; p++) {
            final int start = pieceStart[p];
            final int length = pieceEnd[p] - start;
            int at = cursor;
            for (; at + length <= lastAt; at++) {
                int same = 0;
                while (same < length && chars[at + same] == formatChars[start + same]) {
                    same++;
                }
                if (same == length) {
                    break;
                }
                work -= same + 1;
                if (work < 0) {
                    return false;
                }
            }
            if (at + length > lastAt) {
                return false;
            }
            located[p] = at;
            cursor = at + length;
        }
        return true;
    }

    /** Whether the text has piece {@code p} at {@code at}. */
    private boolean holds(final char[] chars, final int at, final int p) {
        final int start = pieceStart[p];
        return Arrays.equals(chars, at, at + pieceEnd[p] - start, formatChars, start, pieceEnd[p]);
    }

    /**
     * Prepares {@link #hasLayout} for the places in {@link #located}, for texts of {@code n} characters such as
     * {@code chars}. Returns {@code true}.
     */
    private boolean layOut(final char[] chars, final int n) {
        if (image.length < n) {
            image = new char[n];
        }
        System.arraycopy(chars, 0, image, 0, n);
        positionsReady = false;
        gaps = 0;
        int end = 0;
        for (int p = 0; p <= placeholders; p++) {
            final int at = located[p];
            if (end < at) {
                gapStart[gaps] = end;
                gapEnd[gaps++] = at;
            }
            end = at + pieceEnd[p] - pieceStart[p];
        }
        layoutLength = n;
        return true;
    }

    /** Finds the positions the scanner must look at in texts of the current layout, of {@code n} characters. */
    private void lookAt(final TokenScanner scanner, final int n) {
        if (scanner != lookedFor) {
            findLooks(scanner);
        }
        count = 0;
        int end = 0;
        int cursor = 0;
        for (int p = 0; p <= placeholders; p++) {
            final int at = located[p];
            lookAt(cursor, end, at);
            for (int k = looksFrom[p]; k < looksFrom[p + 1]; k++) {
                lookAt(at + looks[k]);
            }
            end = at + pieceEnd[p] - pieceStart[p];
            // The last three characters of a piece are looked at with what follows, which the format does not know.
            cursor = Math.max(cursor, Math.max(at, end - 3));
        }
        lookAt(cursor, end, n);
        positionsReady = true;
    }

    /** Finds each piece's positions of interest for the scanner: those its own characters decide. */
    private void findLooks(final TokenScanner scanner) {
        final char[] chars = formatChars;
        int found = 0;
        for (int p = 0; p <= placeholders; p++) {
            looksFrom[p] = found;
            for (int i = pieceStart[p]; i < pieceEnd[p] - 3; i++) {
                if (scanner.mayFindAt(chars, i, pieceEnd[p])) {
                    if (found == looks.length) {
                        looks = Arrays.copyOf(looks, found * 2);
                    }
                    looks[found++] = i - pieceStart[p];
                }
            }
        }
        looksFrom[placeholders + 1] = found;
        lookedFor = scanner;
    }

    /**
     * Adds positions {@code [start, to)} to look at: those from {@code gap} on are an argument's; those before it
     * end a piece, and a letter or digit there is never of interest, whatever follows.
     */
    private void lookAt(final int start, final int gap, final int to) {
        for (int i = start; i < to; i++) {
            if (i >= gap || !CharClasses.isLetterOrDigit(image[i])) {
                lookAt(i);
            }
        }
    }

    private void lookAt(final int position) {
        if (count == positions.length) {
            positions = Arrays.copyOf(positions, 2 * count);
        }
        positions[count++] = position;
    }
}
