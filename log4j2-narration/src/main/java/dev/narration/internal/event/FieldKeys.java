package dev.narration.internal.event;

import dev.narration.NarrationFields;

/**
 * The collision rule for structured fields (NARRATION.md §5: no duplicate keys, reserved keys never
 * overwritten).
 *
 * <ul>
 *   <li>A message field (a {@link dev.narration.Narration} field or a {@code MapMessage} entry) whose name is a
 *       reserved root key, or starts with {@value #FIELD_PREFIX} or {@value #CONTEXT_PREFIX}, is written as
 *       {@code field.<name>}.</li>
 *   <li>A context entry that feeds a reserved field ({@code actor}, {@code action}, {@code target},
 *       {@code correlation_id}, {@code trace_id}, {@code span_id}) is not repeated; if the message supplied that
 *       field itself, the context value is kept as {@code context.<name>}.</li>
 *   <li>Any other context entry whose name is reserved, starts with one of the prefixes, or is also a message
 *       field name, is written as {@code context.<name>}.</li>
 * </ul>
 * Renaming with a prefix that a kept name can never start with makes the output keys unique.
 */
public final class FieldKeys {
    public static final String FIELD_PREFIX = "field.";
    public static final String CONTEXT_PREFIX = "context.";

    private FieldKeys() {}

    /** Whether a key is one of the fixed root keys of a narration line. */
    public static boolean isReserved(final String key) {
        switch (key) {
            case "@timestamp":
            case "level":
            case "service.name":
            case "service.version":
            case "service.instance.id":
            case "deployment.environment.name":
            case NarrationFields.ACTOR:
            case NarrationFields.ACTION:
            case NarrationFields.TARGET:
            case "human":
            case "cute":
            case "story":
            case NarrationFields.CORRELATION_ID:
            case NarrationFields.TRACE_ID:
            case NarrationFields.SPAN_ID:
            case "logger":
            case "thread":
            case "exception.type":
            case "exception.message":
            case "exception.stacktrace":
                return true;
            default:
                return false;
        }
    }

    /** Whether a context key is the source of a reserved field rather than a structured field of its own. */
    public static boolean isSourceKey(final String key) {
        switch (key) {
            case NarrationFields.ACTOR:
            case NarrationFields.ACTION:
            case NarrationFields.TARGET:
            case NarrationFields.CORRELATION_ID:
            case NarrationFields.TRACE_ID:
            case NarrationFields.SPAN_ID:
                return true;
            default:
                return false;
        }
    }

    private static boolean hasPrefix(final String key) {
        return key.startsWith(FIELD_PREFIX) || key.startsWith(CONTEXT_PREFIX);
    }

    /** Whether a message field must be written as {@code field.<name>}. */
    public static boolean renameMessageField(final String key) {
        return isReserved(key) || hasPrefix(key);
    }

    /** What to do with a context entry. */
    public enum ContextPlacement {
        /** Written under its own name. */
        AS_IS,
        /** Written as {@code context.<name>}. */
        RENAMED,
        /** Not written: it already is the reserved field it feeds. */
        CONSUMED
    }

    /**
     * Where a context entry goes, given whether the message itself supplied the reserved field this key feeds
     * (for any message type, e.g. a TRACE helper's) and whether the message has a field of the same name.
     */
    public static ContextPlacement placeContext(
            final String key, final boolean messageSuppliesField, final boolean messageHasField) {
        if (isSourceKey(key)) {
            return messageSuppliesField ? ContextPlacement.RENAMED : ContextPlacement.CONSUMED;
        }
        return isReserved(key) || hasPrefix(key) || messageHasField ? ContextPlacement.RENAMED : ContextPlacement.AS_IS;
    }
}
