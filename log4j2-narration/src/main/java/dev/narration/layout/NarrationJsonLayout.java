package dev.narration.layout;

import dev.narration.Narration;
import dev.narration.event.NarrationReader;
import dev.narration.internal.docs.DocPages;
import dev.narration.internal.event.ActorInference;
import dev.narration.internal.event.ActorNames;
import dev.narration.internal.event.ActorRule;
import dev.narration.internal.event.ContextSelection;
import dev.narration.internal.event.ContextTypes;
import dev.narration.internal.event.KeyRenames;
import dev.narration.internal.event.ReaderAccess;
import dev.narration.internal.json.JsonLine;
import dev.narration.internal.json.StackTraceShape;
import dev.narration.internal.layout.LineOptions;
import dev.narration.internal.layout.LineSchema;
import dev.narration.internal.layout.LineWriter;
import dev.narration.internal.layout.ServiceIdentity;
import dev.narration.internal.redact.EngineAccess;
import dev.narration.internal.redact.RedactionEngine;
import dev.narration.internal.runtime.LossyDisruptorCheck;
import dev.narration.redact.Redactor;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.core.config.plugins.PluginConfiguration;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.impl.LocationAware;
import org.apache.logging.log4j.core.layout.AbstractStringLayout;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;
import org.apache.logging.log4j.core.util.Constants;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Writes each event as one line of JSON in the narration shape (docs/standard.md#the-json-line, docs/layout.md#the-line): {@code @timestamp},
 * {@code level}, service identity, {@code actor}, {@code action}, {@code target}, {@code human}, {@code cute},
 * {@code story}, {@code correlation_id}, {@code trace_id}, {@code span_id}, {@code tags}, the structured fields,
 * {@code logger}, {@code thread} and the exception. With {@code schema="ecs|gcp|datadog|otel"} the same event, with
 * the same redaction and limits, is written in the shape a backend reads (docs/schemas.md).
 *
 * <pre>{@code
 * <File name="json" fileName="app.jsonl">
 *   <NarrationJsonLayout serviceName="orchestratord" serviceVersion="1.4.2"/>
 * </File>
 * }</pre>
 *
 * <p>A specialized encoder rather than a {@code JsonTemplateLayout} template, because it was measured to encode
 * an event in well under half the time (docs/performance.md): the field order is fixed, so there is nothing to
 * interpret per event, and strings are escaped in runs rather than character by character. Through
 * {@link #encode} it allocates nothing per event in steady state.
 */
@Plugin(name = NarrationJsonLayout.PLUGIN_NAME, category = Node.CATEGORY, elementType = Layout.ELEMENT_TYPE, printObject = true)
public final class NarrationJsonLayout extends AbstractStringLayout implements LocationAware {
    static final String PLUGIN_NAME = "NarrationJsonLayout";
    /**
     * The default {@code maxStringLength}: 16,384 UTF-16 characters, JsonTemplateLayout's own default, so a value
     * keeps as much as it would there. A value then takes at most 48 KiB of UTF-8 (96 KiB if every character were
     * escaped): a sentence, a field and a stack trace (64 KiB) fit in Google Cloud Logging's 256 KB per entry, and
     * far below Datadog's 1 MB per log; a 50 MB value is one line with the first 16,384 characters
     * (docs/layout.md#sizes).
     */
    static final int DEFAULT_MAX_STRING_LENGTH = 16 * 1024;

    private static final ThreadLocal<LineWriter> WRITERS = ThreadLocal.withInitial(LineWriter::new);

    private final ServiceIdentity service;
    private final LineSchema schema;
    private final boolean includeLocation;
    private final ActorInference actors;
    private final int maxStringLength;
    private final Redactor redaction;
    private final RedactionEngine redactor;
    private final LineOptions options;

    private NarrationJsonLayout(final Builder builder, final ServiceIdentity service, final LineSchema schema,
            final ActorInference actors, final int maxStringLength, final boolean includeLocation,
            final LineOptions options) {
        super(builder.configuration, StandardCharsets.UTF_8, null, null);
        this.service = service;
        this.schema = schema;
        this.includeLocation = includeLocation;
        this.actors = actors;
        this.maxStringLength = maxStringLength;
        this.options = options;
        this.redaction = builder.redaction;
        this.redactor = EngineAccess.of(builder.redaction);
    }

    @PluginBuilderFactory
    public static Builder newBuilder() {
        return new Builder();
    }

    @Override
    public String toSerializable(final LogEvent event) {
        return writeLine(event).toString();
    }

    @Override
    public byte[] toByteArray(final LogEvent event) {
        return writeLine(event).toByteArray();
    }

    /**
     * Writes the line as UTF-8 bytes and hands them to the destination in one call, which copies them into the
     * appender's buffer under its own lock; nothing goes through Log4j's character encoder.
     */
    @Override
    public void encode(final LogEvent event, final ByteBufferDestination destination) {
        writeLine(event).writeTo(destination);
    }

    /** Writes the event into the thread's line buffer and returns it. */
    private JsonLine writeLine(final LogEvent event) {
        final LineWriter writer = Constants.ENABLE_THREADLOCALS ? WRITERS.get() : new LineWriter();
        final JsonLine line = writer.lineBuffer();
        try {
            writer.write(event, line, schema, actors, maxStringLength, redactor, options);
        } catch (RuntimeException | LinkageError e) {
            // Never lose the event to an encoding bug: keep what identifies it and say what went wrong.
            writer.writeFailure(event, line, schema, String.valueOf(e));
            StatusLogger.getLogger().error("{} could not encode an event of logger {}", PLUGIN_NAME, event.getLoggerName(), e);
        }
        return line;
    }

    /**
     * A reader of events as this layout writes them: the same actors, and the context selected, renamed and typed as
     * here, for tests and tools
     * ({@code NarrationCapture} of the test kit reads through the reader of the configuration's layout).
     */
    public NarrationReader reader() {
        NarrationReader.defaults(); // loads the reader's class, which grants the factory
        return (NarrationReader) ReaderAccess.reader(actors, options.context(), options.renames(), options.types());
    }

    /** Whether Log4j must capture where each event was logged: with {@code includeLocation="true"}. */
    @Override
    public boolean requiresLocation() {
        return includeLocation;
    }

    @Override
    public String getContentType() {
        return "application/json; charset=UTF-8";
    }

    @Override
    public Map<String, String> getContentFormat() {
        return Map.of("version", "1");
    }

    @Override
    public String toString() {
        return PLUGIN_NAME + "{schema=" + schema.name() + ", service=" + service.name() + ", actors=" + actors.describe()
                + (redaction == null ? "" : ", redaction=" + redaction.getName()) + '}';
    }

    /**
     * The smallest {@code maxLineBytes}: what identifies an event (time, level, service, logger, thread, ids) and a
     * sentence's start fit, whatever else is cut.
     */
    static final int MIN_LINE_BYTES = 1024;

    /** Builds a {@link NarrationJsonLayout}; every attribute is optional. */
    public static final class Builder implements org.apache.logging.log4j.core.util.Builder<NarrationJsonLayout> {
        @PluginConfiguration
        private Configuration configuration;

        @PluginBuilderAttribute
        private String serviceName;

        @PluginBuilderAttribute
        private String serviceVersion;

        @PluginBuilderAttribute
        private String serviceInstanceId;

        @PluginBuilderAttribute
        private String deploymentEnvironment;

        @PluginBuilderAttribute
        private String actorRule = "package";

        @PluginBuilderAttribute
        private String maxStringLength;

        @PluginBuilderAttribute
        private String stackTraceFrames;

        @PluginBuilderAttribute
        private String stackTraceFilter;

        @PluginBuilderAttribute
        private String rootCauseFirst;

        @PluginBuilderAttribute
        private String stackTraceHash;

        @PluginBuilderAttribute
        private String contextInclude;

        @PluginBuilderAttribute
        private String contextExclude;

        @PluginElement("Rename")
        private Rename[] renames;

        @PluginBuilderAttribute
        private String typeContext;

        @PluginBuilderAttribute
        private String maxLineBytes;

        @PluginElement("FieldType")
        private FieldType[] fieldTypes;

        @PluginElement("Redaction")
        private Redactor redaction;

        @PluginElement("Actor")
        private ActorName[] actorNames;

        @PluginBuilderAttribute
        private String schema = "narration";

        @PluginBuilderAttribute
        private String gcpProjectId;

        @PluginBuilderAttribute
        private String includeLocation;

        private Map<String, String> environment = System.getenv();

        private Builder() {}

        public Builder setConfiguration(final Configuration configuration) {
            this.configuration = configuration;
            return this;
        }

        /** {@code service.name}; defaults to {@code OTEL_SERVICE_NAME}, then {@code OTEL_RESOURCE_ATTRIBUTES}. */
        public Builder setServiceName(final String serviceName) {
            this.serviceName = serviceName;
            return this;
        }

        /** {@code service.version}; defaults to {@code OTEL_RESOURCE_ATTRIBUTES}. */
        public Builder setServiceVersion(final String serviceVersion) {
            this.serviceVersion = serviceVersion;
            return this;
        }

        /** {@code service.instance.id}; defaults to {@code OTEL_RESOURCE_ATTRIBUTES}. */
        public Builder setServiceInstanceId(final String serviceInstanceId) {
            this.serviceInstanceId = serviceInstanceId;
            return this;
        }

        /** {@code deployment.environment.name}; defaults to {@code OTEL_RESOURCE_ATTRIBUTES}. */
        public Builder setDeploymentEnvironment(final String deploymentEnvironment) {
            this.deploymentEnvironment = deploymentEnvironment;
            return this;
        }

        /** How the actor is inferred from the logger name: {@code package} (default), {@code class} or {@code logger}. */
        public Builder setActorRule(final String actorRule) {
            this.actorRule = actorRule;
            return this;
        }

        /**
         * Actor names for the loggers under prefixes ({@code <Actor prefix="org.springframework" name="spring"/>}),
         * consulted before {@code actorRule}; the longest matching prefix wins.
         */
        public Builder setActorNames(final ActorName... actorNames) {
            this.actorNames = actorNames;
            return this;
        }

        /**
         * Cuts text values longer than this many UTF-16 characters and marks the cut with {@code …[truncated]};
         * 16,384 by default; 0 keeps everything.
         */
        public Builder setMaxStringLength(final int maxStringLength) {
            this.maxStringLength = String.valueOf(maxStringLength);
            return this;
        }

        /**
         * At most this many frames of each throwable in the stack trace, the rest said as {@code ... n more}; 0 (the
         * default) leaves only the bounds of the whole trace (docs/layout.md#stack-traces).
         */
        public Builder setStackTraceFrames(final int stackTraceFrames) {
            this.stackTraceFrames = String.valueOf(stackTraceFrames);
            return this;
        }

        /**
         * Comma-separated class-name prefixes ({@code org.springframework.aop., jdk.internal.reflect.}) whose runs of
         * frames fold into {@code ... n filtered}, and which the stack trace's hash leaves out.
         */
        public Builder setStackTraceFilter(final String stackTraceFilter) {
            this.stackTraceFilter = stackTraceFilter;
            return this;
        }

        /** Whether the stack trace starts with the innermost cause, each enclosing throwable after it as {@code Wrapped by:}. */
        public Builder setRootCauseFirst(final boolean rootCauseFirst) {
            this.rootCauseFirst = String.valueOf(rootCauseFirst);
            return this;
        }

        /**
         * Whether a line with an exception carries a stable short hash of its types and frames
         * ({@code exception.hash}, or its schema's key), so that the same failure groups across events and restarts.
         */
        public Builder setStackTraceHash(final boolean stackTraceHash) {
            this.stackTraceHash = String.valueOf(stackTraceHash);
            return this;
        }

        /**
         * Masks secrets while writing (docs/redaction.md): every text value, the values of sensitive keys and the
         * messages of the exception chain. With async loggers this runs on the background thread.
         */
        public Builder setRedaction(final Redactor redaction) {
            this.redaction = redaction;
            return this;
        }

        /**
         * The shape of the line (docs/schemas.md): {@code narration} (the default), {@code ecs}, {@code gcp},
         * {@code datadog} or {@code otel}.
         */
        public Builder setSchema(final String schema) {
            this.schema = schema;
            return this;
        }

        /**
         * The Google Cloud project of {@code schema="gcp"}'s trace resource names
         * ({@code projects/<id>/traces/<trace id>}); defaults to {@code GOOGLE_CLOUD_PROJECT}, else the bare trace id.
         */
        public Builder setGcpProjectId(final String gcpProjectId) {
            this.gcpProjectId = gcpProjectId;
            return this;
        }

        /**
         * Whether the backend schemas write where each event was logged (file, line, method), which makes Log4j
         * capture it for every event, at a cost (docs/schemas.md#location); {@code false} by default.
         */
        public Builder setIncludeLocation(final boolean includeLocation) {
            this.includeLocation = String.valueOf(includeLocation);
            return this;
        }

        /**
         * Comma-separated globs ({@code *} for any run of characters: {@code http.*}, {@code *_id}) of the context keys
         * to write; all by default (docs/layout.md#context-selection).
         */
        public Builder setContextInclude(final String contextInclude) {
            this.contextInclude = contextInclude;
            return this;
        }

        /** Comma-separated globs of the context keys not to write, even when {@code contextInclude} names them. */
        public Builder setContextExclude(final String contextExclude) {
            this.contextExclude = contextExclude;
            return this;
        }

        /** Structured field and context keys written under other names ({@code <Rename from="userId" to="user.id"/>}). */
        public Builder setRenames(final Rename... renames) {
            this.renames = renames;
            return this;
        }

        /**
         * {@code infer} writes string context values that are integers without leading zeros, decimals, {@code true}
         * or {@code false} as JSON numbers and booleans; {@code none} (the default) as strings
         * (docs/layout.md#typed-context-values).
         */
        public Builder setTypeContext(final String typeContext) {
            this.typeContext = typeContext;
            return this;
        }

        /**
         * The most bytes of a line, its newline included; {@code 0} (the default) for no cap. A line over it is cut to
         * one valid JSON object with {@code "truncated": true}: its stack trace first, then its largest text values
         * (docs/layout.md#line-size-cap).
         */
        public Builder setMaxLineBytes(final int maxLineBytes) {
            this.maxLineBytes = String.valueOf(maxLineBytes);
            return this;
        }

        /** The JSON types of string context values by key ({@code <FieldType key="user_id" type="long"/>}). */
        public Builder setFieldTypes(final FieldType... fieldTypes) {
            this.fieldTypes = fieldTypes;
            return this;
        }

        /** The environment read for OpenTelemetry defaults; the process environment unless a test says otherwise. */
        public Builder setEnvironment(final Map<String, String> environment) {
            this.environment = environment;
            return this;
        }

        @Override
        public NarrationJsonLayout build() {
            final ActorRule rule = ActorRule.configured(PLUGIN_NAME, actorRule);
            final int maxLength = LayoutAttributes.whole("maxStringLength", maxStringLength, 0,
                    DEFAULT_MAX_STRING_LENGTH, "0 (no limit) or a positive number");
            final boolean location = LayoutAttributes.bool("includeLocation", includeLocation, false);
            final StackTraceShape stackTraceShape = new StackTraceShape(
                    LayoutAttributes.whole("stackTraceFrames", stackTraceFrames, 0, 0, "0 (no limit) or a positive number"),
                    StackTraceShape.prefixes(stackTraceFilter),
                    LayoutAttributes.bool("rootCauseFirst", rootCauseFirst, false),
                    LayoutAttributes.bool("stackTraceHash", stackTraceHash, false));
            final ActorNames.Builder names = new ActorNames.Builder();
            if (actorNames != null) {
                for (final ActorName actor : actorNames) {
                    names.addOrReport(PLUGIN_NAME, actor.getPrefix(), actor.getName());
                }
            }
            LossyDisruptorCheck.warnIfLossy(configuration);
            final ServiceIdentity service = ServiceIdentity.resolve(
                    serviceName, serviceVersion, serviceInstanceId, deploymentEnvironment, environment);
            final String projectId = blankToNull(gcpProjectId != null ? gcpProjectId : environment.get("GOOGLE_CLOUD_PROJECT"));
            LineSchema lineSchema = schema == null ? null
                    : LineSchema.named(schema.trim(), service, projectId, location);
            if (lineSchema == null) {
                StatusLogger.getLogger().error(
                        "{}: invalid schema=\"{}\"; expected one of {} (see " + DocPages.SCHEMAS + "). Using narration.",
                        PLUGIN_NAME, schema, String.join(", ", LineSchema.NAMES));
                lineSchema = LineSchema.named("narration", service, projectId, location);
            }
            return new NarrationJsonLayout(this, service, lineSchema, ActorInference.of(rule, names.build()), maxLength,
                    location, new LineOptions(stackTraceShape, ContextSelection.of(
                            globs("contextInclude", contextInclude), globs("contextExclude", contextExclude)),
                            keyRenames(), contextTypes(), lineCap()));
        }

        /** The globs of a context selection attribute; one that uses another glob syntax is reported and left out. */
        private static List<String> globs(final String attribute, final String list) {
            final List<String> globs = ContextSelection.globs(list);
            for (final Iterator<String> it = globs.iterator(); it.hasNext(); ) {
                final String glob = it.next();
                if (ContextSelection.isMisread(glob)) {
                    StatusLogger.getLogger().error("{}: invalid {}=\"{}\": the glob \"{}\" uses ?, [ ] or { }, which are "
                            + "no wildcards here; only * is (any run of characters). Ignoring that glob (see "
                            + DocPages.LAYOUT + "#context-selection).", PLUGIN_NAME, attribute, list, glob);
                    it.remove();
                }
            }
            return globs;
        }

        /** {@code maxLineBytes}: 0 or at least {@value #MIN_LINE_BYTES}, room for what identifies an event. */
        private int lineCap() {
            return LayoutAttributes.whole("maxLineBytes", maxLineBytes, 0, 0,
                    "0 (no cap) or a number of bytes of at least " + MIN_LINE_BYTES, MIN_LINE_BYTES);
        }

        /** {@code typeContext} and the {@code <FieldType>} elements; a bad one is reported and left out. */
        private ContextTypes contextTypes() {
            boolean infer = false;
            if (typeContext != null) {
                final String mode = typeContext.trim();
                if ("infer".equals(mode)) {
                    infer = true;
                } else if (!"none".equals(mode)) {
                    StatusLogger.getLogger().error("{}: invalid typeContext=\"{}\"; expected infer or none. Using none "
                            + "(see " + DocPages.LAYOUT + "#typed-context-values).", PLUGIN_NAME, typeContext);
                }
            }
            final Map<String, Narration.FieldKind> byKey = new LinkedHashMap<>();
            if (fieldTypes != null) {
                for (final FieldType fieldType : fieldTypes) {
                    final String key = blankToNull(fieldType.getKey());
                    final Narration.FieldKind type = ContextTypes.parseType(fieldType.getType());
                    if (key == null) {
                        StatusLogger.getLogger().error("{}: invalid {}; key must name a context key. Ignoring it (see "
                                + DocPages.LAYOUT + "#typed-context-values).", PLUGIN_NAME, fieldType);
                    } else if (type == null) {
                        StatusLogger.getLogger().error("{}: invalid {}: type=\"{}\"; expected long, double, boolean or "
                                + "string. Writing {} as it is (see " + DocPages.LAYOUT + "#typed-context-values).",
                                PLUGIN_NAME, fieldType, fieldType.getType(), key);
                    } else if (byKey.putIfAbsent(key, type) != null) {
                        StatusLogger.getLogger().error("{}: invalid {}; another FieldType has the same key. Ignoring it "
                                + "(see " + DocPages.LAYOUT + "#typed-context-values).", PLUGIN_NAME, fieldType);
                    }
                }
            }
            return ContextTypes.of(byKey, infer);
        }

        /** The {@code <Rename>} elements; one without both keys, or a second for a key, is reported and left out. */
        private KeyRenames keyRenames() {
            final Map<String, String> byKey = new LinkedHashMap<>();
            if (renames != null) {
                for (final Rename rename : renames) {
                    final String from = blankToNull(rename.getFrom());
                    final String to = blankToNull(rename.getTo());
                    if (from == null || to == null) {
                        StatusLogger.getLogger().error("{}: invalid {}; from and to must both name a key. Ignoring it "
                                + "(see " + DocPages.LAYOUT + "#renaming-keys).", PLUGIN_NAME, rename);
                    } else if (byKey.containsKey(from) || byKey.containsValue(to)) {
                        StatusLogger.getLogger().error("{}: invalid {}; another Rename has the same from or to. "
                                + "Ignoring it (see " + DocPages.LAYOUT + "#renaming-keys).", PLUGIN_NAME, rename);
                    } else {
                        byKey.put(from, to);
                    }
                }
            }
            return KeyRenames.of(byKey);
        }

        private static String blankToNull(final String value) {
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}
