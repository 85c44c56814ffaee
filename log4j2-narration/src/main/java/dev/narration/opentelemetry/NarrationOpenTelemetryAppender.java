package dev.narration.opentelemetry;

import dev.narration.internal.correlation.OpenTelemetryPresence;
import dev.narration.internal.docs.DocPages;
import dev.narration.internal.event.ActorInference;
import dev.narration.internal.event.ActorNames;
import dev.narration.internal.event.ActorRule;
import dev.narration.internal.opentelemetry.InstalledEmitters;
import dev.narration.internal.opentelemetry.LogRecordEmitter;
import dev.narration.internal.opentelemetry.RecordEmitter;
import dev.narration.internal.redact.EngineAccess;
import dev.narration.internal.redact.RedactionEngine;
import dev.narration.layout.ActorName;
import dev.narration.redact.Redactor;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * {@code <NarrationOpenTelemetry>}: sends every event to OpenTelemetry as a log record whose body is the
 * {@code human} sentence and whose attributes are the narration line's keys and fields, typed as in the line
 * (docs/opentelemetry.md). OpenTelemetry's own Log4j appender reads a message only through its formatted text (or a
 * map message's entries, as strings), so it cannot carry a {@code Narration}'s actor, action or typed fields.
 *
 * <pre>{@code
 * <NarrationOpenTelemetry name="otlp">
 *   <Actor prefix="org.springframework" name="spring"/>
 *   <Redaction/>
 * </NarrationOpenTelemetry>
 * }</pre>
 *
 * <p>It sends through the OpenTelemetry instance given by {@link NarrationOpenTelemetry#install}, or, with
 * {@code useGlobalOpenTelemetry="true"}, {@code GlobalOpenTelemetry}. Until an instance is installed it holds up to
 * {@code maxPendingEvents} events and sends them on install; more are dropped, and counted and reported through the
 * status logger. Needs the OpenTelemetry API ({@code opentelemetry-api} 1.27 or later) on the class path: this class
 * names none of its types, so without it the element is reported and the rest of the configuration works.
 */
@Plugin(name = NarrationOpenTelemetryAppender.PLUGIN_NAME, category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE,
        printObject = true)
public final class NarrationOpenTelemetryAppender extends AbstractAppender {
    static final String PLUGIN_NAME = "NarrationOpenTelemetry";
    static final int DEFAULT_MAX_PENDING_EVENTS = 1000;

    private final ActorInference actors;
    private final RedactionEngine redactor;
    private final boolean useGlobal;
    private final int maxPendingEvents;
    private final LoggerContext context;
    private volatile RecordEmitter emitter;
    /** Events logged before an OpenTelemetry instance was installed; guards {@link #dropped} too. */
    private final ArrayDeque<LogEvent> pending = new ArrayDeque<>();
    private long dropped;

    private NarrationOpenTelemetryAppender(final Builder builder, final ActorInference actors) {
        super(builder.getName(), builder.getFilter(), null, builder.isIgnoreExceptions(), builder.getPropertyArray());
        this.actors = actors;
        this.redactor = EngineAccess.of(builder.redaction);
        this.useGlobal = builder.useGlobalOpenTelemetry;
        this.maxPendingEvents = builder.maxPendingEvents;
        this.context = builder.getConfiguration() == null ? null : builder.getConfiguration().getLoggerContext();
    }

    @PluginBuilderFactory
    public static Builder newBuilder() {
        return new Builder();
    }

    @Override
    public void start() {
        // After a reconfiguration, send where this context's appenders were installed to send.
        final RecordEmitter installed = InstalledEmitters.of(context);
        if (installed != null) {
            emitter = installed;
        }
        super.start();
    }

    @Override
    public void append(final LogEvent event) {
        RecordEmitter to = emitter;
        if (to == null) {
            to = useGlobal ? global() : holdUnlessInstalled(event);
            if (to == null) {
                return;
            }
        }
        send(to, event);
    }

    /** Whether an OpenTelemetry instance is installed (or the global one taken). */
    public boolean isInstalled() {
        return emitter != null;
    }

    /** Installs the emitter and sends the events held until now, in order. */
    void install(final RecordEmitter installed) {
        synchronized (pending) {
            emitter = installed;
            for (LogEvent held = pending.poll(); held != null; held = pending.poll()) {
                send(installed, held);
            }
            if (dropped > 0) {
                StatusLogger.getLogger().error("{} \"{}\": {} events logged before OpenTelemetry was installed were dropped"
                        + " (maxPendingEvents={}); install it earlier or raise maxPendingEvents (" + DocPages.OPENTELEMETRY
                        + "#installing-opentelemetry)", PLUGIN_NAME, getName(), dropped, maxPendingEvents);
                dropped = 0;
            }
        }
    }

    private RecordEmitter global() {
        synchronized (pending) {
            if (emitter == null) {
                emitter = LogRecordEmitter.ofGlobal();
            }
            return emitter;
        }
    }

    /** The emitter if one was installed meanwhile; else holds the event (or counts it dropped) and returns null. */
    private RecordEmitter holdUnlessInstalled(final LogEvent event) {
        synchronized (pending) {
            if (emitter != null) {
                return emitter;
            }
            if (pending.size() < maxPendingEvents) {
                pending.add(event.toImmutable());
            } else if (dropped++ == 0) {
                StatusLogger.getLogger().error("{} \"{}\": no OpenTelemetry installed yet and {} events held"
                        + " (maxPendingEvents); dropping the next events until NarrationOpenTelemetry.install(openTelemetry)"
                        + " is called (" + DocPages.OPENTELEMETRY + "#installing-opentelemetry)", PLUGIN_NAME, getName(),
                        maxPendingEvents);
            }
            return null;
        }
    }

    private void send(final RecordEmitter to, final LogEvent event) {
        try {
            to.emit(event, actors, redactor);
        } catch (RuntimeException | LinkageError e) {
            error(PLUGIN_NAME + " \"" + getName() + "\" could not send an event of logger " + event.getLoggerName(), event, e);
        }
    }

    @Override
    public boolean stop(final long timeout, final TimeUnit timeUnit) {
        synchronized (pending) {
            if (!pending.isEmpty() || dropped > 0) {
                StatusLogger.getLogger().error("{} \"{}\" stopped with {} events never sent: no OpenTelemetry was installed"
                        + " (" + DocPages.OPENTELEMETRY + "#installing-opentelemetry)", PLUGIN_NAME, getName(),
                        pending.size() + dropped);
                pending.clear();
                dropped = 0;
            }
        }
        return super.stop(timeout, timeUnit, true);
    }

    @Override
    public String toString() {
        return PLUGIN_NAME + "{name=" + getName() + ", actors=" + actors.describe()
                + (redactor == null ? "" : ", redaction") + (useGlobal ? ", global" : "") + '}';
    }

    /** Builds a {@link NarrationOpenTelemetryAppender}; {@code name} is required, every other attribute optional. */
    public static final class Builder extends AbstractAppender.Builder<Builder>
            implements org.apache.logging.log4j.core.util.Builder<NarrationOpenTelemetryAppender> {
        @PluginBuilderAttribute
        private String actorRule = "package";

        @PluginElement("Actor")
        private ActorName[] actorNames;

        @PluginElement("Redaction")
        private Redactor redaction;

        @PluginBuilderAttribute
        private boolean useGlobalOpenTelemetry;

        @PluginBuilderAttribute
        private int maxPendingEvents = DEFAULT_MAX_PENDING_EVENTS;

        private Builder() {}

        /** How the actor is inferred from the logger name, as the layout's attribute: {@code package} (default), {@code class}, {@code logger}. */
        public Builder setActorRule(final String actorRule) {
            this.actorRule = actorRule;
            return this;
        }

        /** Actor names for the loggers under prefixes, as the layout's {@code <Actor>} elements. */
        public Builder setActorNames(final ActorName... actorNames) {
            this.actorNames = actorNames;
            return this;
        }

        /** Masks what is sent as {@code <Redaction>} masks the layout's line (docs/redaction.md). */
        public Builder setRedaction(final Redactor redaction) {
            this.redaction = redaction;
            return this;
        }

        /**
         * Sends through {@code GlobalOpenTelemetry}, taken at the first event: for the Java agent or the SDK's
         * autoconfiguration, which set it before anything logs. Default {@code false}: wait for
         * {@link NarrationOpenTelemetry#install}.
         */
        public Builder setUseGlobalOpenTelemetry(final boolean useGlobalOpenTelemetry) {
            this.useGlobalOpenTelemetry = useGlobalOpenTelemetry;
            return this;
        }

        /** Events held until OpenTelemetry is installed; default 1000, 0 holds none. */
        public Builder setMaxPendingEvents(final int maxPendingEvents) {
            this.maxPendingEvents = maxPendingEvents;
            return this;
        }

        @Override
        public NarrationOpenTelemetryAppender build() {
            if (!OpenTelemetryPresence.LOGS_API) {
                StatusLogger.getLogger().error("{} \"{}\": the OpenTelemetry API (io.opentelemetry:opentelemetry-api 1.27 or"
                        + " later) is not on the class path, so nothing can be sent; add it, or remove the element. The rest"
                        + " of the configuration works (" + DocPages.OPENTELEMETRY + "#dependencies)", PLUGIN_NAME, getName());
                return null;
            }
            if (getName() == null || getName().isBlank()) {
                StatusLogger.getLogger().error("{}: the name attribute is missing; name the appender for its AppenderRef"
                        + " (" + DocPages.OPENTELEMETRY + "#the-configuration)", PLUGIN_NAME);
                return null;
            }
            if (maxPendingEvents < 0) {
                StatusLogger.getLogger().error("{} \"{}\": invalid maxPendingEvents=\"{}\"; expected 0 or a positive number."
                        + " Using {}.", PLUGIN_NAME, getName(), maxPendingEvents, DEFAULT_MAX_PENDING_EVENTS);
                maxPendingEvents = DEFAULT_MAX_PENDING_EVENTS;
            }
            final ActorNames.Builder names = new ActorNames.Builder();
            if (actorNames != null) {
                for (final ActorName actor : actorNames) {
                    names.addOrReport(PLUGIN_NAME, actor.getPrefix(), actor.getName());
                }
            }
            return new NarrationOpenTelemetryAppender(this,
                    ActorInference.of(ActorRule.configured(PLUGIN_NAME, actorRule), names.build()));
        }
    }
}
