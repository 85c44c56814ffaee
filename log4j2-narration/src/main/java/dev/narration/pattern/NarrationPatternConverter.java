package dev.narration.pattern;

import dev.narration.internal.event.ActorInference;
import dev.narration.internal.event.ActorNames;
import dev.narration.internal.event.ActorRule;
import dev.narration.internal.event.EventNarration;
import dev.narration.internal.logfmt.LogfmtWriter;
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
 * gets the JSON. Fields: {@code actor} (optionally {@code %narration{actor}{class}} for another actor rule, and
 * {@code {org.springframework=spring}} options for the layout's {@code <Actor>} prefixes),
 * {@code action}, {@code target}, {@code human}, {@code cute}, {@code story}, {@code correlation_id},
 * {@code trace_id}, {@code span_id}; {@code sentence} ({@code %narration{sentence}{cute}} or {@code {story}}: that
 * rendering when the event has one, else the human sentence); {@code fields} (the structured fields as logfmt
 * {@code key=value} pairs). An absent value prints nothing; control characters are escaped, so no value can break
 * the line.
 */
@Plugin(name = "NarrationPatternConverter", category = PatternConverter.CATEGORY)
@ConverterKeys({"narration"})
public final class NarrationPatternConverter extends LogEventPatternConverter {
    private enum Field {
        ACTOR, ACTION, TARGET, HUMAN, CUTE, STORY, CORRELATION_ID, TRACE_ID, SPAN_ID, SENTENCE, FIELDS
    }

    private final Field field;
    private final ActorInference actors;
    /** What {@code sentence} prints when the event has it: {@code CUTE}, {@code STORY} or {@code HUMAN}. */
    private final Field rendering;

    private NarrationPatternConverter(final Field field, final ActorInference actors, final Field rendering) {
        super("narration", "narration");
        this.field = field;
        this.actors = actors;
        this.rendering = rendering;
    }

    /**
     * Called by {@code PatternLayout} with the converter's options: {@code %narration{field}},
     * {@code %narration{actor}{actorRule}{prefix=name}…}, {@code %narration{sentence}{rendering}}.
     */
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
                            + "correlation_id, trace_id, span_id, sentence or fields. Using human.", name);
            field = Field.HUMAN;
        }
        final String option = options != null && options.length > 1 ? options[1].trim() : null;
        final ActorInference actors = field == Field.ACTOR ? actors(options) : ActorInference.of(ActorRule.PACKAGE);
        Field rendering = Field.HUMAN;
        if (field == Field.SENTENCE && option != null) {
            rendering = Field.CUTE.name().equalsIgnoreCase(option) ? Field.CUTE
                    : Field.STORY.name().equalsIgnoreCase(option) ? Field.STORY : Field.HUMAN;
            if (rendering == Field.HUMAN && !Field.HUMAN.name().equalsIgnoreCase(option)) {
                StatusLogger.getLogger().error("PatternLayout %narration{sentence}{{}}: unknown rendering; expected human, cute "
                        + "or story. Using human.", option);
            }
        }
        return new NarrationPatternConverter(field, actors, rendering);
    }

    /** {@code %narration{actor}}'s options: a rule ({@code {class}}) and prefixes ({@code {org.springframework=spring}}). */
    private static ActorInference actors(final String[] options) {
        ActorRule rule = ActorRule.PACKAGE;
        final ActorNames.Builder names = new ActorNames.Builder();
        for (int i = 1; i < options.length; i++) {
            final String option = options[i].trim();
            final int equals = option.indexOf('=');
            if (equals >= 0) {
                names.addOrReport("PatternLayout %narration{actor}", option.substring(0, equals), option.substring(equals + 1));
            } else if (ActorRule.parse(option) != null) {
                rule = ActorRule.parse(option);
            } else {
                StatusLogger.getLogger().error("PatternLayout %narration{actor}{{}}: unknown actor rule; expected one of {}, "
                        + "or a prefix=name option such as {org.springframework=spring}. Using package.", option, ActorRule.names());
            }
        }
        return ActorInference.of(rule, names.build());
    }

    @Override
    public void format(final LogEvent event, final StringBuilder out) {
        if (field == Field.FIELDS) {
            LogfmtFields.write(event, out);
            return;
        }
        final int start = out.length();
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
            case SPAN_ID:
                append(out, EventNarration.spanId(event));
                break;
            default:
                sentence(event, out);
        }
        LogfmtWriter.endText(out, start);
    }

    private void sentence(final LogEvent event, final StringBuilder out) {
        final String text = rendering == Field.CUTE ? EventNarration.cute(event)
                : rendering == Field.STORY ? EventNarration.story(event) : null;
        if (text != null && !text.isEmpty()) {
            out.append(text);
        } else {
            EventNarration.formatHuman(event, out);
        }
    }

    private static void append(final StringBuilder out, final String value) {
        if (value != null) {
            out.append(value);
        }
    }
}
