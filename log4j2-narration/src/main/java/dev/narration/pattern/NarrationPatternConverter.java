package dev.narration.pattern;

import dev.narration.internal.event.ActorInference;
import dev.narration.internal.event.ActorRule;
import dev.narration.internal.event.EventNarration;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.pattern.ConverterKeys;
import org.apache.logging.log4j.core.pattern.LogEventPatternConverter;
import org.apache.logging.log4j.core.pattern.PatternConverter;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * {@code %narration{field}} in a {@code PatternLayout}: the narration fields of an event as readable text, so a
 * console can tell the story ({@code %narration{actor} %narration{action} %narration{target}: %msg}) while a file
 * gets the JSON. Fields: {@code actor} (optionally {@code %narration{actor}{class}} for another actor rule),
 * {@code action}, {@code target}, {@code human}, {@code cute}, {@code story}, {@code correlation_id},
 * {@code trace_id}, {@code span_id}. An absent value prints nothing.
 */
@Plugin(name = "NarrationPatternConverter", category = PatternConverter.CATEGORY)
@ConverterKeys({"narration"})
public final class NarrationPatternConverter extends LogEventPatternConverter {
    private enum Field {
        ACTOR, ACTION, TARGET, HUMAN, CUTE, STORY, CORRELATION_ID, TRACE_ID, SPAN_ID
    }

    private final Field field;
    private final ActorInference actors;

    private NarrationPatternConverter(final Field field, final ActorInference actors) {
        super("narration", "narration");
        this.field = field;
        this.actors = actors;
    }

    /** Called by {@code PatternLayout} with the converter's options ({@code %narration{field}{actorRule}}). */
    public static NarrationPatternConverter newInstance(final Configuration config, final String[] options) {
        final String name = options == null || options.length == 0 ? "human" : options[0];
        Field field = null;
        for (final Field candidate : Field.values()) {
            if (candidate.name().equalsIgnoreCase(name.trim())) {
                field = candidate;
            }
        }
        if (field == null) {
            StatusLogger.getLogger().error(
                    "PatternLayout %narration{{}}: unknown field; expected actor, action, target, human, cute, story, "
                            + "correlation_id, trace_id or span_id. Using human.", name);
            field = Field.HUMAN;
        }
        ActorRule rule = options != null && options.length > 1 ? ActorRule.parse(options[1]) : ActorRule.PACKAGE;
        if (rule == null) {
            StatusLogger.getLogger().error("PatternLayout %narration{actor}{{}}: unknown actor rule; expected one of {}. Using package.",
                    options[1], ActorRule.names());
            rule = ActorRule.PACKAGE;
        }
        return new NarrationPatternConverter(field, ActorInference.of(rule));
    }

    @Override
    public void format(final LogEvent event, final StringBuilder out) {
        switch (field) {
            case ACTOR:
                append(out, EventNarration.actor(event, actors));
                break;
            case ACTION:
                append(out, EventNarration.action(event));
                break;
            case TARGET:
                append(out, EventNarration.target(event));
                break;
            case HUMAN:
                EventNarration.formatHuman(event, out);
                break;
            case CUTE:
                append(out, EventNarration.cute(event));
                break;
            case STORY:
                append(out, EventNarration.story(event));
                break;
            case CORRELATION_ID:
                append(out, EventNarration.correlationId(event));
                break;
            case TRACE_ID:
                append(out, EventNarration.traceId(event));
                break;
            default:
                append(out, EventNarration.spanId(event));
        }
    }

    private static void append(final StringBuilder out, final String value) {
        if (value != null) {
            out.append(value);
        }
    }
}
