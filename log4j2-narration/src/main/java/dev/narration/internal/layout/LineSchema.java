package dev.narration.internal.layout;

import dev.narration.internal.json.JsonLine;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;

/**
 * The shape of {@code NarrationJsonLayout}'s line for one backend: its key names, their order and its type
 * conventions, mapped from the one event view that {@link LineWriter} reads and masks (docs/schemas.md). A schema is
 * built once per layout, with what it needs of the configuration pre-encoded, and is immutable: the layout's
 * threads share it.
 */
public abstract class LineSchema {
    /** The schemas by the names {@code schema="…"} takes, the default first. */
    public static final List<String> NAMES = List.of("narration", "ecs", "gcp", "datadog", "otel");

    static final byte[] QUOTE = JsonLine.fixed("\"");
    static final byte[] END = JsonLine.fixed("}\n");
    static final byte[] CLOSE_ARRAY = JsonLine.fixed("]");

    /** The schema of this name, or {@code null} for a name that is none. */
    public static LineSchema named(
            final String name, final ServiceIdentity service, final String gcpProjectId, final boolean includeLocation) {
        switch (name) {
            case "narration":
                return new NarrationSchema(service);
            case "ecs":
                return new EcsSchema(service, includeLocation);
            case "gcp":
                return new GcpSchema(service, gcpProjectId, includeLocation);
            case "datadog":
                return new DatadogSchema(service, includeLocation);
            case "otel":
                return new OtlpSchema(service, includeLocation);
            default:
                return null;
        }
    }

    /** This schema's name, as {@code schema="…"} names it. */
    public abstract String name();

    /** Writes the event's line, with {@code writer}'s methods in this schema's order. */
    abstract void write(LineWriter writer, LogEvent event);

    /**
     * The line that replaces one that could not be written (an encoding bug): what identifies the event, in this
     * schema's shape, and {@code error}'s description under {@code narration.encoding_error}.
     */
    abstract void writeFailure(LineWriter writer, LogEvent event, String error);

    /**
     * Whether a field of this name would collide with a key this schema writes or whose meaning its backend fixes,
     * beside the narration line's reserved keys: such a field is renamed as those are ({@code field.}/{@code context.},
     * docs/schemas.md#collisions).
     */
    abstract boolean reserves(String key);

    /** Whether {@link #reserves} is true of any key: the line writer then remembers its answers per key. */
    boolean reservesKeys() {
        return true;
    }

    /** {@code ,"name":"}, pre-encoded: the opening of a string member. */
    static byte[] key(final String name) {
        return JsonLine.fixed(",\"" + name + "\":\"");
    }

    /** {@code ,"name":}, pre-encoded: the opening of a member of another type. */
    static byte[] rawKey(final String name) {
        return JsonLine.fixed(",\"" + name + "\":");
    }

    /** {@code ,"name":[}, pre-encoded: the opening of an array member. */
    static byte[] arrayKey(final String name) {
        return JsonLine.fixed(",\"" + name + "\":[");
    }

    /** A name for each of the six standard levels and those between them, by {@link #band}. */
    static byte[][] byBand(final String fatal, final String error, final String warn, final String info,
            final String debug, final String trace) {
        return new byte[][] {
            JsonLine.fixed(fatal), JsonLine.fixed(error), JsonLine.fixed(warn), JsonLine.fixed(info),
            JsonLine.fixed(debug), JsonLine.fixed(trace)
        };
    }

    /**
     * The standard level a level counts as, 0 (FATAL) to 5 (TRACE): a custom level as Log4j converts it for other
     * systems ({@code Level.getStandardLevel()}: the nearest standard level at least as severe, so a level between
     * WARN and INFO counts as WARN).
     */
    static int band(final Level level) {
        switch (level.getStandardLevel()) {
            case OFF:
            case FATAL:
                return 0;
            case ERROR:
                return 1;
            case WARN:
                return 2;
            case INFO:
                return 3;
            case DEBUG:
                return 4;
            default:
                return 5;
        }
    }

    /**
     * The end of a flat schema's failure line: the logger under the schema's key ({@code ,"key":"}), the error under
     * {@code narration.encoding_error}, and the line's end.
     */
    static void failureEnd(final JsonLine out, final byte[] loggerKey, final LogEvent event, final String error) {
        out.append(loggerKey);
        escapedOrNothing(out, event.getLoggerName());
        out.append("\",\"narration.encoding_error\":\"").escaped(error).append("\"}\n");
    }

    /** Appends {@code s} escaped, or nothing for {@code null}: for failure lines, which must not fail again. */
    static void escapedOrNothing(final JsonLine out, final String s) {
        if (s != null) {
            out.escaped(s);
        }
    }
}
