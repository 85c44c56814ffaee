package dev.narration.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.narration.Narration;
import dev.narration.event.NarrationReader;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.trace.Trace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.message.StringMapMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NarrationCaptureTest {
    private static final String CONFIG = "<Configuration status='WARN'><Appenders><Null name='null'/></Appenders>"
            + "<Loggers>"
            + "<Logger name='com.acme.pool' level='DEBUG' additivity='false'><AppenderRef ref='null'/></Logger>"
            + "<Logger name='com.acme.orchestratord' level='INFO'/>"
            + "<Root level='INFO'><AppenderRef ref='null'/></Root></Loggers></Configuration>";

    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    @Test
    void aRequestTellsItsStoryOnceEvenThroughAdditiveLoggers() {
        try (Log4jFixture log4j = Log4jFixture.allAsync(CONFIG);
                NarrationCapture capture = NarrationCapture.attach(log4j.context())) {
            final Logger admission = log4j.logger("com.acme.orchestratord.Admission");
            final Logger pool = log4j.logger("com.acme.pool.Dispatcher");
            ThreadContext.put("correlation_id", "req-1");
            admission.info(Narration.action("accept").target("job-1").human("Accepted job-1").field("queue_position", 2));
            pool.debug(Narration.action("dispatch").target("job-1").human("Dispatched job-1 to worker-a"));
            ThreadContext.put("correlation_id", "req-2");
            admission.info("Accepted job-2");

            final List<CapturedNarration> events = capture.awaitEvents(3, Duration.ofSeconds(10));
            assertThat(events).hasSize(3);
            final List<CapturedNarration> story = capture.story("req-1");
            assertThat(story).extracting(CapturedNarration::action).containsExactly("accept", "dispatch");
            assertThat(story).extracting(CapturedNarration::actor).containsExactly("orchestratord", "pool");
            assertThat(story.get(0).field("queue_position")).isEqualTo(2L);
            assertThat(story.get(1).human()).isEqualTo("Dispatched job-1 to worker-a");
            assertThat(capture.story("req-2")).singleElement()
                    .satisfies(event -> assertThat(event.human()).isEqualTo("Accepted job-2"));
        }
    }

    @Test
    void closeDetachesAndAwaitReturnsAtTimeout() {
        try (Log4jFixture log4j = Log4jFixture.sync(CONFIG)) {
            final LoggerContext context = log4j.context();
            final NarrationCapture capture = NarrationCapture.attach(context);
            log4j.logger("com.acme.orchestratord.Admission").info("one");
            assertThat(capture.awaitEvents(2, Duration.ofMillis(50))).hasSize(1);
            capture.close();
            log4j.logger("com.acme.orchestratord.Admission").info("two");
            assertThat(capture.events()).hasSize(1);
            assertThat(context.getConfiguration().getRootLogger().getAppenders()).containsOnlyKeys("null");
        }
    }

    /** The actor rule is named as the layout's attribute; the captured event reads as the line would. */
    @Test
    void anotherActorRuleIsNamedAsTheLayoutsAttribute() {
        try (Log4jFixture log4j = Log4jFixture.sync(CONFIG);
                NarrationCapture capture = NarrationCapture.attach(log4j.context(), "class")) {
            log4j.logger("com.acme.orchestratord.JobAdmission").info(
                    new StringMapMessage().with("message", "Accepted job-1").with("target", "job-1"));
            assertThat(capture.events()).singleElement().satisfies(event -> {
                assertThat(event.actor()).isEqualTo("job-admission");
                assertThat(event.target()).isEqualTo("job-1");
                assertThat(event.fields()).isEmpty();
            });
        }
        assertThatThrownBy(() -> NarrationCapture.attach(LoggerContext.getContext(false), "module"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("package, class, logger");
    }

    /** With a reader of the layout's {@code <Actor>} prefixes, the captured actors are the line's. */
    @Test
    void aReaderWithPrefixesReadsActorsAsTheLayoutDoes() {
        final NarrationReader reader = NarrationReader.withActors("package", Map.of("org.springframework", "spring"));
        try (Log4jFixture log4j = Log4jFixture.sync(CONFIG); NarrationCapture capture = NarrationCapture.attach(log4j.context(), reader)) {
            log4j.logger("org.springframework.beans.factory.support.DefaultListableBeanFactory").info("Creating bean");
            log4j.logger("com.acme.orchestratord.Admission").info("Accepted job-1");
            assertThat(capture.events()).extracting(CapturedNarration::actor).containsExactly("spring", "orchestratord");
        }
    }

    /** The TRACE helpers' events, read through their reusable message after the asynchronous hand-off. */
    @Test
    void theTraceHelpersFieldsArriveTyped() {
        final String config = "<Configuration status='WARN'><Appenders><Null name='null'/></Appenders>"
                + "<Loggers><Root level='TRACE'><AppenderRef ref='null'/></Root></Loggers></Configuration>";
        try (Log4jFixture log4j = Log4jFixture.allAsync(config); NarrationCapture capture = NarrationCapture.attach(log4j.context())) {
            final Logger log = log4j.logger("com.acme.orchestratord.Dispatcher");
            Trace.loop(log, "select_worker", 2, 4);
            Trace.exit(log, "dispatch_job", 1_500_000L);
            final List<CapturedNarration> events = capture.awaitEvents(2, Duration.ofSeconds(10));
            assertThat(events).extracting(CapturedNarration::action).containsExactly("loop", "exit");
            assertThat(events.get(0).fields()).containsEntry("iteration", 2L).containsEntry("total", 4L);
            assertThat(events.get(1).field("elapsed_ms")).isEqualTo(1.5);
        }
    }

    /**
     * Context values arrive as strings (MDC, SLF4J key-values); the capture types, selects and renames them as the
     * layout writes them.
     */
    @Test
    void contextValuesArriveTypedAsTheLayoutWritesThem() {
        final String config = "<Configuration status='WARN'><Appenders><File name='json' fileName='${dir}/out.jsonl'>"
                + "<NarrationJsonLayout actorRule='class' typeContext='infer' contextExclude='session_*'>"
                + "<FieldType key='zip' type='string'/><FieldType key='ratio' type='double'/>"
                + "<Rename from='job_id' to='job.id'/></NarrationJsonLayout></File></Appenders>"
                + "<Loggers><Root level='INFO'><AppenderRef ref='json'/></Root></Loggers></Configuration>";
        try (Log4jFixture log4j = Log4jFixture.sync(config); NarrationCapture capture = NarrationCapture.attach(log4j.context())) {
            ThreadContext.put("user_id", "42");
            ThreadContext.put("ok", "true");
            ThreadContext.put("ratio", "1");
            ThreadContext.put("zip", "2134");
            ThreadContext.put("code", "12abc");
            ThreadContext.put("job_id", "job-1");
            ThreadContext.put("session_id", "s-91");
            log4j.logger("com.acme.orchestratord.JobAdmission").info("Accepted job-1");
            final CapturedNarration event = capture.events().get(0);
            assertThat(event.field("user_id")).isEqualTo(42L);
            assertThat(event.field("ok")).isEqualTo(true);
            assertThat(event.field("ratio")).isEqualTo(1.0);
            assertThat(event.field("zip")).isEqualTo("2134");
            assertThat(event.field("code")).isEqualTo("12abc");
            assertThat(event.field("job.id")).isEqualTo("job-1");
            assertThat(event.fields()).doesNotContainKeys("job_id", "session_id");
            assertThat(event.actor()).isEqualTo("job-admission");
        }
    }
}
