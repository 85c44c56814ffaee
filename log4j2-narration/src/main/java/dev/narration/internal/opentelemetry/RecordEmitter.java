package dev.narration.internal.opentelemetry;

import dev.narration.internal.event.ActorInference;
import dev.narration.internal.redact.RedactionEngine;
import org.apache.logging.log4j.core.LogEvent;

/**
 * Sends an event as an OpenTelemetry log record. Names no OpenTelemetry type, so that {@code <NarrationOpenTelemetry>}
 * can hold one and load without the OpenTelemetry API; {@link LogRecordEmitter} is the one implementation.
 */
public interface RecordEmitter {
    /** Emits the event's record; {@code engine} masks it, or is {@code null} for no redaction. */
    void emit(LogEvent event, ActorInference actors, RedactionEngine engine);
}
