package dev.narration.internal.redact;

import org.apache.logging.log4j.message.Message;

/**
 * The one redaction of an event's surfaces, called by both ways of turning redaction on: {@code NarrationJsonLayout}
 * with {@code <Redaction>} writes what it returns as it goes, and {@code RedactionRewritePolicy} rebuilds an event
 * from it, so that every surface one masks the other masks, with the same text (docs/redaction.md). Each surface has
 * one rule:
 * <ul>
 * <li>a value named by a key: a root field ({@code actor}, {@code action}, {@code target}, {@code cute},
 *     {@code story}, {@code correlation_id}, {@code trace_id}, {@code span_id}, whatever its source), a message
 *     field or map entry, a context entry ({@link #keyed}). A non-empty value of a sensitive key is replaced by that
 *     key's mask; any other text is scanned. A number or boolean holds no secret unless its key is sensitive;</li>
 * <li>the sentence, {@code human} ({@link #human}): scanned, with the engine's shortcuts for constant and
 *     parameterized messages, which give exactly a full scan's result;</li>
 * <li>an item of the context stack, the message of each throwable of the chain ({@link #text}): scanned.</li>
 * </ul>
 * Names chosen by code rather than data are no surface: the level, the logger and thread names, an actor inferred
 * from the logger name, a TRACE helper's kind ({@code enter}, {@code exit}, …) and an exception's class.
 *
 * <p>A surface with nothing to mask comes back as the very same object, checked without allocation; a masked one as
 * text valid until the next call. One per thread, for one engine at a time ({@link #use}); not thread-safe.
 */
public final class EventRedaction {
    private static final int MAX_KEPT_CAPACITY = 4096;

    private final ScanBuffer buffer;
    /** Holds the last masked value. */
    private final StringBuilder masked = new StringBuilder(256);
    private RedactionEngine engine;

    /** A redaction that scans in the caller's buffer: an encoder's, which also finds a message's pieces with it. */
    public EventRedaction(final ScanBuffer buffer) {
        this.buffer = buffer;
    }

    public EventRedaction() {
        this(new ScanBuffer());
    }

    /** Masks with this engine from now on. */
    public EventRedaction use(final RedactionEngine redactionEngine) {
        this.engine = redactionEngine;
        return this;
    }

    /** The buffer the scans copy text into, for {@link ScanBuffer#copyOf} and {@link ScanBuffer#foundIn}. */
    public ScanBuffer buffer() {
        return buffer;
    }

    /**
     * A text value named by a key: the key's mask when the key is sensitive and the value not empty, else the value
     * scanned. {@code recurring} values (context values, a message's constant strings) are remembered clean by
     * identity. {@code null} stays {@code null}.
     */
    public CharSequence keyed(final String key, final CharSequence value, final boolean recurring) {
        if (value == null) {
            return null;
        }
        final String mask = maskFor(key, value);
        return mask != null ? mask : text(value, recurring);
    }

    /**
     * The mask that replaces the value of a sensitive key, counted; {@code null} when the key is not sensitive or the
     * value is empty text, which holds nothing to hide.
     */
    public String maskFor(final String key, final Object value) {
        return value instanceof CharSequence && ((CharSequence) value).length() == 0 ? null : engine.maskForKey(key, buffer);
    }

    /** As {@link #maskFor(String, Object)}, for a number or a boolean, which is never empty. */
    public String maskFor(final String key) {
        return engine.maskForKey(key, buffer);
    }

    /** A scanned text: the text itself when clean, else its masked copy. */
    public CharSequence text(final CharSequence value, final boolean recurring) {
        return recurring ? engine.redactRecurring(value, masked, buffer) : engine.redact(value, masked, buffer);
    }

    /**
     * Whether what {@link #human} gave is the sentence unchanged: the text itself, or the message's format when the
     * text was that very constant.
     */
    public static boolean isUnchanged(final Message message, final CharSequence text, final CharSequence safe) {
        return safe == text || safe == RedactionEngine.formatOf(message);
    }

    /** Lets go of the event's text: a masked copy that a huge value grew, and what the buffer copied last. */
    public void trim() {
        buffer.forget();
        if (masked.capacity() > MAX_KEPT_CAPACITY) {
            masked.setLength(0);
            masked.trimToSize();
        }
    }

    /**
     * The sentence of a message, formatted as {@code text}: the text itself when clean (the buffer then holds its
     * copy, and the pieces of its format where found), or its format when that is the same constant text, or masked.
     */
    public CharSequence human(final Message message, final CharSequence text) {
        return engine.redactMessage(message, text, masked, buffer);
    }
}
