package dev.narration.redact;

import dev.narration.Narration;
import dev.narration.internal.event.EventNarration;
import dev.narration.internal.event.FieldKeys;
import dev.narration.internal.event.Renderings;
import dev.narration.internal.event.ThrowableChain;
import dev.narration.internal.redact.EventRedaction;
import dev.narration.internal.redact.RedactionEngine;
import dev.narration.internal.trace.TraceFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * Rewrites one event for {@link RedactionRewritePolicy}: one pass over every surface of the event, each masked by
 * the rule {@link EventRedaction} gives it (the very one {@code <Redaction>} applies while the layout writes), so
 * that the plain rendering of the rebuilt event is the layout's masked rendering of the original. Surfaces: the
 * message's sentence and its own values (a {@link Narration}'s, a TRACE helper's, a {@link MapMessage}'s entries),
 * every context value, the context stack, and the message of each throwable of the chain ({@link ThrowableChain}).
 *
 * <p>The pass writes nothing down while every surface is clean, which is nearly always: the message is formatted
 * into a reused buffer, context entries are visited with a static callback, and the event itself is returned. Only
 * what changed is kept, and only then is a new event built, with {@link Log4jLogEvent.Builder}: the source event,
 * its message and its context are never modified, whether they are immutable or Log4j's reusable ones. A message
 * with a masked surface is copied as the same kind of message: a {@code Narration} as a {@code Narration}, a map as
 * a map, a TRACE helper's as a {@code Narration} with the same action, target, correlation id and typed fields,
 * any other as a {@link SimpleMessage}. One instance per thread.
 */
final class EventRewriter {
    private static final int MAX_RETAINED = 16 * 1024;
    private static final int MAX_RETAINED_SLOTS = 256;
    private static final TriConsumer<String, Object, EventRewriter> MASK_CONTEXT =
            (key, value, rewriter) -> rewriter.maskContext(key, value);

    private final EventRedaction redaction = new EventRedaction();
    /** The formatted sentence. */
    private final StringBuilder text = new StringBuilder(256);
    /** A value that is neither text nor a number, rendered. */
    private final StringBuilder rendered = new StringBuilder(256);
    private final ThrowableChain chain = new ThrowableChain();
    /** What the pass masked, by position, where something changed; {@code null} elsewhere. */
    private Object[] fieldMasks = new Object[8];
    private Object[] contextMasks = new Object[16];
    private final String[] throwableMasks = new String[ThrowableChain.MAX_THROWABLES];
    private int contextEntries;
    private boolean contextChanged;

    EventRewriter(final RedactionEngine engine) {
        redaction.use(engine);
    }

    /** The event itself when clean, else a redacted copy. */
    LogEvent rewrite(final LogEvent event) {
        try {
            final Message message = event.getMessage();
            final Message safeMessage = message == null ? null : message(message, event.getContextData());
            final ReadOnlyStringMap context = event.getContextData();
            contextEntries = 0;
            contextChanged = false;
            if (context != null && !context.isEmpty()) {
                context.forEach(MASK_CONTEXT, this);
            }
            final ThreadContext.ContextStack stack = event.getContextStack();
            final List<String> safeStack = stack == null || stack.getDepth() == 0 ? null : stack(stack);
            final Throwable thrown = event.getThrown();
            final boolean thrownChanged = thrown != null && throwables(thrown);
            if (safeMessage == message && !contextChanged && safeStack == null && !thrownChanged) {
                return event;
            }
            final Log4jLogEvent.Builder copy = new Log4jLogEvent.Builder(event);
            if (safeMessage != message) {
                copy.setMessage(safeMessage);
            }
            if (contextChanged) {
                copy.setContextData(context(context));
            }
            if (safeStack != null) {
                final MutableThreadContextStack safe = new MutableThreadContextStack(safeStack);
                safe.freeze();
                copy.setContextStack(safe);
            }
            if (thrownChanged) {
                copy.setThrown(copyOfChain());
            }
            return copy.build();
        } finally {
            // An event of thousands of entries grew these: let go of them rather than keep them for the thread.
            if (fieldMasks.length > MAX_RETAINED_SLOTS) {
                fieldMasks = new Object[8];
            } else {
                Arrays.fill(fieldMasks, null);
            }
            if (contextMasks.length > MAX_RETAINED_SLOTS) {
                contextMasks = new Object[16];
            } else {
                Arrays.fill(contextMasks, 0, contextEntries, null);
            }
            Arrays.fill(throwableMasks, null);
            chain.clear();
            redaction.trim();
            trim(text);
            trim(rendered);
        }
    }

    private static void trim(final StringBuilder buffer) {
        if (buffer.capacity() > MAX_RETAINED) {
            buffer.setLength(0);
            buffer.trimToSize();
        }
    }

    // ---- messages

    /** The message itself when none of its surfaces changes, else its redacted copy. */
    private Message message(final Message message, final ReadOnlyStringMap context) {
        if (message instanceof Narration) {
            return narration((Narration) message);
        }
        if (message instanceof MapMessage) {
            return map((MapMessage<?, ?>) message);
        }
        final TraceFields trace = TraceFields.of(message);
        if (trace != null) {
            return trace(message, trace, context);
        }
        final String human = human(message);
        return human == null ? message : new SimpleMessage(human);
    }

    /** The masked sentence of a message, or {@code null} when it is unchanged; {@link #text} holds the sentence. */
    private String human(final Message message) {
        text.setLength(0);
        if (message instanceof StringBuilderFormattable) {
            ((StringBuilderFormattable) message).formatTo(text);
        } else {
            text.append(message.getFormattedMessage());
        }
        return changed(message, redaction.human(message, text));
    }

    private String changed(final Message message, final CharSequence safe) {
        return EventRedaction.isUnchanged(message, text, safe) ? null : safe.toString();
    }

    /** The masked value of a root field, or {@code null} when it is unchanged. */
    private String root(final String key, final String value) {
        final CharSequence safe = redaction.keyed(key, value, true);
        return safe == value ? null : safe.toString();
    }

    private Message narration(final Narration source) {
        final String actor = root(FieldKeys.ACTOR, source.getActor());
        final String action = root(FieldKeys.ACTION, source.getAction());
        final String target = root(FieldKeys.TARGET, source.getTarget());
        final String correlationId = root(FieldKeys.CORRELATION_ID, source.getCorrelationId());
        final String cute = root(FieldKeys.CUTE, source.getCute());
        final String story = root(FieldKeys.STORY, source.getStory());
        final String human = source.hasHuman() ? human(source) : null;
        final int fields = source.getFieldCount();
        boolean changed = actor != null || action != null || target != null || correlationId != null || cute != null
                || story != null || human != null;
        for (int i = 0; i < fields; i++) {
            changed |= field(source, i);
        }
        if (!changed) {
            return source;
        }
        final String actionNow = action != null ? action : source.getAction();
        final Narration copy = actionNow == null ? Narration.event() : Narration.action(actionNow);
        copy.actor(either(actor, source.getActor())).target(either(target, source.getTarget()))
                .correlationId(either(correlationId, source.getCorrelationId()))
                .cute(either(cute, source.getCute())).story(either(story, source.getStory()));
        if (source.hasHuman()) {
            copy.human(human != null ? human : text.toString());
        }
        for (int i = 0; i < fields; i++) {
            final String name = source.getFieldName(i);
            final Object mask = fieldMasks[i];
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
                    copy.field(name, source.getFieldValue(i));
            }
        }
        return copy;
    }

    /** The masked value where there is one, else the original. */
    private static String either(final String masked, final String original) {
        return masked != null ? masked : original;
    }

    /** Masks field {@code i} of a Narration into {@link #fieldMasks}; whether it changed. */
    private boolean field(final Narration source, final int i) {
        if (i == fieldMasks.length) {
            fieldMasks = Arrays.copyOf(fieldMasks, 2 * i);
        }
        final String name = source.getFieldName(i);
        final String mask;
        switch (source.getFieldKind(i)) {
            case LONG:
            case DOUBLE:
            case BOOLEAN:
                mask = redaction.maskFor(name);
                break;
            default:
                mask = value(name, source.getFieldValue(i));
        }
        fieldMasks[i] = mask;
        return mask != null;
    }

    /**
     * The masked text of a field or entry value, or {@code null} when it is unchanged: a number or boolean only under
     * a sensitive key, text scanned (an object as its rendering), as the layout writes them.
     */
    private String value(final String key, final Object value) {
        final String mask = redaction.maskFor(key, value);
        if (mask != null) {
            return mask;
        }
        if (value instanceof CharSequence) {
            final CharSequence safe = redaction.text((CharSequence) value, value instanceof String);
            return safe == value ? null : safe.toString();
        }
        if (Renderings.isJsonScalar(value)) {
            return null;
        }
        rendered.setLength(0);
        if (!Renderings.render(value, rendered)) {
            return rendered.toString(); // the note naming the failure replaces the value alone
        }
        final CharSequence safe = redaction.text(rendered, false);
        return safe == rendered ? null : safe.toString();
    }

    /** {@link #root} for a map entry that is not a string: rendered, and replaced by the note when it cannot be. */
    private String renderedRoot(final String key, final Object value) {
        rendered.setLength(0);
        if (!Renderings.render(value, rendered)) {
            return rendered.toString();
        }
        return root(key, rendered.toString());
    }

    /**
     * A map message with its sentence and entries masked: the {@code message} entry (or a structured message's text)
     * as the sentence, the entries that fill root fields as those fields, the others as fields. A copy of the same
     * type where Log4j offers a way to build one ({@link StringMapMessage}, {@link StructuredDataMessage}); other
     * subclasses become a plain {@link MapMessage}. Values that need no mask keep their type.
     */
    private Message map(final MapMessage<?, ?> source) {
        final IndexedReadOnlyStringMap entries = source.getIndexedReadOnlyStringMap();
        final int n = entries.size();
        if (fieldMasks.length < n) {
            fieldMasks = new Object[Math.max(n, 2 * fieldMasks.length)];
        }
        boolean changed = false;
        for (int i = 0; i < n; i++) {
            final String key = entries.getKeyAt(i);
            final Object value = entries.getValueAt(i);
            final String mask;
            if (value == null) {
                mask = null;
            } else if (EventNarration.MAP_MESSAGE_HUMAN_KEY.equals(key)) {
                text.setLength(0);
                mask = Renderings.render(value, text) ? changed(source, redaction.human(source, text)) : text.toString();
            } else if (FieldKeys.isMessageSourceKey(key)) {
                mask = value instanceof String ? root(key, (String) value) : renderedRoot(key, value);
            } else {
                mask = value(key, value);
            }
            fieldMasks[i] = mask;
            changed |= mask != null;
        }
        String format = null;
        if (source instanceof StructuredDataMessage && entries.getValue(EventNarration.MAP_MESSAGE_HUMAN_KEY) == null
                && source.getFormat() != null) {
            text.setLength(0);
            text.append(source.getFormat());
            format = changed(source, redaction.human(source, text));
            changed |= format != null;
        }
        if (!changed) {
            return source;
        }
        final MapMessage<?, ?> copy;
        if (source instanceof StructuredDataMessage) {
            final StructuredDataMessage data = (StructuredDataMessage) source;
            copy = new StructuredDataMessage(data.getId(), format != null ? format : data.getFormat(), data.getType());
        } else if (source instanceof StringMapMessage) {
            copy = new StringMapMessage(n);
        } else {
            copy = new MapMessage<>(n);
        }
        for (int i = 0; i < n; i++) {
            final Object mask = fieldMasks[i];
            copy.with(entries.getKeyAt(i), mask != null ? mask : entries.getValueAt(i));
        }
        return copy;
    }

    /**
     * A TRACE helper's event with a masked surface, copied as a {@link Narration} that reads the same: its own action
     * where the helper gave one, else the helper's kind unless the context names the action, the helper's target and
     * correlation id, and its fields with their types.
     */
    private Message trace(final Message message, final TraceFields trace, final ReadOnlyStringMap context) {
        final String action = root(FieldKeys.ACTION, trace.action());
        final String target = root(FieldKeys.TARGET, trace.target());
        final String correlationId = root(FieldKeys.CORRELATION_ID, trace.correlationId());
        final int fields = trace.fieldCount();
        boolean changed = action != null || target != null || correlationId != null;
        if (fieldMasks.length < fields) {
            fieldMasks = new Object[Math.max(fields, 2 * fieldMasks.length)];
        }
        for (int i = 0; i < fields; i++) {
            final Narration.FieldKind kind = trace.fieldKind(i);
            final String mask = kind == null ? null
                    : kind == Narration.FieldKind.STRING ? root(trace.fieldName(i), trace.fieldString(i))
                    : redaction.maskFor(trace.fieldName(i));
            fieldMasks[i] = mask;
            changed |= mask != null;
        }
        final String human = human(message);
        if (!changed && human == null) {
            return message;
        }
        final String ownAction = trace.action() != null ? either(action, trace.action())
                : context == null || context.getValue(FieldKeys.ACTION) == null ? trace.kindAction() : null;
        final Narration copy = ownAction == null ? Narration.event() : Narration.action(ownAction);
        copy.target(either(target, trace.target())).correlationId(either(correlationId, trace.correlationId()))
                .human(human != null ? human : text.toString());
        for (int i = 0; i < fields; i++) {
            final Narration.FieldKind kind = trace.fieldKind(i);
            final String name = trace.fieldName(i);
            if (kind == null) {
                continue;
            }
            if (fieldMasks[i] != null) {
                copy.field(name, (String) fieldMasks[i]);
            } else if (kind == Narration.FieldKind.LONG) {
                copy.field(name, trace.fieldLong(i));
            } else if (kind == Narration.FieldKind.DOUBLE) {
                copy.field(name, trace.fieldDouble(i));
            } else {
                copy.field(name, trace.fieldString(i));
            }
        }
        return copy;
    }

    // ---- context

    private void maskContext(final String key, final Object value) {
        if (contextEntries == contextMasks.length) {
            contextMasks = Arrays.copyOf(contextMasks, 2 * contextEntries);
        }
        final String mask = value == null ? null : value(key, value);
        contextMasks[contextEntries++] = mask;
        contextChanged |= mask != null;
    }

    /** A new frozen copy of the context with the masked values, in the same order. */
    private StringMap context(final ReadOnlyStringMap context) {
        final StringMap copy = ContextDataFactory.createContextData(context.size());
        final int[] index = {0};
        context.forEach((key, value) -> {
            final Object mask = contextMasks[index[0]++];
            copy.putValue(key, mask != null ? mask : value);
        });
        copy.freeze();
        return copy;
    }

    /** The masked items of the stack, or {@code null} when none changes. */
    private List<String> stack(final ThreadContext.ContextStack stack) {
        List<String> safe = null;
        final List<String> items = stack.asList();
        for (int i = 0; i < items.size(); i++) {
            final String item = items.get(i);
            final CharSequence masked = item == null ? null : redaction.text(item, false);
            if (masked != item && safe == null) {
                safe = new ArrayList<>(items.subList(0, i));
            }
            if (safe != null) {
                safe.add(masked == null ? null : masked.toString());
            }
        }
        return safe;
    }

    // ---- throwables

    /**
     * Masks the messages of the throwable's chain into {@link #throwableMasks}; whether the chain must be copied: a
     * message changed, or the walk left something out, which the copy then leaves out too (fail closed).
     */
    private boolean throwables(final Throwable thrown) {
        chain.walk(thrown);
        boolean changed = chain.isCut();
        for (int i = 0, n = chain.size(); i < n; i++) {
            if (chain.sameAs(i) >= 0) {
                continue;
            }
            final String message = Renderings.messageOf(chain.throwable(i));
            final CharSequence safe = message == null ? null : redaction.text(message, false);
            if (safe != message) {
                throwableMasks[i] = safe.toString();
                changed = true;
            }
        }
        return changed;
    }

    /**
     * The chain as the walk holds it, with a {@link RedactedThrowable} for each throwable whose message changed, from
     * which the walk left something out, or from which such a one can be reached; the others are kept as they are.
     * A repeat in the walk is the same object again in the copy, as in the original, so a cycle stays a cycle.
     */
    private Throwable copyOfChain() {
        final int n = chain.size();
        final boolean[] copy = new boolean[n];
        for (int i = 0; i < n; i++) {
            copy[i] = throwableMasks[i] != null || !chain.isComplete(i);
        }
        // Up to every parent, and from a throwable to its repeats, until nothing changes: a repeat may reach back.
        for (boolean more = true; more; ) {
            more = false;
            for (int i = n - 1; i > 0; i--) {
                final int first = chain.sameAs(i);
                if (first >= 0 && copy[first] && !copy[i]) {
                    copy[i] = more = true;
                }
                if (copy[i] && !copy[chain.parent(i)]) {
                    copy[chain.parent(i)] = more = true;
                }
            }
        }
        final Throwable[] copies = new Throwable[n];
        for (int i = 0; i < n; i++) {
            final Throwable original = chain.throwable(i);
            if (!copy[i] || chain.sameAs(i) >= 0) {
                copies[i] = original;
                continue;
            }
            final String message = throwableMasks[i] != null ? throwableMasks[i] : Renderings.messageOf(original);
            final RedactedThrowable redacted = new RedactedThrowable(Renderings.classNameOf(original), message);
            redacted.setStackTrace(original.getStackTrace());
            copies[i] = redacted;
        }
        for (int c = 1; c < n; c++) {
            final int parent = chain.parent(c);
            if (!copy[parent]) {
                continue;
            }
            final Throwable child = copies[chain.sameAs(c) >= 0 ? chain.sameAs(c) : c];
            if (child == copies[parent]) {
                continue; // self-suppression or self-causation: the JDK refuses either
            }
            if (chain.relation(c) == ThrowableChain.CAUSE) {
                copies[parent].initCause(child);
            } else {
                copies[parent].addSuppressed(child);
            }
        }
        return copies[0];
    }
}
