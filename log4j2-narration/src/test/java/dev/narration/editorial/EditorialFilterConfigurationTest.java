package dev.narration.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.Narration;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.StatusCapture;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Filter.Result;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The filter as users configure it: in XML, at each placement, with its reports and MBean. */
class EditorialFilterConfigurationTest {
    private static final String APPENDERS = "<Appenders><File name='app' fileName='${dir}/app.log'>"
            + "<PatternLayout pattern='%m%n' alwaysWriteExceptions='false'/></File></Appenders>";

    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    @ParameterizedTest(name = "allAsync={0}")
    @ValueSource(booleans = {false, true})
    void configurationWideItChecksEachCallOnTheCallingThread(final boolean allAsync) {
        final String xml = "<Configuration status='WARN'>"
                + "<EditorialFilter name='callsite' onMismatch='DENY' reportIntervalSeconds='3600'/>" + APPENDERS
                + "<Loggers><Root level='INFO'><AppenderRef ref='app'/></Root></Loggers></Configuration>";
        final Function<String, Log4jFixture> start = allAsync ? Log4jFixture::allAsync : Log4jFixture::sync;
        final Log4jFixture log4j = start.apply(xml);
        final EditorialFilter filter = (EditorialFilter) log4j.context().getConfiguration().getFilter();
        final Logger log = log4j.logger("com.acme.orchestratord.Admission");
        final IllegalStateException refused = new IllegalStateException("connection refused");

        ThreadContext.put("correlation_id", "req-1");
        log.info("ok 1: Accepted job-{} on pool {}", 1, "default");
        log.info("Accepted {}", "x".repeat(200));
        log.info("ok 2: Worker started on GPU0");
        log.info("Worker started\nFAKE admin login");
        log.error("ok 3: Failed to connect to pool-managerd", refused);
        log.error("ok 4: Failed to connect to {}", "pool-managerd", refused);
        log.error("Failed to connect to {}", "pool-managerd");
        log.info("ok 5: {} {} {} {} {} {} {} {} {} {}", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        log.info("ok 6: {} {} {} {} {} {} {} {} {} {} {}", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        log.info((CharSequence) new StringBuilder("ok 7: a CharSequence"));
        ThreadContext.put("error_kind", "connection_refused");
        log.error("ok 8: Failed to connect to pool-managerd");
        ThreadContext.clearMap();
        log.info(Narration.action("accept").human("ok 9: Accepted job-9").correlationId("req-9"));
        log.info("Accepted job-10");
        // Neither level probes nor calls below the logger's level are events: not formatted, not counted.
        assertThat(log.isInfoEnabled()).isTrue();
        log.debug("below the level\nand broken");

        final List<String> lines = log4j.stopAndReadLines("app.log");
        assertThat(lines).hasSize(9).allSatisfy(line -> assertThat(line).startsWith("ok "));
        final EditorialStats stats = filter.violations();
        assertThat(stats.violations(Level.INFO, EditorialRule.LENGTH)).isEqualTo(1);
        assertThat(stats.violations(Level.INFO, EditorialRule.ONE_LINE)).isEqualTo(1);
        assertThat(stats.violations(Level.ERROR, EditorialRule.ERROR_KIND)).isEqualTo(1);
        assertThat(stats.violations(Level.INFO, EditorialRule.CORRELATION)).isEqualTo(1);
        assertThat(stats.total()).isEqualTo(4);
    }

    @Test
    void onALoggerItSeesTheEventAndLimitsAreSetPerInstance() {
        final String xml = "<Configuration status='WARN'>" + APPENDERS + "<Loggers>"
                + "<Logger name='com.acme.pool' level='DEBUG'>"
                + "<EditorialFilter name='pool' debug='40' requireCorrelation='false' onMatch='ACCEPT' onMismatch='DENY'/>"
                + "</Logger>"
                + "<Root level='INFO'><AppenderRef ref='app'/></Root></Loggers></Configuration>";
        final Log4jFixture log4j = Log4jFixture.sync(xml);
        final LoggerConfig pool = log4j.context().getConfiguration().getLoggerConfig("com.acme.pool");
        final EditorialFilter filter = (EditorialFilter) pool.getFilter();
        assertThat(filter.getOnMatch()).isEqualTo(Result.ACCEPT);
        assertThat(filter.standard().limit(Level.DEBUG)).isEqualTo(40);
        assertThat(filter.standard().limit(Level.INFO)).isEqualTo(100);
        assertThat(filter.standard().requiresCorrelation()).isFalse();
        final Logger log = log4j.logger("com.acme.pool.Dispatcher");
        log.debug("Selected worker-gpu0-r1 (load: 2/8)");
        log.debug("Selected worker-gpu0-r1 (load: 2/8, latency: 50ms, VRAM: 4GB free)");
        assertThat(log4j.stopAndReadLines("app.log")).containsExactly("Selected worker-gpu0-r1 (load: 2/8)");
        assertThat(filter.violations().violations(Level.DEBUG, EditorialRule.LENGTH)).isEqualTo(1);
    }

    @Test
    void aBadAttributeIsAStatusErrorNamingItAndTheDefaultStays() {
        final String xml = "<Configuration status='WARN'>"
                + "<EditorialFilter info='-1' warn='lots' correlationKey=' ' reportIntervalSeconds='-5'/>" + APPENDERS
                + "<Loggers><Root level='INFO'><AppenderRef ref='app'/></Root></Loggers></Configuration>";
        try (StatusCapture status = StatusCapture.start(); Log4jFixture log4j = Log4jFixture.sync(xml)) {
            final EditorialFilter filter = (EditorialFilter) log4j.context().getConfiguration().getFilter();
            assertThat(filter.standard().limit(Level.INFO)).isEqualTo(100);
            assertThat(filter.standard().limit(Level.WARN)).isEqualTo(120);
            assertThat(filter.standard().correlationKey()).isEqualTo("correlation_id");
            assertThat(containing(status.errors(), "EditorialFilter attribute")).containsExactly(
                    "EditorialFilter attribute correlationKey=\" \" is invalid: it must not be blank; using the default correlation_id",
                    "EditorialFilter attribute info=\"-1\" is invalid: it must be a whole number of code points >= 0 "
                            + "(0 = unlimited); using the default 100",
                    "EditorialFilter attribute warn=\"lots\" is invalid: it must be a whole number of code points >= 0 "
                            + "(0 = unlimited); using the default 120",
                    "EditorialFilter attribute reportIntervalSeconds=\"-5\" is invalid: it must be >= 0; using the default 60");
        }
    }

    @Test
    void reportsNeverQuoteASecret() {
        final String token = "ghp_" + "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW11ySowm";
        final String xml = "<Configuration status='WARN'>" + APPENDERS + "<Loggers>"
                + "<Root level='INFO'><EditorialFilter name='secretive'/><AppenderRef ref='app'/></Root>"
                + "</Loggers></Configuration>";
        try (StatusCapture status = StatusCapture.start(); Log4jFixture log4j = Log4jFixture.sync(xml)) {
            // No correlation id, so the event violates a rule and is reported; the filter sits before any redaction.
            log4j.logger("com.acme.orchestratord.Admission").info("Cloning with token {}", token);
            final List<String> reports = containing(status.warnings(), "EditorialFilter \"secretive\"");
            assertThat(reports).singleElement().asString().contains("Cloning with token [REDACTED:").doesNotContain(token.substring(4, 14));
        }
    }

    @Test
    void violationsAreReportedOncePerLoggerAndRuleThenRateLimited() throws InterruptedException {
        final String xml = "<Configuration status='WARN'>" + APPENDERS + "<Loggers>"
                + "<Root level='INFO'><EditorialFilter name='limited' reportIntervalSeconds='1'/><AppenderRef ref='app'/></Root>"
                + "</Loggers></Configuration>";
        try (StatusCapture status = StatusCapture.start(); Log4jFixture log4j = Log4jFixture.sync(xml)) {
            ThreadContext.put("correlation_id", "req-1");
            final Logger admission = log4j.logger("com.acme.orchestratord.Admission");
            final Logger pool = log4j.logger("com.acme.pool.Dispatcher");
            for (int i = 0; i < 50; i++) {
                admission.info("Accepted job-{}\r\nFAKE 2026-01-01 INFO admin logged in", i);
            }
            pool.info("Dispatched job-1\nto worker-gpu0-r1");
            final List<String> reports = containing(status.warnings(), "EditorialFilter \"limited\"");
            assertThat(reports).containsExactly(
                    "EditorialFilter \"limited\": an event breaks rule one_line (contains CR or LF): level=INFO "
                            + "logger=com.acme.orchestratord.Admission human=\"Accepted job-0\\r\\nFAKE 2026-01-01 INFO admin logged in\"",
                    "EditorialFilter \"limited\": an event breaks rule one_line (contains CR or LF): level=INFO "
                            + "logger=com.acme.pool.Dispatcher human=\"Dispatched job-1\\nto worker-gpu0-r1\" "
                            + "(49 more violations of rule one_line since the last report were not reported)");

            Thread.sleep(1_100); // past the interval: the next repeat is reported, the one after it is not
            admission.info("Accepted job-{}\nFAKE", 98);
            admission.info("Accepted job-{}\nFAKE", 99);
            assertThat(containing(status.warnings(), "EditorialFilter \"limited\"")).hasSize(3).last().asString()
                    .endsWith("one_line (contains CR or LF): level=INFO logger=com.acme.orchestratord.Admission "
                            + "human=\"Accepted job-98\\nFAKE\"");

            admission.info("{}", "a".repeat(300));
            assertThat(containing(status.warnings(), "rule length")).singleElement().asString()
                    .contains("(300 code points, limit 100): level=INFO ", " human=\"" + "a".repeat(60) + "…\"");

            // The quote is a logfmt value: its quotes, backslashes and C1 controls are escaped too.
            log4j.logger("com.acme.workerd.Worker").info("Said \"hi\" from C:\\tmp\u0085\n");
            assertThat(containing(status.warnings(), "logger=com.acme.workerd.Worker")).singleElement().asString()
                    .contains(" human=\"Said \\\"hi\\\" from C:\\\\tmp\\u0085\\n\"");
        }
    }

    private static List<String> containing(final List<String> messages, final String text) {
        return messages.stream().filter(message -> message.contains(text)).collect(Collectors.toList());
    }

    @Test
    void countsAreAnMBeanUntilTheConfigurationStops() throws Exception {
        final String xml = "<Configuration status='WARN'>" + APPENDERS + "<Loggers>"
                + "<Root level='INFO'><AppenderRef ref='app'><EditorialFilter/></AppenderRef>"
                + "<AppenderRef ref='app'><EditorialFilter name='second' report='false'/></AppenderRef></Root>"
                + "</Loggers></Configuration>";
        final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        final Log4jFixture log4j = Log4jFixture.sync(xml);
        final ObjectName name = new ObjectName("dev.narration:type=EditorialFilter,context="
                + ObjectName.quote(log4j.context().getName()) + ",name=\"EditorialFilter-1\"");
        assertThat(server.isRegistered(name)).isTrue();
        assertThat(server.queryNames(new ObjectName("dev.narration:name=\"second\",*"), null)).isEmpty();

        log4j.logger("com.acme.orchestratord.Admission").warn("Queue depth: 95/100 (95% capacity, consider scaling)");
        assertThat(server.getAttribute(name, "TotalViolations")).isEqualTo(1L);
        final TabularData violations = (TabularData) server.getAttribute(name, "Violations");
        assertThat(violations.get(new Object[] {"WARN.correlation"}).get("value")).isEqualTo(1L);
        assertThat(violations.get(new Object[] {"INFO.length"}).get("value")).isEqualTo(0L);
        assertThat((String) server.getAttribute(name, "Standard")).contains("INFO=100", "requireCorrelation=true");

        log4j.close();
        assertThat(server.isRegistered(name)).isFalse();
    }

    @Test
    void aReconfigurationKeepsTheMBeanOfTheNewFilter() throws Exception {
        final String xml = "<Configuration status='WARN'>" + APPENDERS + "<Loggers>"
                + "<Root level='INFO'><EditorialFilter name='root'/><AppenderRef ref='app'/></Root>"
                + "</Loggers></Configuration>";
        final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try (Log4jFixture log4j = Log4jFixture.sync(xml)) {
            final EditorialFilter first = (EditorialFilter) log4j.context().getConfiguration().getRootLogger().getFilter();
            log4j.context().reconfigure(new XmlConfiguration(log4j.context(),
                    new ConfigurationSource(new ByteArrayInputStream(xml.replace("${dir}", log4j.dir().toString())
                            .getBytes(StandardCharsets.UTF_8)))));
            final EditorialFilter second = (EditorialFilter) log4j.context().getConfiguration().getRootLogger().getFilter();
            assertThat(second).isNotSameAs(first);
            assertThat(second.getMBeanName()).isEqualTo(first.getMBeanName());
            assertThat(server.isRegistered(second.getMBeanName())).isTrue();
            log4j.logger("a").info("no correlation");
            assertThat(server.getAttribute(second.getMBeanName(), "TotalViolations")).isEqualTo(1L);
            assertThat(first.violations().total()).isZero();
        }
    }
}
