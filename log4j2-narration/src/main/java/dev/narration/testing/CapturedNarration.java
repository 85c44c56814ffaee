package dev.narration.testing;

import dev.narration.internal.event.ActorInference;
import dev.narration.internal.event.EventNarration;
import dev.narration.internal.event.StructuredFieldVisitor;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;

/**
 * One captured event, read the way {@code NarrationJsonLayout} reads it: the same actor, action, target,
 * {@code human}, correlation id and structured field keys that would appear in the JSON line. Immutable.
 */
public final class CapturedNarration {
    private final Level level;
    private final String loggerName;
    private final String threadName;
    private final long timeMillis;
    private final String actor;
    private final String action;
    private final String target;
    private final String human;
    private final String cute;
    private final String story;
    private final String correlationId;
    private final String traceId;
    private final String spanId;
    private final Map<String, Object> fields;
    private final Throwable thrown;

    private CapturedNarration(final LogEvent event, final ActorInference actors) {
        this.level = event.getLevel();
        this.loggerName = event.getLoggerName();
        this.threadName = event.getThreadName();
        this.timeMillis = event.getTimeMillis();
        this.actor = EventNarration.actor(event, actors);
        this.action = EventNarration.action(event);
        this.target = EventNarration.target(event);
        this.human = EventNarration.human(event);
        this.cute = EventNarration.cute(event);
        this.story = EventNarration.story(event);
        this.correlationId = EventNarration.correlationId(event);
        this.traceId = EventNarration.traceId(event);
        this.spanId = EventNarration.spanId(event);
        this.fields = Collections.unmodifiableMap(collectFields(event));
        this.thrown = event.getThrown();
    }

    static CapturedNarration of(final LogEvent event, final ActorInference actors) {
        return new CapturedNarration(event, actors);
    }

    private static Map<String, Object> collectFields(final LogEvent event) {
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
        }.visit(event);
        return collected;
    }

    private static String key(final String prefix, final String name) {
        return prefix == null ? name : prefix + name;
    }

    public Level level() {
        return level;
    }

    public String loggerName() {
        return loggerName;
    }

    public String threadName() {
        return threadName;
    }

    public long timeMillis() {
        return timeMillis;
    }

    public String actor() {
        return actor;
    }

    /** The action, or {@code null}. */
    public String action() {
        return action;
    }

    public String target() {
        return target;
    }

    /** The operator-readable sentence (empty if the event had none). */
    public String human() {
        return human;
    }

    public String cute() {
        return cute;
    }

    public String story() {
        return story;
    }

    public String correlationId() {
        return correlationId;
    }

    public String traceId() {
        return traceId;
    }

    public String spanId() {
        return spanId;
    }

    /**
     * The structured fields under the keys the JSON line would use: message fields (numbers as {@code Long} or
     * {@code Double}, booleans as {@code Boolean}), then context entries.
     */
    public Map<String, Object> fields() {
        return fields;
    }

    /** One structured field, or {@code null}. */
    public Object field(final String key) {
        return fields.get(key);
    }

    public Throwable thrown() {
        return thrown;
    }

    @Override
    public String toString() {
        return level + " " + actor + (action == null ? "" : " " + action) + (target == null ? "" : " " + target)
                + " \"" + human + "\"" + (correlationId == null ? "" : " correlation_id=" + correlationId) + " "
                + fields;
    }
}
