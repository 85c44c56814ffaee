package dev.narration.internal.event;

import dev.narration.Narration;
import dev.narration.internal.text.IdentitySlots;
import dev.narration.internal.trace.TraceFields;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.IndexedReadOnlyStringMap;
import org.apache.logging.log4j.util.TriConsumer;

/**
 * Visits the structured fields of an event in output order — the message's fields (a {@link Narration}'s, a
 * {@link MapMessage}'s or a TRACE helper's), then the context entries — applying the {@link FieldKeys} collision rule, so that every
 * consumer (JSON layout, template resolver, capture) emits the same keys. Values arrive typed, without boxing.
 *
 * <p>A key is passed as a prefix ({@code null}, {@value FieldKeys#FIELD_PREFIX} or
 * {@value FieldKeys#CONTEXT_PREFIX}) and a name, so that renaming allocates nothing. An instance is not
 * thread-safe: use one per thread or per event.
 */
public abstract class StructuredFieldVisitor {
    private static final int PLAIN_KEY_SLOTS = 32;
    private static final TriConsumer<String, Object, StructuredFieldVisitor> CONTEXT_ENTRY =
            (key, value, visitor) -> visitor.contextEntry(key, value);

    private final TraceFields trace = new TraceFields();
    /**
     * Context keys found {@link FieldKeys#isPlain plain}, by identity: a context key is usually the same string on
     * every event, and placing it otherwise takes several comparisons with the reserved keys per entry and event.
     */
    private final IdentitySlots plainKeys = new IdentitySlots(PLAIN_KEY_SLOTS);
    private Message message;
    private Narration narration;
    private IndexedReadOnlyStringMap mapFields;
    private boolean traced;

    /** Visits every structured field of the event. */
    public final void visit(final LogEvent event) {
        load(event);
        try {
            visitLoaded(event);
        } finally {
            clear();
        }
    }

    /**
     * Reads the event's message, for {@link #visitLoaded} and {@link #trace()}; {@link #clear()} forgets it. A
     * writer that also needs the action, target and correlation id loads once and passes {@link #trace()} on.
     */
    public final void load(final LogEvent event) {
        message = event.getMessage();
        narration = message instanceof Narration ? (Narration) message : null;
        mapFields = EventNarration.mapEntries(message);
        traced = narration == null && mapFields == null && trace.read(message);
    }

    /** The loaded event's TRACE helper fields, or {@code null} when it is not a helper's event. */
    public final TraceFields trace() {
        return traced ? trace : null;
    }

    /** Visits every structured field of the event given to {@link #load}. */
    public final void visitLoaded(final LogEvent event) {
        visitMessageFields();
        event.getContextData().forEach(CONTEXT_ENTRY, this);
    }

    public final void clear() {
        message = null;
        narration = null;
        mapFields = null;
        traced = false;
        trace.clear();
    }

    protected abstract void visitString(String prefix, String name, CharSequence value);

    protected abstract void visitLong(String prefix, String name, long value);

    protected abstract void visitDouble(String prefix, String name, double value);

    protected abstract void visitBoolean(String prefix, String name, boolean value);

    /** Any other value: a context value or a message field of arbitrary type. Never {@code null}. */
    protected abstract void visitObject(String prefix, String name, Object value);

    /**
     * Whether the output this visitor feeds writes a key of this name itself, beside the narration line's reserved
     * keys ({@link FieldKeys#isReserved}): a backend schema's own keys. A field of such a name is renamed as a
     * reserved one is, so that no key appears twice. None by default.
     */
    protected boolean isOutputKey(final String key) {
        return false;
    }

    /**
     * Whether the context entry of this key is written as a field ({@code contextInclude}/{@code contextExclude});
     * the root field it feeds, if any, is written either way. All by default.
     */
    protected boolean keepsContext(final String key) {
        return true;
    }

    /**
     * Where this output remembers each context key's placement, for events whose message has no fields: valid while
     * {@link #isOutputKey}, {@link #keepsContext} and {@link #renames} answer as they do now. {@code null} (the
     * default) places every entry anew.
     */
    protected ContextKeyPlans plans() {
        return null;
    }

    /** The JSON types of string context values ({@code <FieldType>}, {@code typeContext}); none by default. */
    protected ContextTypes types() {
        return ContextTypes.NONE;
    }

    /**
     * Whether a context value that parses as its type is written as that type; an output that masks what text holds
     * keeps as text a value it would mask (a card number is digits too). Yes by default.
     */
    protected boolean typesText(final String name, final String text) {
        return true;
    }

    /**
     * A context value typed as a double: its text, a JSON number ({@link ContextTypes}), which an output may write as
     * it is. Read as a {@code double} by default.
     */
    protected void visitNumber(final String prefix, final String name, final String text) {
        visitDouble(prefix, name, Double.parseDouble(text));
    }

    /** The renames of the output's keys ({@code <Rename>}); none by default. */
    protected KeyRenames renames() {
        return KeyRenames.NONE;
    }

    private void visitMessageFields() {
        if (narration != null) {
            for (int i = 0, n = narration.getFieldCount(); i < n; i++) {
                final String name = renames().renamed(narration.getFieldName(i));
                final String prefix = messagePrefix(name);
                switch (narration.getFieldKind(i)) {
                    case STRING:
                        visitString(prefix, name, (CharSequence) narration.getFieldValue(i));
                        break;
                    case LONG:
                        visitLong(prefix, name, narration.getFieldLong(i));
                        break;
                    case DOUBLE:
                        visitDouble(prefix, name, narration.getFieldDouble(i));
                        break;
                    case BOOLEAN:
                        visitBoolean(prefix, name, narration.getFieldBoolean(i));
                        break;
                    default:
                        visitObject(prefix, name, narration.getFieldValue(i));
                }
            }
        } else if (mapFields != null) {
            for (int i = 0, n = mapFields.size(); i < n; i++) {
                final String key = mapFields.getKeyAt(i);
                final Object value = mapFields.getValueAt(i);
                if (value != null && isMapField(key)) {
                    final String name = renames().renamed(key);
                    visitObject(messagePrefix(name), name, value);
                }
            }
        } else if (traced) {
            visitTraceFields();
        }
    }

    private void visitTraceFields() {
        for (int i = 0, n = trace.fieldCount(); i < n; i++) {
            final Narration.FieldKind kind = trace.fieldKind(i);
            if (kind == null) {
                continue;
            }
            final String name = renames().renamed(trace.fieldName(i));
            final String prefix = messagePrefix(name);
            switch (kind) {
                case LONG:
                    visitLong(prefix, name, trace.fieldLong(i));
                    break;
                case DOUBLE:
                    visitDouble(prefix, name, trace.fieldDouble(i));
                    break;
                default:
                    visitString(prefix, name, trace.fieldString(i));
            }
        }
    }

    /** Whether a map entry is a field: its {@code message} entry is the sentence, and some fill root fields. */
    private static boolean isMapField(final String name) {
        return !EventNarration.MAP_MESSAGE_HUMAN_KEY.equals(name) && !FieldKeys.isMessageSourceKey(name);
    }

    private String messagePrefix(final String name) {
        return FieldKeys.renameMessageField(name) || isOutputKey(name) ? FieldKeys.FIELD_PREFIX : null;
    }

    private void contextEntry(final String key, final Object value) {
        if (value == null) {
            return;
        }
        // Only a message with fields of its own can change where an entry goes from one event to the next.
        final ContextKeyPlans plans = narration == null && mapFields == null && !traced ? plans() : null;
        if (plans != null) {
            final int slot = plans.find(key);
            if (slot >= 0) {
                if (plans.written(slot)) {
                    contextValue(plans.prefix(slot), plans.name(slot), key, value);
                }
                return;
            }
        }
        final FieldKeys.ContextPlacement placement;
        if (plainKeys.find(key) >= 0) {
            placement = FieldKeys.placePlain(writtenByMessage(key) || isOutputKey(key));
        } else {
            final boolean supplied = FieldKeys.isSourceKey(key) && EventNarration.messageSupplies(message, trace(), key);
            placement = FieldKeys.placeContext(key, supplied, writtenByMessage(key) || isOutputKey(key));
            if (FieldKeys.isPlain(key)) {
                plainKeys.claim(key);
            }
        }
        String prefix = null;
        String name = null;
        // Selection is of the entries written as fields; a root field the entry feeds is the schema's.
        if (placement != FieldKeys.ContextPlacement.CONSUMED && keepsContext(key)) {
            name = renames().renamed(key);
            if (name != key) {
                // A renamed entry follows the rule under its new key; a root field's key is never taken.
                final boolean collides = FieldKeys.placeContext(name, true, writtenByMessage(name) || isOutputKey(name))
                        != FieldKeys.ContextPlacement.AS_IS;
                prefix = collides ? FieldKeys.CONTEXT_PREFIX : null;
            } else if (placement == FieldKeys.ContextPlacement.RENAMED) {
                prefix = FieldKeys.CONTEXT_PREFIX;
            }
        }
        if (plans != null) {
            plans.remember(key, prefix, name);
        }
        if (name != null) {
            contextValue(prefix, name, key, value);
        }
    }

    /** A context value, typed by {@link #types()} when it is a string: by the event's key, before any rename. */
    private void contextValue(final String prefix, final String name, final String key, final Object value) {
        final ContextTypes types = types();
        if (types.isNone() || !(value instanceof String)) {
            visitObject(prefix, name, value);
            return;
        }
        final String text = (String) value;
        final Narration.FieldKind kind = types.kindOf(key, text);
        if (kind == Narration.FieldKind.STRING || !typesText(name, text)) {
            visitObject(prefix, name, value);
        } else if (kind == Narration.FieldKind.LONG) {
            visitLong(prefix, name, ContextTypes.longOf(text));
        } else if (kind == Narration.FieldKind.DOUBLE) {
            visitNumber(prefix, name, text);
        } else {
            visitBoolean(prefix, name, text.length() == 4);
        }
    }

    /** Whether a message field is written under this key, renamed or not. */
    private boolean writtenByMessage(final String name) {
        if (narration == null && mapFields == null && !traced) {
            // Most events: a message with no fields of its own, whatever the renames.
            return false;
        }
        final KeyRenames renames = renames();
        if (renames.isEmpty()) {
            return messageHasField(name);
        }
        final String from = renames.renamedFrom(name);
        return (renames.renamed(name) == name && messageHasField(name)) || (from != null && messageHasField(from));
    }

    private boolean messageHasField(final String key) {
        if (narration != null) {
            return narration.indexOf(key) >= 0;
        }
        if (traced) {
            return trace.indexOf(key) >= 0;
        }
        return mapFields != null && isMapField(key) && mapFields.containsKey(key);
    }
}
