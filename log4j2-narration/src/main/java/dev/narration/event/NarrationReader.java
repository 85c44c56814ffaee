package dev.narration.event;

import dev.narration.internal.event.ActorInference;
import dev.narration.internal.event.ActorNames;
import dev.narration.internal.event.ActorRule;
import dev.narration.internal.event.ContextSelection;
import dev.narration.internal.event.ContextTypes;
import dev.narration.internal.event.EventNarration;
import dev.narration.internal.event.KeyRenames;
import dev.narration.internal.event.ReaderAccess;
import dev.narration.internal.event.StructuredFieldVisitor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.core.LogEvent;

/**
 * Reads the narration of any Log4j event exactly as every output of this bundle reads it: the actor, action,
 * target, sentence, renderings, ids and structured fields that {@code NarrationJsonLayout} would write, by the same
 * precedence and collision rules (docs/layout.md#the-line). For appenders, filters and tests of your own; the test
 * kit ({@code NarrationCapture}, in {@code log4j2-narration-testing}) reads events through it.
 *
 * <pre>{@code
 * NarrationReader reader = NarrationReader.withActors("package", Map.of("org.springframework", "spring"));
 * String correlationId = reader.correlationId(event);
 * Map<String, Object> fields = reader.fields(event);   // {"queue_position": 3L, "context.action": "poll", …}
 * }</pre>
 *
 * <p>A value the event does not have is {@code null}. Immutable and thread-safe. The string getters allocate
 * nothing beyond what a value that is not a string needs; {@link #human} and {@link #fields} build new objects.
 */
public final class NarrationReader {
    private static final NarrationReader DEFAULT = new NarrationReader(ActorInference.of(ActorRule.PACKAGE));

    static {
        ReaderAccess.grant(NarrationReader::new);
    }

    private final ActorInference actors;
    private final ContextSelection selection;
    private final KeyRenames renames;
    private final ContextTypes types;

    private NarrationReader(final ActorInference actors) {
        this(actors, ContextSelection.ALL, KeyRenames.NONE, ContextTypes.NONE);
    }

    private NarrationReader(final ActorInference actors, final ContextSelection selection, final KeyRenames renames,
            final ContextTypes types) {
        this.actors = actors;
        this.selection = selection;
        this.renames = renames;
        this.types = types;
    }

    /** A reader that infers actors by the default {@code package} rule and leaves context values as they are. */
    public static NarrationReader defaults() {
        return DEFAULT;
    }


    /**
     * A reader that infers actors by the given rule, spelled as {@code NarrationJsonLayout}'s {@code actorRule}
     * attribute: {@code package}, {@code class} or {@code logger}.
     *
     * @throws IllegalArgumentException for another name
     */
    public static NarrationReader withActorRule(final String actorRule) {
        return new NarrationReader(ActorInference.of(rule(actorRule)));
    }

    /**
     * A reader that infers actors as a layout with this {@code actorRule} and these {@code <Actor>} elements does:
     * each entry maps a prefix to its actor ({@code Map.of("org.springframework", "spring")}), the longest matching
     * prefix wins, and the rule names the other loggers' actors.
     *
     * @throws IllegalArgumentException for an unknown rule, or a prefix or name the layout would reject
     */
    public static NarrationReader withActors(final String actorRule, final Map<String, String> actorNames) {
        final ActorRule rule = rule(actorRule);
        final ActorNames.Builder names = new ActorNames.Builder();
        for (final Map.Entry<String, String> entry : actorNames.entrySet()) {
            final String problem = names.add(entry.getKey(), entry.getValue());
            if (problem != null) {
                throw new IllegalArgumentException("actor " + entry.getKey() + "=" + entry.getValue() + ": " + problem);
            }
        }
        return new NarrationReader(ActorInference.of(rule, names.build()));
    }

    private static ActorRule rule(final String actorRule) {
        final ActorRule rule = ActorRule.parse(actorRule);
        if (rule == null) {
            throw new IllegalArgumentException("unknown actor rule \"" + actorRule + "\"; expected one of " + ActorRule.names());
        }
        return rule;
    }

    /** The actor: the message's, the context's, else inferred from the logger name; never {@code null}. */
    public String actor(final LogEvent event) {
        return EventNarration.actor(event, actors);
    }

    public String action(final LogEvent event) {
        return EventNarration.action(event);
    }

    public String target(final LogEvent event) {
        return EventNarration.target(event);
    }

    /** The operator-readable sentence, or {@code null} when the event has none (a map message without one). */
    public String human(final LogEvent event) {
        return EventNarration.human(event);
    }

    public String cute(final LogEvent event) {
        return EventNarration.cute(event);
    }

    public String story(final LogEvent event) {
        return EventNarration.story(event);
    }

    public String correlationId(final LogEvent event) {
        return EventNarration.correlationId(event);
    }

    public String traceId(final LogEvent event) {
        return EventNarration.traceId(event);
    }

    public String spanId(final LogEvent event) {
        return EventNarration.spanId(event);
    }

    /**
     * The structured fields under the keys the JSON line would use, in its order: the message's fields (numbers as
     * {@code Long} or {@code Double}, booleans as {@code Boolean}), then the context entries; for a reader of
     * {@code NarrationJsonLayout#reader()}, selected, renamed and typed as that layout writes them.
     */
    public Map<String, Object> fields(final LogEvent event) {
        final Map<String, Object> collected = new LinkedHashMap<>();
        new StructuredFieldVisitor() {
            @Override
            protected void visitString(final String prefix, final String name, final CharSequence value) {
                collected.put(key(prefix, name), value.toString());
            }

            @Override
            protected void visitLong(final String prefix, final String name, final long value) {
                collected.put(key(prefix, name), value);
            }

            @Override
            protected void visitDouble(final String prefix, final String name, final double value) {
                collected.put(key(prefix, name), value);
            }

            @Override
            protected void visitBoolean(final String prefix, final String name, final boolean value) {
                collected.put(key(prefix, name), value);
            }

            @Override
            protected void visitObject(final String prefix, final String name, final Object value) {
                collected.put(key(prefix, name), value);
            }

            @Override
            protected boolean keepsContext(final String key) {
                return selection.keepsAll() || selection.keeps(key);
            }

            @Override
            protected KeyRenames renames() {
                return renames;
            }

            @Override
            protected ContextTypes types() {
                return types;
            }
        }.visit(event);
        return collected;
    }

    private static String key(final String prefix, final String name) {
        return prefix == null ? name : prefix + name;
    }

    @Override
    public String toString() {
        return "NarrationReader{actors=" + actors.describe() + (types.isNone() ? "" : ", types=" + types) + '}';
    }
}
