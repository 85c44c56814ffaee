package dev.narration.testing;

import dev.narration.editorial.EditorialStandard;
import dev.narration.editorial.EditorialViolation;
import dev.narration.event.NarrationReader;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;

/**
 * One captured event, read the way {@code NarrationJsonLayout} reads it ({@link NarrationReader}): the same actor,
 * action, target, {@code human}, correlation id and structured field keys that would appear in the JSON line.
 * Immutable.
 */
public final class CapturedNarration {
    /** An immutable copy of the event, for {@link #violations}: Log4j reuses its mutable events. */
    private final LogEvent event;
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

    private CapturedNarration(final LogEvent source, final NarrationReader reader) {
        this.event = source.toImmutable();
        this.level = event.getLevel();
        this.loggerName = event.getLoggerName();
        this.threadName = event.getThreadName();
        this.timeMillis = event.getTimeMillis();
        this.actor = reader.actor(event);
        this.action = reader.action(event);
        this.target = reader.target(event);
        final String sentence = reader.human(event);
        this.human = sentence == null ? "" : sentence;
        this.cute = reader.cute(event);
        this.story = reader.story(event);
        this.correlationId = reader.correlationId(event);
        this.traceId = reader.traceId(event);
        this.spanId = reader.spanId(event);
        this.fields = Collections.unmodifiableMap(reader.fields(event));
        this.thrown = event.getThrown();
    }

    static CapturedNarration of(final LogEvent event, final NarrationReader reader) {
        return new CapturedNarration(event, reader);
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

    /**
     * Every rule of the standard that this event breaks, in {@link dev.narration.editorial.EditorialRule} order, as
     * an {@code EditorialFilter} with that standard would find it; empty when it conforms.
     */
    public List<EditorialViolation> violations(final EditorialStandard standard) {
        return standard.check(event);
    }

    @Override
    public String toString() {
        return level + " " + actor + (action == null ? "" : " " + action) + (target == null ? "" : " " + target)
                + " \"" + human + "\"" + (correlationId == null ? "" : " correlation_id=" + correlationId) + " "
                + fields;
    }
}
