package dev.narration.internal.redact;

import dev.narration.internal.event.MessagePieces;
import dev.narration.internal.text.IdentitySlots;
import dev.narration.internal.text.TextCopy;
import java.util.Arrays;
import org.apache.logging.log4j.core.impl.MementoMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.ReusableMessage;

/**
 * The text being scanned, copied into an array: one bulk copy, then plain array reads, which is several times
 * faster than {@code CharSequence.charAt} per character. Reused: one per thread by default; an encoder that
 * already keeps per-thread state (such as {@code NarrationJsonLayout}'s line writer) holds its own and passes it to
 * {@link RedactionEngine}, saving a thread-local look-up per value. Not thread-safe.
 *
 * <p>It also remembers, by identity, the last keys found not sensitive and the last short context values found
 * clean: they are usually the very same {@code String} objects on every event of a request
 * (a correlation id, a job id), and a string's content never changes, so they are checked once rather than on
 * every event. Constant messages are remembered the same way, by their format (see
 * {@link RedactionEngine#redactMessage}). This memory is tied to one {@link RedactionEngine}; it is cleared when another one uses
 * the buffer.
 *
 * <p>It keeps the formats of recent parameterized messages split into their pieces, for redaction and for encoders
 * ({@link #piecesIn}); a split does not depend on the redactor.
 */
public final class ScanBuffer {
    /** Strings up to this length are remembered; longer ones are rare repeats and would pin memory. */
    static final int MAX_REMEMBERED = 256;
    private static final int SLOTS = 64;
    private static final int TEMPLATES = 64;

    private final TextCopy chars = new TextCopy();
    /** The other side of {@link #sameContent}: the characters of {@link #comparedString}. */
    private final char[] compared = new char[MAX_REMEMBERED];
    private String comparedString;
    private RedactionEngine owner;
    private final IdentitySlots cleanValues = new IdentitySlots(SLOTS);
    private final IdentitySlots plainKeys = new IdentitySlots(SLOTS);
    private final MessageTemplate[] templates = new MessageTemplate[TEMPLATES];
    /** The template {@link #template} gave last, whose format is {@code null} until one is prepared. */
    private MessageTemplate lastTemplate = new MessageTemplate();
    /** The template whose pieces the text of the last {@link #fill} was found to hold, or {@code null}. */
    private MessageTemplate found;

    public ScanBuffer() {}

    /** Whether this string was found clean (a value) or not sensitive (a key) by the same redactor. */
    boolean remembers(final RedactionEngine redactor, final CharSequence text, final boolean key) {
        if (owner != redactor || !(text instanceof String) || text.length() > MAX_REMEMBERED) {
            return false;
        }
        return (key ? plainKeys : cleanValues).find((String) text) >= 0;
    }

    void remember(final RedactionEngine redactor, final CharSequence text, final boolean key) {
        if (!(text instanceof String) || text.length() > MAX_REMEMBERED) {
            return;
        }
        own(redactor);
        (key ? plainKeys : cleanValues).claim((String) text);
    }

    /**
     * The template of a message format, split once and kept while it recurs; {@code null} when the format is new
     * to its slot. A format is split when it comes to its slot a second time in a row, so that formats taking turns
     * in one slot cost a plain scan each, rather than a split and a scan each.
     */
    MessageTemplate template(final String format) {
        // Consecutive events often have the same format (a loop, a request's steps): then no hash is needed.
        if (lastTemplate.format() == format) {
            return lastTemplate;
        }
        final int slot = System.identityHashCode(format) & (TEMPLATES - 1);
        MessageTemplate template = templates[slot];
        if (template == null) {
            template = templates[slot] = new MessageTemplate();
        }
        if (template.format() != format) {
            if (!template.isCandidate(format)) {
                return null;
            }
            template.prepare(format);
        }
        lastTemplate = template;
        return template;
    }

    /**
     * Where the pieces of a parameterized message's format lie in its formatted text, when the text holds them
     * all; {@code null} when it does not, when the format has no placeholder, when the format is new (it is split
     * from its second event on), or when the message is not a {@code ParameterizedMessage}, a {@code ReusableMessage}
     * (what asynchronous loggers hand over) or a {@code MementoMessage}, whose format would cost a rendering. For an encoder that writes the text from what it prepares once per format: see
     * {@link MessagePieces}. The text is copied into this buffer and compared with the pieces; afterwards
     * {@link #copyOf} gives the copy if this call made one, and never an earlier one. The answer is valid until the
     * next use of this buffer, while the text is unchanged.
     */
    public MessagePieces piecesIn(final Message message, final CharSequence text) {
        // A StringBuilder reused for every event is the same object: only a copy made now may be given out.
        chars.forget();
        found = null;
        final String format = formatIsAField(message) ? RedactionEngine.formatOf(message) : null;
        final MessageTemplate template = format == null ? null : template(format);
        return template != null && template.isHeldBy(text, this) ? template : null;
    }

    /**
     * {@link #piecesIn} for the text that this buffer copied last, as {@link #copyOf} gives it: the pieces found in
     * it then, or {@code null}. {@link RedactionEngine#redactMessage} finds them when it shows a parameterized message clean
     * around its arguments, so an encoder that writes out the text it has just had redacted need not compare it
     * again. The caller must know, as for {@link #copyOf}, that the text has not changed since.
     */
    public MessagePieces foundIn(final CharSequence text) {
        return copyOf(text) != null ? found : null;
    }

    /**
     * Whether asking the message for its format reads a field. Other messages may make it anew on every call: an
     * {@code ObjectMessage} renders its object again. The class test comes first, as it is the cheapest.
     */
    private static boolean formatIsAField(final Message message) {
        return message instanceof ParameterizedMessage || message instanceof ReusableMessage
                || message instanceof MementoMessage;
    }

    /** Called by a template that found its pieces in the text of the last {@link #fill}. */
    void piecesFound(final MessageTemplate template) {
        found = template;
    }

    private void own(final RedactionEngine redactor) {
        if (owner != redactor) {
            cleanValues.clear();
            plainKeys.clear();
            owner = redactor;
        }
    }

    /**
     * Whether a text has the content of a string of at most {@link #MAX_REMEMBERED} characters. Both are copied in
     * bulk and compared with {@code Arrays.equals}, which the JIT vectorizes: {@code String.contentEquals} on a
     * {@code StringBuilder} compares byte by byte, and for a 120-character message cost twice as much. The string
     * is usually the same message format as last time, so its copy is kept.
     */
    boolean sameContent(final String string, final CharSequence text) {
        final int n = string.length();
        if (n != text.length() || n > MAX_REMEMBERED) {
            return false;
        }
        if (comparedString != string) {
            string.getChars(0, n, compared, 0);
            comparedString = string;
        }
        return Arrays.equals(fill(text, n), 0, n, compared, 0, n);
    }

    /**
     * The characters of the text as the last {@link #fill} copied them, when that fill was of this very text, whole;
     * {@code null} otherwise (see {@link TextCopy#copyOf}). For an encoder that writes out a text it has just had
     * redacted and found clean: the scan's copy serves again.
     */
    public char[] copyOf(final CharSequence text) {
        return chars.copyOf(text);
    }

    /** Forgets the last text copied and the pieces found in it, so that the buffer keeps no value reachable. */
    public void forget() {
        chars.forget();
        found = null;
    }

    /** The first {@code length} characters of the text, copied (see {@link TextCopy#fill}); valid until the next call. */
    public char[] fill(final CharSequence text, final int length) {
        found = null;
        return chars.fill(text, length);
    }
}
