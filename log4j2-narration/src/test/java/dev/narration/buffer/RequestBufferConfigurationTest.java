package dev.narration.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.Correlation;
import dev.narration.CorrelationScope;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.StatusCapture;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The buffer as users configure it: its attributes, its appender references, reconfiguration and JMX. */
class RequestBufferConfigurationTest {
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
        System.clearProperty("log4j2.disableJmx");
    }

    @ParameterizedTest(name = "{0}=\"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "level|LOUD|DEBUG",
        "level|OFF|DEBUG",
        "flushLevel|sometimes|ERROR",
        "flushLevel|TRACE|ERROR",
        "maxEvents|0|1000",
        "maxEvents|lots|1000",
        "maxRequests|-5|10000",
        "maxTotalEvents|1e6|100000",
        "maxTotalBytes|64 parsecs|64 MB",
        "maxTotalBytes|0|64 MB",
        "maxAge|60|60s",
        "maxAge|forever|60s",
        "maxAge|0s|60s",
        "maxAge|2d|60s",
        "reportIntervalSeconds|-1|60",
    })
    void anInvalidAttributeIsReportedAndReplacedByItsDefault(final String attribute, final String value, final String fallback) {
        try (StatusCapture status = StatusCapture.start();
                Log4jFixture log4j = Log4jFixture.sync(BufferedLines.config(attribute + "='" + value + "'"))) {
            assertThat(status.errors()).anySatisfy(error -> assertThat(error).contains(
                    "RequestBuffer \"requests\"", "attribute " + attribute + "=\"" + value + "\" is invalid",
                    "using the default " + fallback, "https://github.com/narration-dev/log4j2-narration/blob/main/docs/buffering.md#attributes"));
            final BufferLimits limits = BufferedLines.buffer(log4j).limits();
            assertThat(limits.toString()).as("in force").contains(attribute.equals("reportIntervalSeconds")
                    ? "maxEvents=1000" : attribute + "=" + fallback);
            assertThat(limits.reportIntervalSeconds).isEqualTo(60);
        }
    }

    @Test
    void validAttributesAreTakenAsWritten() {
        try (StatusCapture status = StatusCapture.start();
                Log4jFixture log4j = Log4jFixture.sync(BufferedLines.config("level='INFO' flushLevel='WARN' maxEvents='7' "
                        + "maxRequests='8' maxTotalEvents='9' maxTotalBytes='512KB' maxAge='PT2M' reportIntervalSeconds='0'"))) {
            assertThat(status.errors()).isEmpty();
            final BufferLimits limits = BufferedLines.buffer(log4j).limits();
            assertThat(limits.toString()).isEqualTo("level=INFO, flushLevel=WARN, maxEvents=7, maxRequests=8, "
                    + "maxTotalEvents=9, maxTotalBytes=512 KB, maxAge=120s");
            assertThat(limits.reportIntervalSeconds).isZero();
            final Logger log = log4j.logger("com.acme.orchestratord.Admission");
            try (CorrelationScope scope = Correlation.open("req-1")) {
                log.info("held at INFO");
                log.warn("flushes at WARN");
            }
            assertThat(BufferedLines.humansById(log4j.stopAndReadLines(BufferedLines.FILE)).get("req-1"))
                    .containsExactly("held at INFO", "flushes at WARN");
        }
    }

    @Test
    void anAppenderRefToNoAppenderIsReported() {
        try (StatusCapture status = StatusCapture.start();
                Log4jFixture log4j = Log4jFixture.sync("<Configuration status='WARN'><Appenders>"
                        + "<File name='json' fileName='${dir}/out.jsonl'><NarrationJsonLayout/></File>"
                        + "<RequestBuffer name='requests'><AppenderRef ref='jsno'/><AppenderRef ref='requests'/></RequestBuffer>"
                        + "</Appenders><Loggers><Root level='TRACE'><AppenderRef ref='requests'/></Root></Loggers></Configuration>")) {
            assertThat(status.errors()).anySatisfy(error -> assertThat(error)
                    .contains("RequestBuffer \"requests\" <AppenderRef ref=\"jsno\"> names no configured appender", "json"));
            assertThat(status.errors()).anySatisfy(error -> assertThat(error)
                    .contains("<AppenderRef ref=\"requests\"> refers to the buffer itself"));
            assertThat(status.errors()).anySatisfy(error -> assertThat(error)
                    .contains("has no <AppenderRef> to a configured appender, so it writes nothing"));
        }
    }

    @Test
    void aBufferWithoutAppenderRefIsNotCreated() {
        try (StatusCapture status = StatusCapture.start();
                Log4jFixture log4j = Log4jFixture.sync("<Configuration status='WARN'><Appenders>"
                        + "<RequestBuffer name='requests'/></Appenders><Loggers><Root level='TRACE'/></Loggers></Configuration>")) {
            assertThat(status.errors()).anySatisfy(error -> assertThat(error)
                    .contains("RequestBuffer \"requests\" has no <AppenderRef>", "https://github.com/narration-dev/log4j2-narration/blob/main/docs/buffering.md#attributes"));
            assertThat(log4j.context().getConfiguration().<RequestBuffer>getAppender("requests")).isNull();
        }
    }

    @Test
    void aBufferBehindAnAsyncAppenderThatFeedsOthersWarns() {
        try (StatusCapture status = StatusCapture.start();
                Log4jFixture log4j = Log4jFixture.sync(BufferedLines.configWith("",
                        "<File name='other' fileName='${dir}/other.jsonl'><NarrationJsonLayout/></File>"
                                + "<Async name='async'><AppenderRef ref='requests'/><AppenderRef ref='other'/></Async>",
                        "<Root level='TRACE'><AppenderRef ref='async'/></Root>"))) {
            assertThat(status.warnings()).anySatisfy(warning -> assertThat(warning).contains(
                    "RequestBuffer \"requests\" is behind the Async appender \"async\", which also feeds \"other\"",
                    "Put the RequestBuffer in front of the Async appender"));
        }
    }

    @ParameterizedTest(name = "allAsync={0}")
    @ValueSource(booleans = {false, true})
    void onReconfigurationTheOldBufferDropsWhatItHeldAndTheNewOneWorks(final boolean allAsync) throws Exception {
        try (StatusCapture status = StatusCapture.start()) {
            final Log4jFixture log4j = BufferedLines.starter(allAsync).apply(BufferedLines.config(""));
            final RequestBuffer old = BufferedLines.buffer(log4j);
            final Logger log = log4j.logger("com.acme.orchestratord.Admission");
            try (CorrelationScope scope = Correlation.open("req-across")) {
                log.debug("held by the old configuration");
                log.debug("also held by the old configuration");
                awaitHeld(old, 2);
                final String xml = BufferedLines.config("").replace("${dir}", log4j.dir().toString());
                log4j.context().setConfiguration(new XmlConfiguration(log4j.context(),
                        new ConfigurationSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))));
                final RequestBuffer current = BufferedLines.buffer(log4j);
                assertThat(current).isNotSameAs(old);
                assertThat(old.isStopped()).isTrue();
                assertThat(old.counters().dropped(DropCause.STOP)).isEqualTo(2);
                BufferedLines.assertBalanced(old);
                assertThat(status.warnings()).anySatisfy(warning -> assertThat(warning).contains(
                        "RequestBuffer \"requests\" stopped: dropped 2 held events of 1 requests, never to be written"));

                log.debug("held by the new configuration");
                log.error("failed");
            }
            try (CorrelationScope scope = Correlation.open("req-after")) {
                log.debug("dropped at the end");
            }
            final RequestBuffer current = BufferedLines.buffer(log4j);
            final Map<String, List<String>> byId = BufferedLines.humansById(log4j.stopAndReadLines(BufferedLines.FILE));
            assertThat(current.counters().dropped(DropCause.REQUEST_END)).as("the end reaches the new buffer").isEqualTo(1);
            assertThat(current.counters().dropped(DropCause.STOP)).isZero();
            assertThat(byId.get("req-across")).containsExactly("held by the new configuration", "failed");
            assertThat(byId).doesNotContainKey("req-after");
        }
    }

    /** Until the buffer has held that many events (on the background thread with async loggers), at most 30 s. */
    private static void awaitHeld(final RequestBuffer buffer, final long events) throws InterruptedException {
        final long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (buffer.counters().held() < events && System.nanoTime() - deadline < 0) {
            Thread.sleep(1);
        }
        assertThat(buffer.counters().held()).as("events held").isEqualTo(events);
    }

    @Test
    void aLoggerConfiguredUnderTheEndsNameIsLeftAloneWithAWarning() {
        try (StatusCapture status = StatusCapture.start();
                Log4jFixture log4j = Log4jFixture.sync(BufferedLines.configWith("", "",
                        "<Logger name='dev.narration.buffer.RequestEnd' level='TRACE'/>"
                                + "<Root level='TRACE'><AppenderRef ref='requests'/></Root>"))) {
            assertThat(status.warnings()).anySatisfy(warning -> assertThat(warning).contains(
                    "the configuration has its own <Logger name=\"dev.narration.buffer.RequestEnd\">", "remove it"));
            assertThat(log4j.context().getConfiguration().getLoggers().get(RequestEnds.LOGGER_NAME).getAppenders()).isEmpty();
        }
    }

    @Test
    void countersAreReadableOverJmxUntilTheBufferStops() throws Exception {
        final Log4jFixture log4j = Log4jFixture.sync(BufferedLines.config("maxEvents='2'"));
        final RequestBuffer buffer = BufferedLines.buffer(log4j);
        final ObjectName name = new ObjectName("dev.narration:type=RequestBuffer,name=\"requests\"");
        assertThat(buffer.getMBeanName()).isEqualTo(name);
        final Logger log = log4j.logger("com.acme.orchestratord.Admission");
        try (CorrelationScope scope = Correlation.open("req-1")) {
            log.debug("one");
            log.debug("two");
            log.debug("three");
            assertThat(SERVER.getAttribute(name, "HeldEventsNow")).isEqualTo(2L);
            assertThat(SERVER.getAttribute(name, "HeldRequestsNow")).isEqualTo(1L);
            assertThat((Long) SERVER.getAttribute(name, "HeldBytesNow")).isGreaterThan(2L * EventCopy.FIXED_BYTES);
            log.error("failed");
        }
        try (CorrelationScope scope = Correlation.open("req-2")) {
            log.debug("dropped at the end");
        }
        assertThat(SERVER.getAttribute(name, "Held")).isEqualTo(4L);
        assertThat(SERVER.getAttribute(name, "Flushed")).isEqualTo(2L);
        assertThat(SERVER.getAttribute(name, "Flushes")).isEqualTo(1L);
        assertThat(SERVER.getAttribute(name, "TotalDropped")).isEqualTo(2L);
        assertThat(SERVER.getAttribute(name, "HeldEventsNow")).isEqualTo(0L);
        assertThat(SERVER.getAttribute(name, "Limits")).asString().contains("maxEvents=2", "flushLevel=ERROR");
        final TabularData dropped = (TabularData) SERVER.getAttribute(name, "Dropped");
        assertThat(dropped.size()).isEqualTo(DropCause.count());
        for (final Object row : dropped.values()) {
            final CompositeData entry = (CompositeData) row;
            final String cause = (String) entry.get("key");
            final long expected = cause.equals("maxEvents") || cause.equals("requestEnd") ? 1L : 0L;
            assertThat(entry.get("value")).as(cause).isEqualTo(expected);
        }
        log4j.close();
        assertThat(SERVER.isRegistered(name)).as("after stop").isFalse();
    }

    @Test
    void noMBeanWhenLog4jJmxIsDisabled() throws Exception {
        System.setProperty("log4j2.disableJmx", "true");
        try (Log4jFixture log4j = Log4jFixture.sync(BufferedLines.config(""))) {
            assertThat(BufferedLines.buffer(log4j).getMBeanName()).isNull();
            assertThat(SERVER.isRegistered(new ObjectName("dev.narration:type=RequestBuffer,name=\"requests\""))).isFalse();
        }
    }

    @Test
    void theBuilderBuildsWhatTheXmlWould() {
        try (Log4jFixture log4j = Log4jFixture.sync(BufferedLines.config(""))) {
            final RequestBuffer built = RequestBuffer.newBuilder().setName("built")
                    .setConfiguration(log4j.context().getConfiguration())
                    .setAppenderRefs(org.apache.logging.log4j.core.config.AppenderRef.createAppenderRef("json", null, null))
                    .setLevel(Level.TRACE).setFlushLevel(Level.WARN).setMaxEvents(5).setMaxRequests(6).setMaxTotalEvents(7)
                    .setMaxTotalBytes(1L << 20).setMaxAge(java.time.Duration.ofSeconds(90)).setReportIntervalSeconds(5).build();
            assertThat(built.limits().toString()).isEqualTo("level=TRACE, flushLevel=WARN, maxEvents=5, maxRequests=6, "
                    + "maxTotalEvents=7, maxTotalBytes=1 MB, maxAge=90s");
        }
    }
}
