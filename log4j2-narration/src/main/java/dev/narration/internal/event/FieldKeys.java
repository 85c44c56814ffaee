package dev.narration.internal.event;

import dev.narration.NarrationFields;

/**
 * The root keys of a narration line, in one list, and the collision rule for structured fields: no duplicate keys,
 * a reserved key never overwritten (docs/layout.md#collisions).
 *
 * <ul>
 *   <li>A message field (a {@link dev.narration.Narration} field, a {@code MapMessage} entry or a TRACE helper's
 *       field) whose name is a reserved root key, or starts with {@value #FIELD_PREFIX} or {@value #CONTEXT_PREFIX},
 *       is written as {@code field.<name>}. The {@code MapMessage} entries that feed a root field
 *       ({@link #isMessageSourceKey}) and its {@code message} entry are that field, not repeated.</li>
 *   <li>A context entry that feeds a root field ({@link #isSourceKey}) is not repeated; if the message supplied that
 *       field itself, the context value is kept as {@code context.<name>}.</li>
 *   <li>Any other context entry whose name is reserved, starts with one of the prefixes, or is also a message
 *       field name, is written as {@code context.<name>}.</li>
 * </ul>
 * Renaming with a prefix that a kept name can never start with makes the output keys unique.
 */
public final class FieldKeys {
    public static final String TIMESTAMP = "@timestamp";
    public static final String LEVEL = "level";
    public static final String SERVICE_NAME = "service.name";
    public static final String SERVICE_VERSION = "service.version";
    public static final String SERVICE_INSTANCE_ID = "service.instance.id";
    public static final String DEPLOYMENT_ENVIRONMENT = "deployment.environment.name";
    public static final String ACTOR = NarrationFields.ACTOR;
    public static final String ACTION = NarrationFields.ACTION;
    public static final String TARGET = NarrationFields.TARGET;
    public static final String HUMAN = "human";
    public static final String CUTE = "cute";
    public static final String STORY = "story";
    public static final String CORRELATION_ID = NarrationFields.CORRELATION_ID;
    public static final String TRACE_ID = NarrationFields.TRACE_ID;
    public static final String SPAN_ID = NarrationFields.SPAN_ID;
    /** The marker names of an event (its marker and the marker's parents, {@link MarkerNames}). */
    public static final String TAGS = "tags";
    public static final String LOGGER = "logger";
    public static final String THREAD = "thread";
    public static final String EXCEPTION_TYPE = "exception.type";
    public static final String EXCEPTION_MESSAGE = "exception.message";
    public static final String EXCEPTION_STACKTRACE = "exception.stacktrace";
    /** The stack trace's hash, with {@code stackTraceHash="true"}. */
    public static final String EXCEPTION_HASH = "exception.hash";
    /** Marks a line that was cut to its size limit; reserved now. */
    public static final String TRUNCATED = "truncated";

    public static final String FIELD_PREFIX = "field.";
    public static final String CONTEXT_PREFIX = "context.";

    private FieldKeys() {}

    /** Whether a key is one of the root keys of a narration line: the one list of reserved keys. */
    public static boolean isReserved(final String key) {
        switch (key) {
            case TIMESTAMP:
            case LEVEL:
            case SERVICE_NAME:
            case SERVICE_VERSION:
            case SERVICE_INSTANCE_ID:
            case DEPLOYMENT_ENVIRONMENT:
            case ACTOR:
            case ACTION:
            case TARGET:
            case HUMAN:
            case CUTE:
            case STORY:
            case CORRELATION_ID:
            case TRACE_ID:
            case SPAN_ID:
            case TAGS:
            case LOGGER:
            case THREAD:
            case EXCEPTION_TYPE:
            case EXCEPTION_MESSAGE:
            case EXCEPTION_STACKTRACE:
            case EXCEPTION_HASH:
            case TRUNCATED:
                return true;
            default:
                return false;
        }
    }

    /** Whether a context key is the source of a root field rather than a structured field of its own. */
    public static boolean isSourceKey(final String key) {
        switch (key) {
            case ACTOR:
            case ACTION:
            case TARGET:
            case CORRELATION_ID:
            case TRACE_ID:
            case SPAN_ID:
                return true;
            default:
                return false;
        }
    }

    /** Whether a {@code MapMessage} entry of this name fills a root field, as the context key of that name would. */
    public static boolean isMessageSourceKey(final String key) {
        switch (key) {
            case ACTOR:
            case ACTION:
            case TARGET:
            case CORRELATION_ID:
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

    /**
     * Whether a key is none of the root fields' sources, reserved keys or prefixed keys: a context entry of this key
     * is placed by the event's message and the schema alone ({@link #placeContext}).
     */
    public static boolean isPlain(final String key) {
        return !isSourceKey(key) && !isReserved(key) && !hasPrefix(key);
    }

    /** What to do with a context entry. */
    public enum ContextPlacement {
        /** Written under its own name. */
        AS_IS,
        /** Written as {@code context.<name>}. */
        RENAMED,
        /** Not written: it already is the root field it feeds. */
        CONSUMED
    }

    /**
     * Where a context entry goes, given whether the message itself supplied the root field this key feeds and
     * whether the message has a field of the same name.
     */
    public static ContextPlacement placeContext(
            final String key, final boolean messageSuppliesField, final boolean messageHasField) {
        if (isSourceKey(key)) {
            return messageSuppliesField ? ContextPlacement.RENAMED : ContextPlacement.CONSUMED;
        }
        return isReserved(key) || hasPrefix(key) ? ContextPlacement.RENAMED : placePlain(messageHasField);
    }

    /** Where an entry of a {@link #isPlain plain} key goes, given whether the message has a field of the same name. */
    public static ContextPlacement placePlain(final boolean messageHasField) {
        return messageHasField ? ContextPlacement.RENAMED : ContextPlacement.AS_IS;
    }
}
