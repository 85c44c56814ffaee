package dev.narration.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.narration.Narration;
import dev.narration.testing.CapturedNarration;
import dev.narration.testing.NarrationCapture;
import dev.narration.testsupport.Log4jFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The standard as a unit-test assertion over captured narration (docs/editorial.md, "In your tests"). */
class EditorialStandardTest {
    private static final String CONFIG = "<Configuration status='WARN'><Appenders><Null name='null'/></Appenders>"
            + "<Loggers><Root level='TRACE'><AppenderRef ref='null'/></Root></Loggers></Configuration>";

    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    @Test
    void conformingNarrationPassesOnAllAsyncLoggers() {
        try (Log4jFixture log4j = Log4jFixture.allAsync(CONFIG); NarrationCapture capture = NarrationCapture.attach(log4j.context())) {
            final Logger log = log4j.logger("com.acme.orchestratord.Admission");
            ThreadContext.put("correlation_id", "req-1");
            log.info(Narration.action("accept").target("job-123")
                    .human("Accepted request; queued at position {} (ETA {} ms) on pool '{}'", 3, 420, "default"));
            log.warn("Retrying job-123 after timeout (attempt 2/5, backoff: 200ms)");
            ThreadContext.put("error_kind", "vram_exhaustion");
            log.error("VRAM allocation failed on GPU0: requested 4096MB, only 2048MB available");
            log.trace("ENTER llama_cpp_eval(ctx=0x7f8a, tokens=[1,2,3], n_tokens=3)" + ", more".repeat(100));
            final List<CapturedNarration> events = capture.awaitEvents(4, Duration.ofSeconds(10));
            assertThat(events).hasSize(4);
            NarrationCapture.assertConforms(EditorialStandard.defaults(), events);
        }
    }

    @Test
    void assertConformsListsEveryViolationWithLoggerLevelRuleAndText() {
        try (Log4jFixture log4j = Log4jFixture.sync(CONFIG); NarrationCapture capture = NarrationCapture.attach(log4j.context())) {
            final Logger admission = log4j.logger("com.acme.orchestratord.Admission");
            ThreadContext.put("correlation_id", "req-1");
            admission.info(Narration.action("accept").target("job-123").human("Accepted request; queued at position {}", 3));
            admission.error("VRAM allocation failed on GPU0", new IllegalStateException("oom"));
            admission.info("Accepted inference request for model 'llama-7b' with max_tokens=150, temperature=0.7, "
                    + "top_p=0.9, frequency_penalty=0.5, presence_penalty=0.3, and queued at position 3");
            admission.error("Allocation failed");
            ThreadContext.clearMap();
            admission.info("Dispatching job to worker\nFAKE line");

            final List<CapturedNarration> events = capture.events();
            final List<EditorialViolation> violations = violations(EditorialStandard.defaults(), events);
            assertThat(violations).extracting(v -> v.level() + " " + v.rule().id())
                    .containsExactly("INFO length", "ERROR error_kind", "INFO one_line", "INFO correlation");
            assertThat(violations.get(0).detail()).isEqualTo("166 code points, limit 100");
            assertThat(violations.get(0).loggerName()).isEqualTo("com.acme.orchestratord.Admission");

            assertThatThrownBy(() -> NarrationCapture.assertConforms(EditorialStandard.defaults(), events))
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("4 editorial violations in 5 events:\n"
                            + "  INFO com.acme.orchestratord.Admission length (166 code points, limit 100): \"Accepted inference "
                            + "request for model 'llama-7b' with max_tokens=150, temperature=0.7, top_p=0.9, "
                            + "frequency_penalty=0.5, presence_penalty=0.3, and queued at position 3\"\n"
                            + "  ERROR com.acme.orchestratord.Admission error_kind (neither error_kind nor a throwable): "
                            + "\"Allocation failed\"\n"
                            + "  INFO com.acme.orchestratord.Admission one_line (contains CR or LF): "
                            + "\"Dispatching job to worker\\nFAKE line\"\n"
                            + "  INFO com.acme.orchestratord.Admission correlation (no correlation_id): "
                            + "\"Dispatching job to worker\\nFAKE line\"");
        }
    }

    @Test
    void theFiltersStandardChecksTestsByTheSameRules() {
        final EditorialFilter filter = EditorialFilter.newBuilder().setInfo(20).setRequireCorrelation(false).setReport(false).build();
        try (Log4jFixture log4j = Log4jFixture.sync(CONFIG); NarrationCapture capture = NarrationCapture.attach(log4j.context())) {
            log4j.logger("com.acme.pool").info("Worker-gpu0-r1 ready");
            log4j.logger("com.acme.pool").info("Worker-gpu0-r1 ready on GPU0");
            assertThat(violations(filter.standard(), capture.events())).singleElement()
                    .satisfies(v -> assertThat(v.detail()).isEqualTo("28 code points, limit 20"));
            assertThat(violations(EditorialStandard.defaults().withLimit(Level.INFO, 20).withCorrelationRequired(false), capture.events()))
                    .hasSize(1);
        }
    }

    @Test
    void aCustomCorrelationKeyAndErrorKindFieldsCount() {
        try (Log4jFixture log4j = Log4jFixture.sync(CONFIG); NarrationCapture capture = NarrationCapture.attach(log4j.context())) {
            ThreadContext.put("request_id", "r-1");
            log4j.logger("a").error(Narration.action("allocate").human("VRAM allocation failed").field("error_kind", "vram"));
            final EditorialStandard standard = EditorialStandard.defaults().withCorrelationKey("request_id");
            NarrationCapture.assertConforms(standard, capture.events());
            assertThat(violations(EditorialStandard.defaults(), capture.events())).extracting(EditorialViolation::rule)
                    .containsExactly(EditorialRule.CORRELATION);
        }
    }

    /** Every violation of the events, event by event. */
    private static List<EditorialViolation> violations(final EditorialStandard standard, final List<CapturedNarration> events) {
        final List<EditorialViolation> found = new ArrayList<>();
        for (final CapturedNarration event : events) {
            found.addAll(event.violations(standard));
        }
        return found;
    }

    @Test
    void aNegativeLimitOrBlankKeyIsRejected() {
        assertThatThrownBy(() -> EditorialStandard.defaults().withLimit(Level.INFO, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INFO");
        assertThatThrownBy(() -> EditorialStandard.defaults().withCorrelationKey(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("correlationKey");
    }
}
