package dev.narration.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Narration;
import dev.narration.testsupport.InMemoryOpenTelemetry;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.SecretCorpus;
import dev.narration.testsupport.StatusCapture;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.apache.logging.log4j.message.StringMapMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code <NarrationOpenTelemetry>} beside a {@code NarrationJsonLayout} file fed the same events, exporting into the
 * SDK's in-memory exporter (docs/opentelemetry.md): the sentence is the body, every key and field of the line is an
 * attribute of the same name, value and type, the severity, timestamp and span are the event's, on synchronous and
 * all-async loggers; with {@code <Redaction>} no secret reaches the exporter.
 */
class NarrationOpenTelemetryTest {
    private static final String SECRET_AWS = "AKIAQ3EGRXM2LQ7ZP4TD";
    /** A GitHub token with a valid checksum (the corpus computes it). */
    private static final String SECRET_GITHUB = SecretCorpus.githubToken("ghp_", "R8x2Kq9LmZt4Vb7Nc1Wd5Fg3Hj6Ys0");
    /** Keys of the line that a record carries elsewhere: its timestamp, severity, body, scope and span. */
    private static final Set<String> NOT_ATTRIBUTES = Set.of("@timestamp", "level", "service.name", "human", "logger",
            "thread", "trace_id", "span_id");

    private final InMemoryOpenTelemetry otlp = new InMemoryOpenTelemetry();
    private Log4jFixture log4j;

    private static String config(final String layoutChildren, final String appenderAttributes, final String appenderChildren) {
        return "<Configuration status='WARN'><Appenders>"
                + "<File name='json' fileName='${dir}/out.jsonl'><NarrationJsonLayout>" + layoutChildren + "</NarrationJsonLayout></File>"
                + "<NarrationOpenTelemetry name='otlp' " + appenderAttributes + ">" + appenderChildren + "</NarrationOpenTelemetry>"
                + "</Appenders><Loggers><Root level='TRACE'><AppenderRef ref='json'/><AppenderRef ref='otlp'/></Root>"
                + "</Loggers></Configuration>";
    }

    private Log4jFixture start(final Log4jFixture fixture) {
        log4j = fixture;
        assertThat(NarrationOpenTelemetry.install(log4j.context(), otlp.sdk())).isEqualTo(1);
        return fixture;
    }

    @AfterEach
    void stop() {
        ThreadContext.clearMap();
        if (log4j != null) {
            log4j.close();
        }
        otlp.close();
        GlobalOpenTelemetry.resetForTest();
    }

    /** The records exported and the lines written, one each per event, in order. */
    private List<Map.Entry<LogRecordData, JsonNode>> exported() {
        log4j.close();
        final List<LogRecordData> records = otlp.records();
        final List<JsonNode> lines = JsonLines.parseAll(log4j.readLines("out.jsonl"));
        assertThat(records).hasSameSizeAs(lines);
        final List<Map.Entry<LogRecordData, JsonNode>> pairs = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            pairs.add(Map.entry(records.get(i), lines.get(i)));
        }
        return pairs;
    }

    private static Map<String, AttributeType> types(final LogRecordData record) {
        final Map<String, AttributeType> types = new TreeMap<>();
        record.getAttributes().forEach((key, value) -> types.put(key.getKey(), key.getType()));
        return types;
    }

    private static Object attribute(final LogRecordData record, final String key) {
        final Object[] found = new Object[1];
        record.getAttributes().forEach((k, value) -> {
            if (k.getKey().equals(key)) {
                found[0] = value;
            }
        });
        return found[0];
    }

    /**
     * Every key of the line is an attribute of the record with the same value, of the JSON value's type (a number
     * with a fraction a double, a whole number a long, a boolean a boolean, text a string); the line's thread is
     * {@code thread.name}; the record has no other attribute but {@code tags} (marker names, which the line does
     * not write yet: docs/layout.md reserves the key).
     */
    private static void attributesAreTheLinesKeys(final LogRecordData record, final JsonNode line) {
        final Map<String, AttributeType> types = types(record);
        final List<String> keys = new ArrayList<>();
        for (final Iterator<String> names = line.fieldNames(); names.hasNext(); ) {
            final String key = names.next();
            if (NOT_ATTRIBUTES.contains(key)) {
                continue;
            }
            keys.add(key);
            final JsonNode value = line.get(key);
            final Object attribute = attribute(record, key);
            if (value.isArray()) {
                assertThat(types).as(key).containsEntry(key, AttributeType.STRING_ARRAY);
                final List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                assertThat(attribute).as(key).isEqualTo(items);
            } else if (value.isIntegralNumber()) {
                assertThat(types).as(key).containsEntry(key, AttributeType.LONG);
                assertThat(attribute).as(key).isEqualTo(value.asLong());
            } else if (value.isFloatingPointNumber()) {
                assertThat(types).as(key).containsEntry(key, AttributeType.DOUBLE);
                assertThat(attribute).as(key).isEqualTo(value.asDouble());
            } else if (value.isBoolean()) {
                assertThat(types).as(key).containsEntry(key, AttributeType.BOOLEAN);
                assertThat(attribute).as(key).isEqualTo(value.asBoolean());
            } else {
                assertThat(types).as(key).containsEntry(key, AttributeType.STRING);
                assertThat(attribute).as(key).isEqualTo(value.asText());
            }
        }
        assertThat(attribute(record, "thread.name")).isEqualTo(line.get("thread").asText());
        keys.add("thread.name");
        final Set<String> others = new TreeSet<>(types.keySet());
        keys.forEach(others::remove);
        assertThat(others).isSubsetOf("tags");
        assertThat(record.getTimestampEpochNanos() / 1_000_000L).as("timestamp")
                .isEqualTo(Instant.parse(line.get("@timestamp").asText()).toEpochMilli());
        assertThat(record.getSeverityText()).isEqualTo(line.get("level").asText());
    }

    @Test
    void aNarrationSendsItsSentenceAsTheBodyAndItsFieldsAsTypedAttributes() {
        start(Log4jFixture.sync(config("", "", "")));
        ThreadContext.put("correlation_id", "req-1");
        ThreadContext.put("tenant", "acme");
        final Span span = otlp.tracing().get("test").spanBuilder("accept").startSpan();
        try (Scope current = span.makeCurrent()) {
            log4j.logger("com.acme.orchestratord.JobAdmission").info(Narration.action("accept").target("job-1")
                    .human("Accepted job {}; queued at position {}", "job-1", 3).cute("Welcome, job-1! 🎫")
                    .story("\"Room for one more?\" asked job-1.").field("queue_position", 3).field("gpu_share", 0.5)
                    .field("warm", true).field("pool_id", "gpu-a").field("level", "not the level"));
        } finally {
            span.end();
        }
        final Map.Entry<LogRecordData, JsonNode> event = exported().get(0);
        final LogRecordData record = event.getKey();
        assertThat(record.getBodyValue().asString()).isEqualTo("Accepted job job-1; queued at position 3")
                .isEqualTo(event.getValue().get("human").asText());
        assertThat(record.getSeverity()).isEqualTo(Severity.INFO);
        assertThat(record.getSpanContext()).isEqualTo(span.getSpanContext());
        assertThat(record.getInstrumentationScopeInfo().getName()).isEqualTo("com.acme.orchestratord.JobAdmission");
        assertThat(types(record)).containsEntry("actor", AttributeType.STRING).containsEntry("queue_position", AttributeType.LONG)
                .containsEntry("gpu_share", AttributeType.DOUBLE).containsEntry("warm", AttributeType.BOOLEAN)
                .containsEntry("field.level", AttributeType.STRING).containsEntry("tenant", AttributeType.STRING);
        assertThat(attribute(record, "actor")).isEqualTo("orchestratord");
        assertThat(attribute(record, "action")).isEqualTo("accept");
        assertThat(attribute(record, "cute")).isEqualTo("Welcome, job-1! 🎫");
        assertThat(attribute(record, "correlation_id")).isEqualTo("req-1");
        attributesAreTheLinesKeys(record, event.getValue());
    }

    /** On Log4j's background thread no span is current: the record's span is rebuilt from the event's ids. */
    @Test
    void onAllAsyncLoggersTheRecordKeepsItsSpanAndItsTypes() {
        start(Log4jFixture.allAsync(config("", "", "")));
        final Span span = otlp.tracing().get("test").spanBuilder("dispatch").startSpan();
        try (Scope current = span.makeCurrent()) {
            log4j.logger("com.acme.poolmanagerd.Dispatcher").warn(Narration.action("dispatch").target("job-1")
                    .human("Dispatched job-1 late").field("delay_ms", 1200L).field("load", 0.75));
        } finally {
            span.end();
        }
        final Map.Entry<LogRecordData, JsonNode> event = exported().get(0);
        final LogRecordData record = event.getKey();
        assertThat(record.getSpanContext().getTraceId()).isEqualTo(span.getSpanContext().getTraceId());
        assertThat(record.getSpanContext().getSpanId()).isEqualTo(span.getSpanContext().getSpanId());
        assertThat(record.getSpanContext().getTraceFlags()).isEqualTo(span.getSpanContext().getTraceFlags());
        assertThat(record.getSeverity()).isEqualTo(Severity.WARN);
        assertThat(record.getBodyValue().asString()).isEqualTo("Dispatched job-1 late");
        assertThat(attribute(record, "delay_ms")).isEqualTo(1200L);
        attributesAreTheLinesKeys(record, event.getValue());
    }

    @Test
    void aMapMessageWithoutASentenceHasNoBodyAndItsEntriesAreFields() {
        start(Log4jFixture.sync(config("", "", "")));
        log4j.logger("com.acme.poolmanagerd.Pools").info(new StringMapMessage().with("action", "drain").with("pool_id", "gpu-a")
                .with("workers", 3).with("healthy", false));
        final Map.Entry<LogRecordData, JsonNode> event = exported().get(0);
        assertThat(event.getKey().getBodyValue()).isNull();
        assertThat(event.getValue().has("human")).isFalse();
        assertThat(attribute(event.getKey(), "action")).isEqualTo("drain");
        assertThat(attribute(event.getKey(), "workers")).isEqualTo(3L);
        attributesAreTheLinesKeys(event.getKey(), event.getValue());
    }

    @Test
    void aThrowableIsTheExceptionAttributesAndMarkersTheTags() {
        start(Log4jFixture.sync(config("", "", "")));
        final Marker alert = MarkerManager.getMarker("ALERT");
        final Marker page = MarkerManager.getMarker("PAGE").setParents(alert);
        final IllegalStateException failure = new IllegalStateException("out of VRAM", new RuntimeException("driver reset"));
        log4j.logger("com.acme.orchestratord.Jobs").error(page, Narration.action("fail").target("job-1")
                .human("Failed to start job-1").field("error_kind", "vram_exhaustion"), failure);
        final Map.Entry<LogRecordData, JsonNode> event = exported().get(0);
        final LogRecordData record = event.getKey();
        final JsonNode line = event.getValue();
        assertThat(record.getSeverity()).isEqualTo(Severity.ERROR);
        assertThat(attribute(record, "exception.type")).isEqualTo("java.lang.IllegalStateException");
        assertThat(attribute(record, "exception.message")).isEqualTo("out of VRAM");
        assertThat((String) attribute(record, "exception.stacktrace"))
                .startsWith("java.lang.IllegalStateException: out of VRAM\n\tat ").contains("\nCaused by: java.lang.RuntimeException: driver reset")
                .isEqualTo(line.get("exception.stacktrace").asText());
        assertThat(attribute(record, "tags")).isEqualTo(List.of("PAGE", "ALERT"));
        attributesAreTheLinesKeys(record, line);
    }

    /** The same {@code <Redaction>} as the layout's: what the line masks, the record masks, and no secret is exported. */
    @Test
    void withRedactionNoSecretReachesTheExporter() {
        start(Log4jFixture.sync(config("<Redaction name='line'/>", "", "<Redaction name='otlp'/>")));
        ThreadContext.put("upstream", "token " + SECRET_GITHUB);
        ThreadContext.put("password", "hunter2-hunter2");
        log4j.logger("com.acme.orchestratord.Credentials").error(Narration.action("rotate").target("key " + SECRET_AWS)
                .human("Rotated key {} for the uploader", SECRET_AWS).field("api_key", "k-7f3a9c21e4b8d6").field("attempts", 2)
                .field("note", "previous " + SECRET_GITHUB), new IllegalStateException("old key " + SECRET_AWS + " still valid"));
        log4j.logger("com.acme.orchestratord.Credentials").info(new StringMapMessage().with("message", "Loaded " + SECRET_GITHUB)
                .with("secret", 42));
        final List<Map.Entry<LogRecordData, JsonNode>> events = exported();
        for (final Map.Entry<LogRecordData, JsonNode> event : events) {
            final LogRecordData record = event.getKey();
            final StringBuilder everything = new StringBuilder(String.valueOf(record.getBodyValue()));
            record.getAttributes().forEach((key, value) -> everything.append(' ').append(key).append('=').append(value));
            assertThat(everything.toString()).doesNotContain(SECRET_AWS, SECRET_GITHUB, "hunter2", "k-7f3a9c21e4b8d6");
            assertThat(event.getValue().toString()).doesNotContain(SECRET_AWS, SECRET_GITHUB, "hunter2", "k-7f3a9c21e4b8d6");
            assertThat(record.getBodyValue().asString()).isEqualTo(event.getValue().get("human").asText());
            attributesAreTheLinesKeys(record, event.getValue());
        }
        final LogRecordData rotated = events.get(0).getKey();
        assertThat((String) attribute(rotated, "password")).startsWith("[REDACTED");
        assertThat(attribute(rotated, "attempts")).isEqualTo(2L);
        assertThat(types(events.get(1).getKey())).containsEntry("secret", AttributeType.STRING);
    }

    @Test
    void theActorRuleAndActorElementsApplyAsInTheLayout() {
        start(Log4jFixture.sync(config("<Actor prefix='org.springframework' name='spring'/>", "actorRule='class'",
                "<Actor prefix='org.springframework' name='spring'/>")));
        log4j.logger("org.springframework.boot.SpringApplication").info("Started JobsApplication");
        log4j.logger("com.acme.orchestratord.JobAdmission").info("Accepted job-1");
        assertThat(exported()).extracting(event -> attribute(event.getKey(), "actor"))
                .containsExactly("spring", "job-admission");
    }

    @Test
    void everyLevelHasItsSeverity() {
        start(Log4jFixture.sync(config("", "", "")));
        final Logger log = log4j.logger("com.acme.Levels");
        for (final Level level : List.of(Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR, Level.FATAL,
                Level.forName("NOTICE", 350))) {
            log.log(level, "At {}", level);
        }
        assertThat(exported()).extracting(event -> event.getKey().getSeverity() + " " + event.getKey().getSeverityText())
                .containsExactly("TRACE TRACE", "DEBUG DEBUG", "INFO INFO", "WARN WARN", "ERROR ERROR", "FATAL FATAL", "INFO NOTICE");
    }

    /** Events before the install are held, sent in order at the install; past the bound they are counted and reported. */
    @Test
    void eventsBeforeTheInstallAreHeldBoundedAndReported() {
        log4j = Log4jFixture.sync(config("", "maxPendingEvents='2'", ""));
        final Logger log = log4j.logger("com.acme.orchestratord.Boot");
        try (StatusCapture status = StatusCapture.start()) {
            log.info("Starting");
            log.info("Loaded configuration");
            log.info("Opened port 8080");
            assertThat(otlp.records()).isEmpty();
            assertThat(status.errors()).singleElement().satisfies(message -> assertThat(message)
                    .contains("NarrationOpenTelemetry \"otlp\": no OpenTelemetry installed yet and 2 events held"));
            assertThat(NarrationOpenTelemetry.install(log4j.context(), otlp.sdk())).isEqualTo(1);
            assertThat(status.errors()).hasSize(2).last().satisfies(message -> assertThat(message)
                    .contains("1 events logged before OpenTelemetry was installed were dropped")
                    .contains("https://github.com/narration-dev/log4j2-narration/blob/main/docs/opentelemetry.md#installing-opentelemetry"));
            log.info("Ready");
        }
        log4j.close();
        assertThat(otlp.records()).extracting(record -> record.getBodyValue().asString())
                .containsExactly("Starting", "Loaded configuration", "Ready");
    }

    @Test
    void anAppenderNeverInstalledReportsWhatItDidNotSendWhenItStops() {
        log4j = Log4jFixture.sync(config("", "", ""));
        log4j.logger("com.acme.orchestratord.Boot").info("Starting");
        try (StatusCapture status = StatusCapture.start()) {
            log4j.close();
            assertThat(status.errors()).anySatisfy(message -> assertThat(message)
                    .contains("NarrationOpenTelemetry \"otlp\" stopped with 1 events never sent"));
        }
    }

    /** A reconfiguration builds new appenders: they send through the instance installed for the context. */
    @Test
    void aReconfiguredAppenderSendsWhereTheOldOneDid() throws Exception {
        final String xml = config("", "", "");
        start(Log4jFixture.sync(xml));
        log4j.logger("com.acme.Reload").info("Before the reload");
        final XmlConfiguration reloaded = new XmlConfiguration(log4j.context(), new ConfigurationSource(
                new ByteArrayInputStream(xml.replace("${dir}", log4j.dir().toString()).getBytes(StandardCharsets.UTF_8))));
        log4j.context().setConfiguration(reloaded);
        final NarrationOpenTelemetryAppender appender = log4j.context().getConfiguration().getAppender("otlp");
        assertThat(appender.isInstalled()).isTrue();
        log4j.logger("com.acme.Reload").info("After the reload");
        log4j.close();
        assertThat(otlp.records()).extracting(record -> record.getBodyValue().asString())
                .containsExactly("Before the reload", "After the reload");
    }

    @Test
    void withUseGlobalOpenTelemetryItSendsThroughTheGlobalInstance() {
        GlobalOpenTelemetry.set(otlp.sdk());
        log4j = Log4jFixture.sync(config("", "useGlobalOpenTelemetry='true'", ""));
        log4j.logger("com.acme.orchestratord.Boot").info("Started with the agent's SDK");
        log4j.close();
        assertThat(otlp.records()).singleElement()
                .satisfies(record -> assertThat(record.getBodyValue().asString()).isEqualTo("Started with the agent's SDK"));
    }

    @Test
    void aBadMaxPendingEventsIsReportedAndTheDefaultUsed() {
        try (StatusCapture status = StatusCapture.start()) {
            log4j = Log4jFixture.sync(config("", "maxPendingEvents='-1'", ""));
            assertThat(status.errors()).anySatisfy(message -> assertThat(message)
                    .contains("NarrationOpenTelemetry \"otlp\": invalid maxPendingEvents=\"-1\"").contains("Using 1000"));
        }
    }
}
