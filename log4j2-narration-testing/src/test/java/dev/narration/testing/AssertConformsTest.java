package dev.narration.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.narration.Narration;
import dev.narration.editorial.EditorialRule;
import dev.narration.editorial.EditorialStandard;
import dev.narration.editorial.EditorialViolation;
import dev.narration.testsupport.Log4jFixture;
import java.time.Duration;
import java.util.List;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The standard as a unit-test assertion over captured narration (docs/editorial.md, "In your tests"). */
class AssertConformsTest {
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
            assertThat(events.get(3).violations(EditorialStandard.defaults())).extracting(EditorialViolation::rule)
                    .containsExactly(EditorialRule.ERROR_KIND);
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
    void aCustomStandardIsAppliedAsGiven() {
        try (Log4jFixture log4j = Log4jFixture.sync(CONFIG); NarrationCapture capture = NarrationCapture.attach(log4j.context())) {
            ThreadContext.put("request_id", "r-1");
            log4j.logger("a").error(Narration.action("allocate").human("VRAM allocation failed").field("error_kind", "vram"));
            NarrationCapture.assertConforms(EditorialStandard.defaults().withCorrelationKey("request_id"), capture.events());
            assertThatThrownBy(() -> NarrationCapture.assertConforms(EditorialStandard.defaults(), capture.events()))
                    .hasMessageContaining("correlation (no correlation_id)");
        }
    }
}
