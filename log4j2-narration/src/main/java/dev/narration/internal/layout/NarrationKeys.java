package dev.narration.internal.layout;

/**
 * The keys under which a flat schema writes the narration's own values (actor, action, target, cute, story,
 * correlation id), one after the other as every schema orders them; {@link #NAMESPACED} are the {@code narration.}
 * keys of the backends that have no field of their own for them.
 */
final class NarrationKeys {
    static final NarrationKeys NAMESPACED = new NarrationKeys("narration.action");

    private final byte[] actor = LineSchema.key("narration.actor");
    private final byte[] action;
    private final byte[] target = LineSchema.key("narration.target");
    private final byte[] cute = LineSchema.key("narration.cute");
    private final byte[] story = LineSchema.key("narration.story");
    private final byte[] correlationId = LineSchema.key("narration.correlation_id");

    /** The {@code narration.} keys, with the action under the backend's own key. */
    NarrationKeys(final String actionKey) {
        this.action = LineSchema.key(actionKey);
    }

    void write(final LineWriter w) {
        w.actor(actor);
        w.action(action);
        w.target(target);
        w.cute(cute);
        w.story(story);
        w.correlationId(correlationId);
    }
}
