package dev.narration.redact;

import dev.narration.Narration;
import dev.narration.internal.event.Renderings;
import dev.narration.internal.redact.RedactionEngine;
import dev.narration.internal.redact.ScanBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.ContextDataFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.apache.logging.log4j.message.StructuredDataMessage;
import org.apache.logging.log4j.spi.MutableThreadContextStack;
import org.apache.logging.log4j.util.IndexedReadOnlyStringMap;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.StringBuilderFormattable;
import org.apache.logging.log4j.util.StringMap;
import org.apache.logging.log4j.util.TriConsumer;

/**
 * Rewrites one event for {@link RedactionRewritePolicy}. One instance per thread holds the reusable buffers, so a
 * clean event (the common case) is checked without allocating: the message is formatted into a reused buffer,
 * context entries are visited with a static callback, and nothing is copied.
 *
 * <p>Every part is checked first; only when something must be masked is anything built, and then a new event
 * with {@link Log4jLogEvent.Builder}: the source event, its message and its context are never modified, whether
 * they are immutable or Log4j's reusable ones.
 */
final class EventRewriter {
    /** Bounds the walk over causes and suppressed exceptions, which may be cyclic or absurdly deep. */
    private static final int MAX_THROWABLES = 64;
    private static final int MAX_RETAINED = 16 * 1024;

    private static final TriConsumer<String, Object, EventRewriter> CHECK_CONTEXT =
            (key, value, rewriter) -> rewriter.checkContext(key, value);
    private static final TriConsumer<String, Object, EventRewriter> COPY_CONTEXT =
            (key, value, rewriter) -> rewriter.copyContext(key, value);

    private final RedactionEngine redactor;
    private final StringBuilder text = new StringBuilder(256);
    private final ScanBuffer buffer = new ScanBuffer();
    private boolean contextDirty;
    private StringMap contextCopy;
    private int throwablesSeen;

    EventRewriter(final RedactionEngine redactor) {
        this.redactor = redactor;
    }

    /** The event itself when clean, else a redacted copy. */
    LogEvent rewrite(final LogEvent event) {
        try {
            final Message message = event.getMessage();
            final boolean messageDirty = message != null && !isClean(message);
            final ReadOnlyStringMap context = event.getContextData();
            contextDirty = false;
            if (context != null && !context.isEmpty()) {
                context.forEach(CHECK_CONTEXT, this);
            }
            final ThreadContext.ContextStack stack = event.getContextStack();
            final boolean stackDirty = stack != null && stack.getDepth() > 0 && !isClean(stack);
            final Throwable thrown = event.getThrown();
            throwablesSeen = 0;
            final boolean thrownDirty = thrown != null && !isClean(thrown);
            if (!messageDirty && !contextDirty && !stackDirty && !thrownDirty) {
                return event;
            }
            final Log4jLogEvent.Builder copy = new Log4jLogEvent.Builder(event);
            if (messageDirty) {
                copy.setMessage(redact(message));
            }
            if (contextDirty) {
                copy.setContextData(redact(context));
            }
            if (stackDirty) {
                copy.setContextStack(redact(stack));
            }
            if (thrownDirty) {
                throwablesSeen = 0;
                copy.setThrown(redact(thrown));
            }
            return copy.build();
        } finally {
            contextCopy = null;
            if (text.capacity() > MAX_RETAINED) {
                text.setLength(0);
                text.trimToSize();
            }
        }
    }

    // ---- messages

    private boolean isClean(final Message message) {
        if (message instanceof Narration) {
            return isClean((Narration) message);
        }
        if (message instanceof StructuredDataMessage && !isClean(((StructuredDataMessage) message).getFormat())) {
            return false;
        }
        if (message instanceof MapMessage) {
            return isClean(((MapMessage<?, ?>) message).getIndexedReadOnlyStringMap());
        }
        if (message instanceof SimpleMessage) {
            // Holds its text as a String already: no need to copy it into the format buffer.
            return redactor.isCleanRecurring(message.getFormattedMessage(), buffer);
        }
        return redactor.isCleanMessage(message, format(message), buffer);
    }

    private Message redact(final Message message) {
        if (message instanceof Narration) {
            return redact((Narration) message);
        }
        if (message instanceof MapMessage) {
            return redact((MapMessage<?, ?>) message);
        }
        return new SimpleMessage(redactor.redact(format(message).toString()));
    }

    private CharSequence format(final Message message) {
        text.setLength(0);
        if (message instanceof StringBuilderFormattable) {
            ((StringBuilderFormattable) message).formatTo(text);
        } else {
            text.append(message.getFormattedMessage());
        }
        return text;
    }

    private boolean isClean(final Narration narration) {
        if (!redactor.isClean(format(narration), buffer) || !isClean(narration.getCute()) || !isClean(narration.getStory())
                || !isClean(narration.getTarget()) || !isClean(narration.getActor())) {
            return false;
        }
        for (int i = 0, n = narration.getFieldCount(); i < n; i++) {
            final String name = narration.getFieldName(i);
            final Narration.FieldKind kind = narration.getFieldKind(i);
            if (redactor.isSensitiveKey(name, buffer)) {
                return false;
            }
            if ((kind == Narration.FieldKind.STRING || kind == Narration.FieldKind.OBJECT)
                    && !isCleanValue(narration.getFieldValue(i))) {
                return false;
            }
        }
        return true;
    }

    private Narration redact(final Narration source) {
        final Narration copy = source.getAction() == null ? Narration.event() : Narration.action(source.getAction());
        copy.actor(redactor.redact(source.getActor()))
                .target(redactor.redact(source.getTarget()))
                .correlationId(source.getCorrelationId())
                .cute(redactor.redact(source.getCute()))
                .story(redactor.redact(source.getStory()));
        if (source.hasHuman()) {
            copy.human(redactor.redact(format(source).toString()));
        }
        for (int i = 0, n = source.getFieldCount(); i < n; i++) {
            final String name = source.getFieldName(i);
            final String mask = redactor.maskForKey(name);
            if (mask != null) {
                copy.field(name, mask);
                continue;
            }
            switch (source.getFieldKind(i)) {
                case LONG:
                    copy.field(name, source.getFieldLong(i));
                    break;
                case DOUBLE:
                    copy.field(name, source.getFieldDouble(i));
                    break;
                case BOOLEAN:
                    copy.field(name, source.getFieldBoolean(i));
                    break;
                default:
                    copy.field(name, redactValue(source.getFieldValue(i)));
            }
        }
        return copy;
    }

    private boolean isClean(final IndexedReadOnlyStringMap map) {
        for (int i = 0, n = map.size(); i < n; i++) {
            final Object value = map.getValueAt(i);
            if (isSensitive(map.getKeyAt(i), value) || !isCleanValue(value)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A copy of the same type where Log4j offers a way to build one ({@link StringMapMessage},
     * {@link StructuredDataMessage}, {@link MapMessage}); other subclasses become a plain {@link MapMessage}: the
     * message stays a map, with masked values, and is never changed in place ({@code MapMessage.with} would).
     */
    private Message redact(final MapMessage<?, ?> source) {
        final IndexedReadOnlyStringMap map = source.getIndexedReadOnlyStringMap();
        final Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0, n = map.size(); i < n; i++) {
            final String key = map.getKeyAt(i);
            final Object value = map.getValueAt(i);
            final String mask = value == null ? null : redactor.maskForKey(key);
            values.put(key, mask != null ? mask : redactor.redact(value == null ? null : String.valueOf(value)));
        }
        if (source instanceof StructuredDataMessage) {
            final StructuredDataMessage data = (StructuredDataMessage) source;
            return new StructuredDataMessage(data.getId(), redactor.redact(data.getFormat()), data.getType(), values);
        }
        if (source instanceof StringMapMessage) {
            return new StringMapMessage(values);
        }
        return new MapMessage<>(values);
    }

    // ---- context

    private void checkContext(final String key, final Object value) {
        if (!contextDirty && (isSensitive(key, value) || !(value instanceof String
                ? redactor.isCleanRecurring((String) value, buffer) : isCleanValue(value)))) {
            contextDirty = true;
        }
    }

    private StringMap redact(final ReadOnlyStringMap context) {
        contextCopy = ContextDataFactory.createContextData(context.size());
        context.forEach(COPY_CONTEXT, this);
        contextCopy.freeze();
        return contextCopy;
    }

    private void copyContext(final String key, final Object value) {
        final String mask = isSensitive(key, value) ? redactor.maskForKey(key) : null;
        contextCopy.putValue(key, mask != null ? mask : redactValue(value));
    }

    private boolean isClean(final ThreadContext.ContextStack stack) {
        for (final String item : stack.asList()) {
            if (!isClean(item)) {
                return false;
            }
        }
        return true;
    }

    private ThreadContext.ContextStack redact(final ThreadContext.ContextStack stack) {
        final List<String> items = new ArrayList<>(stack.getDepth());
        for (final String item : stack.asList()) {
            items.add(redactor.redact(item));
        }
        final MutableThreadContextStack copy = new MutableThreadContextStack(items);
        copy.freeze();
        return copy;
    }

    // ---- throwables

    private boolean isClean(final Throwable throwable) {
        if (++throwablesSeen > MAX_THROWABLES) {
            return true;
        }
        if (!isClean(Renderings.messageOf(throwable))) {
            return false;
        }
        final Throwable cause = throwable.getCause();
        if (cause != null && cause != throwable && !isClean(cause)) {
            return false;
        }
        for (final Throwable suppressed : throwable.getSuppressed()) {
            if (suppressed != throwable && !isClean(suppressed)) {
                return false;
            }
        }
        return true;
    }

    /** A {@link RedactedThrowable} copy of a throwable with a secret in its chain; clean parts are kept as they are. */
    private Throwable redact(final Throwable throwable) {
        if (++throwablesSeen > MAX_THROWABLES) {
            return throwable;
        }
        final int before = throwablesSeen;
        final boolean clean = isClean(throwable);
        throwablesSeen = before;
        if (clean) {
            return throwable;
        }
        final Throwable cause = throwable.getCause();
        final RedactedThrowable copy = new RedactedThrowable(Renderings.classNameOf(throwable),
                redactor.redact(Renderings.messageOf(throwable)), cause == null || cause == throwable ? null : redact(cause));
        copy.setStackTrace(throwable.getStackTrace());
        for (final Throwable suppressed : throwable.getSuppressed()) {
            if (suppressed != throwable) {
                copy.addSuppressed(redact(suppressed));
            }
        }
        return copy;
    }

    // ---- values

    private boolean isSensitive(final String key, final Object value) {
        return value != null && !"".equals(value) && redactor.isSensitiveKey(key, buffer);
    }

    private boolean isClean(final String value) {
        return value == null || redactor.isClean(value, buffer);
    }

    /** Numbers and booleans cannot hold a secret; other values are checked as the text a layout would print. */
    private boolean isCleanValue(final Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return true;
        }
        if (value instanceof CharSequence) {
            return redactor.isClean((CharSequence) value, buffer);
        }
        return redactor.isClean(render(value), buffer);
    }

    private Object redactValue(final Object value) {
        if (isCleanValue(value)) {
            return value;
        }
        return redactor.redact(value instanceof String ? (String) value : render(value).toString());
    }

    private CharSequence render(final Object value) {
        text.setLength(0);
        Renderings.render(value, text);
        return text;
    }
}
