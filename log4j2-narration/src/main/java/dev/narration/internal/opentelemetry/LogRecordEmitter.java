package dev.narration.internal.opentelemetry;

import dev.narration.NarrationFields;
import dev.narration.internal.event.ActorInference;
import dev.narration.internal.event.EventNarration;
import dev.narration.internal.event.FieldKeys;
import dev.narration.internal.event.Renderings;
import dev.narration.internal.event.StructuredFieldVisitor;
import dev.narration.internal.event.ThrowableChain;
import dev.narration.internal.json.JsonLine;
import dev.narration.internal.json.JsonText;
import dev.narration.internal.json.StackTraceLimits;
import dev.narration.internal.json.StackTraceShape;
import dev.narration.internal.json.StackTraceWriter;
import dev.narration.internal.redact.EventRedaction;
import dev.narration.internal.redact.RedactionEngine;
import dev.narration.internal.trace.TraceFields;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.LoggerProvider;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.time.Instant;
import org.apache.logging.log4j.core.util.Constants;
import org.apache.logging.log4j.message.Message;

/**
 * Turns an event into an OpenTelemetry log record through the Logs Bridge API, reading it as the JSON line does
 * (docs/opentelemetry.md, "What NarrationOpenTelemetry sends"): the body is the {@code human} sentence; the actor,
 * action, target, renderings, correlation id, marker names ({@code tags}) and every structured field are attributes
 * under the line's keys, typed as in the line (a {@code long} field a long attribute, and so on); the span is the
 * current one, or rebuilt from the event's {@code trace_id}, {@code span_id} and {@code trace_flags} when those
 * differ from the current span (an all-async logger's background thread has none); the throwable is
 * {@code exception.*}. With a redaction engine, every surface the line masks is masked here by the same
 * {@link EventRedaction}, so no secret the line would hide reaches the exporter.
 *
 * <p>The only class of the bundle besides {@code OpenTelemetrySpans} that names OpenTelemetry types: it is created
 * only when the API is present. The instrumentation scope of a record is its logger's name, as in OpenTelemetry's
 * own appender.
 */
public final class LogRecordEmitter implements RecordEmitter {
    private static final AttributeKey<String> ACTOR = AttributeKey.stringKey(FieldKeys.ACTOR);
    private static final AttributeKey<String> ACTION = AttributeKey.stringKey(FieldKeys.ACTION);
    private static final AttributeKey<String> TARGET = AttributeKey.stringKey(FieldKeys.TARGET);
    private static final AttributeKey<String> CUTE = AttributeKey.stringKey(FieldKeys.CUTE);
    private static final AttributeKey<String> STORY = AttributeKey.stringKey(FieldKeys.STORY);
    private static final AttributeKey<String> CORRELATION_ID = AttributeKey.stringKey(FieldKeys.CORRELATION_ID);
    private static final AttributeKey<List<String>> TAGS = AttributeKey.stringArrayKey(FieldKeys.TAGS);
    /** OpenTelemetry's semantic convention for the thread (the line's {@code thread}). */
    private static final AttributeKey<String> THREAD_NAME = AttributeKey.stringKey("thread.name");
    private static final AttributeKey<String> EXCEPTION_TYPE = AttributeKey.stringKey(FieldKeys.EXCEPTION_TYPE);
    private static final AttributeKey<String> EXCEPTION_MESSAGE = AttributeKey.stringKey(FieldKeys.EXCEPTION_MESSAGE);
    private static final AttributeKey<String> EXCEPTION_STACKTRACE = AttributeKey.stringKey(FieldKeys.EXCEPTION_STACKTRACE);
    /** Marker names per record at most: a marker's parents are walked, and a marker graph may be wide. */
    static final int MAX_TAGS = 16;
    /** The scope of the root logger, whose name is empty (OpenTelemetry wants a name). */
    private static final String ROOT_SCOPE = "root";

    private static final ThreadLocal<RecordWriter> WRITERS = ThreadLocal.withInitial(RecordWriter::new);

    private final LoggerProvider provider;
    private final ConcurrentHashMap<String, Logger> loggers = new ConcurrentHashMap<>();

    public LogRecordEmitter(final LoggerProvider provider) {
        this.provider = provider;
    }

    /**
     * The emitter of {@code GlobalOpenTelemetry}, asked now: call it only once the global instance is set (the Java
     * agent, or the SDK's autoconfiguration), since asking earlier fixes the global to a no-op for the whole JVM.
     */
    public static RecordEmitter ofGlobal() {
        return new LogRecordEmitter(GlobalOpenTelemetry.get().getLogsBridge());
    }

    @Override
    public void emit(final LogEvent event, final ActorInference actors, final RedactionEngine engine) {
        final String name = event.getLoggerName() == null || event.getLoggerName().isEmpty() ? ROOT_SCOPE : event.getLoggerName();
        Logger logger = loggers.get(name);
        if (logger == null) {
            logger = loggers.computeIfAbsent(name, provider::get);
        }
        final RecordWriter writer = Constants.ENABLE_THREADLOCALS ? WRITERS.get() : new RecordWriter();
        writer.write(logger.logRecordBuilder(), event, actors, engine);
    }

    /** OpenTelemetry's severity of a Log4j level, by its place between the standard levels. */
    static Severity severityOf(final Level level) {
        final int intLevel = level.intLevel();
        if (intLevel <= Level.FATAL.intLevel()) {
            return Severity.FATAL;
        } else if (intLevel <= Level.ERROR.intLevel()) {
            return Severity.ERROR;
        } else if (intLevel <= Level.WARN.intLevel()) {
            return Severity.WARN;
        } else if (intLevel <= Level.INFO.intLevel()) {
            return Severity.INFO;
        } else if (intLevel <= Level.DEBUG.intLevel()) {
            return Severity.DEBUG;
        }
        return Severity.TRACE;
    }

    /**
     * The context to emit in, or {@code null} for the current one (the SDK's default): a span rebuilt from the ids the
     * event carries when they are not the current span's, as on the background thread of all-async loggers.
     */
    static Context contextOf(final LogEvent event) {
        final String traceId = EventNarration.traceId(event);
        final String spanId = EventNarration.spanId(event);
        if (traceId == null || spanId == null) {
            return null;
        }
        final SpanContext current = Span.current().getSpanContext();
        if (current.isValid() && current.getTraceId().equals(traceId) && current.getSpanId().equals(spanId)) {
            return null;
        }
        final String flags = EventNarration.context(event, NarrationFields.TRACE_FLAGS);
        final TraceFlags traceFlags = flags != null && flags.length() == 2 && isHex(flags)
                ? TraceFlags.fromHex(flags, 0) : TraceFlags.getDefault();
        final SpanContext carried = SpanContext.create(traceId, spanId, traceFlags, TraceState.getDefault());
        return carried.isValid() ? Context.root().with(Span.wrap(carried)) : null;
    }

    private static boolean isHex(final String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** One per thread: the reusable buffers and the record being written, as the line writer has them. */
    private static final class RecordWriter extends StructuredFieldVisitor {
        private static final int RETAINED_CAPACITY = 16 * 1024;

        private final StringBuilder scratch = new StringBuilder(256);
        private final EventRedaction redaction = new EventRedaction();
        private final ThrowableChain chain = new ThrowableChain();
        private final StackTraceWriter stackTraces = new StackTraceWriter();
        private final JsonLine stackTrace = new JsonLine(1024);
        private final StackTraceWriter.Messages maskedMessages = (throwables, index) -> {
            final String message = Renderings.messageOf(throwables.throwable(index));
            return message == null ? null : redaction.text(message, false);
        };
        private final List<String> tags = new ArrayList<>(4);
        private LogRecordBuilder record;
        /** The redaction of this event, or {@code null} without {@code <Redaction>}. */
        private EventRedaction masking;

        void write(final LogRecordBuilder builder, final LogEvent event, final ActorInference actors, final RedactionEngine engine) {
            record = builder;
            masking = engine == null ? null : redaction.use(engine);
            load(event);
            try {
                final Instant instant = event.getInstant();
                builder.setTimestamp(instant.getEpochSecond() * 1_000_000_000L + instant.getNanoOfSecond(), TimeUnit.NANOSECONDS);
                builder.setSeverity(severityOf(event.getLevel()));
                builder.setSeverityText(event.getLevel().name());
                final Context context = contextOf(event);
                if (context != null) {
                    builder.setContext(context);
                }
                body(event.getMessage());
                final TraceFields trace = trace();
                final String actor = EventNarration.givenActor(event);
                builder.setAttribute(ACTOR, actor == null ? actors.actorOf(event.getLoggerName()) : keyed(FieldKeys.ACTOR, actor));
                final String action = EventNarration.givenAction(event, trace);
                if (action != null) {
                    builder.setAttribute(ACTION, keyed(FieldKeys.ACTION, action));
                } else if (trace != null && trace.kindAction() != null) {
                    builder.setAttribute(ACTION, trace.kindAction());
                }
                given(TARGET, FieldKeys.TARGET, EventNarration.target(event, trace));
                given(CUTE, FieldKeys.CUTE, EventNarration.cute(event));
                given(STORY, FieldKeys.STORY, EventNarration.story(event));
                given(CORRELATION_ID, FieldKeys.CORRELATION_ID, EventNarration.correlationId(event, trace));
                tags(event.getMarker());
                visitLoaded(event);
                if (event.getThreadName() != null) {
                    builder.setAttribute(THREAD_NAME, event.getThreadName());
                }
                exception(event.getThrown());
                builder.emit();
            } finally {
                clear();
                chain.clear();
                tags.clear();
                record = null;
                masking = null;
                stackTrace.clear(RETAINED_CAPACITY);
                if (scratch.capacity() > RETAINED_CAPACITY) {
                    scratch.setLength(0);
                    scratch.trimToSize();
                }
                redaction.trim();
            }
        }

        /** The {@code human} sentence as the body; none when the event has none (a map message without one). */
        private void body(final Message message) {
            scratch.setLength(0);
            try {
                EventNarration.formatHuman(message, scratch);
            } catch (RuntimeException e) {
                scratch.setLength(0);
                scratch.append("<message formatting failed: ").append(e.getClass().getName()).append('>');
            }
            if (scratch.length() > 0) {
                record.setBody((masking == null ? scratch : masking.human(message, scratch)).toString());
            }
        }

        /** A value the event gives under a root key, masked as the line masks it. */
        private void given(final AttributeKey<String> key, final String name, final String value) {
            if (value != null) {
                record.setAttribute(key, keyed(name, value));
            }
        }

        private String keyed(final String name, final String value) {
            return masking == null ? value : masking.keyed(name, value, true).toString();
        }

        /** The marker's name and its parents', each once, at most {@link #MAX_TAGS}. */
        private void tags(final Marker marker) {
            if (marker == null) {
                return;
            }
            addTags(marker);
            record.setAttribute(TAGS, List.copyOf(tags));
        }

        private void addTags(final Marker marker) {
            if (tags.size() >= MAX_TAGS || tags.contains(marker.getName())) {
                return;
            }
            tags.add(marker.getName());
            if (marker.hasParents()) {
                for (final Marker parent : marker.getParents()) {
                    addTags(parent);
                }
            }
        }

        private void exception(final Throwable thrown) {
            if (thrown == null) {
                return;
            }
            record.setAttribute(EXCEPTION_TYPE, Renderings.classNameOf(thrown));
            final String message = Renderings.messageOf(thrown);
            if (message != null) {
                record.setAttribute(EXCEPTION_MESSAGE, masking == null ? message : masking.text(message, false).toString());
            }
            // The line writer's trace (its bounds, its masked messages), read back from its escaped form.
            stackTrace.setLength(0);
            stackTraces.write(stackTrace, chain.walk(thrown), masking == null ? StackTraceWriter.AS_THEY_ARE : maskedMessages,
                    StackTraceLimits.DEFAULTS, StackTraceShape.JDK);
            record.setAttribute(EXCEPTION_STACKTRACE, JsonText.unescape(stackTrace.toString()));
        }

        private static String key(final String prefix, final String name) {
            return prefix == null ? name : prefix.concat(name);
        }

        /** The mask of a sensitive key in place of its value, as a string attribute; whether it was one. */
        private boolean masked(final String key, final String mask) {
            if (mask == null) {
                return false;
            }
            record.setAttribute(key, mask);
            return true;
        }

        private String text(final CharSequence value, final boolean recurring) {
            return (masking == null ? value : masking.text(value, recurring)).toString();
        }

        @Override
        protected void visitString(final String prefix, final String name, final CharSequence value) {
            final String key = key(prefix, name);
            if (masking == null || !masked(key, masking.maskFor(name, value))) {
                record.setAttribute(key, text(value, false));
            }
        }

        @Override
        protected void visitLong(final String prefix, final String name, final long value) {
            final String key = key(prefix, name);
            if (masking == null || !masked(key, masking.maskFor(name))) {
                record.setAttribute(key, value);
            }
        }

        @Override
        protected void visitDouble(final String prefix, final String name, final double value) {
            final String key = key(prefix, name);
            if (masking == null || !masked(key, masking.maskFor(name))) {
                record.setAttribute(key, value);
            }
        }

        @Override
        protected void visitBoolean(final String prefix, final String name, final boolean value) {
            final String key = key(prefix, name);
            if (masking == null || !masked(key, masking.maskFor(name))) {
                record.setAttribute(key, value);
            }
        }

        /** A value of any type, typed as the line types it: whole numbers, floating point, booleans, else text. */
        @Override
        protected void visitObject(final String prefix, final String name, final Object value) {
            final String key = key(prefix, name);
            if (masking != null && masked(key, masking.maskFor(name, value))) {
                return;
            }
            if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
                record.setAttribute(key, ((Number) value).longValue());
            } else if (value instanceof Double || value instanceof Float) {
                record.setAttribute(key, ((Number) value).doubleValue());
            } else if (value instanceof Boolean) {
                record.setAttribute(key, ((Boolean) value).booleanValue());
            } else if (value instanceof BigDecimal || value instanceof BigInteger) {
                record.setAttribute(key, value.toString());
            } else if (value instanceof CharSequence) {
                record.setAttribute(key, text((CharSequence) value, true));
            } else {
                scratch.setLength(0);
                Renderings.render(value, scratch);
                record.setAttribute(key, text(scratch, false));
            }
        }
    }
}
