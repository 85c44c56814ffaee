package dev.narration.editorial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.narration.Narration;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.api.Test;

/**
 * {@link EditorialStandard#check}, the rules the filter and the test kit share (docs/editorial.md, "In your tests"),
 * on single events. The test kit's assertion over captured narration is tested with the test kit
 * ({@code log4j2-narration-testing}, {@code AssertConformsTest}).
 */
class EditorialStandardTest {
    private static LogEvent event(final Level level, final Message message, final Map<String, String> context, final Throwable thrown) {
        final SortedArrayStringMap data = new SortedArrayStringMap();
        context.forEach(data::putValue);
        return Log4jLogEvent.newBuilder().setLoggerName("com.acme.orchestratord.Admission").setLevel(level)
                .setMessage(message).setContextData(data).setThrown(thrown).build();
    }

    @Test
    void eachRuleIsFoundWithItsDetail() {
        final Map<String, String> correlated = Map.of("correlation_id", "req-1");
        final EditorialStandard standard = EditorialStandard.defaults();
        assertThat(standard.check(event(Level.INFO, Narration.action("accept").target("job-123")
                .human("Accepted request; queued at position {}", 3), correlated, null))).isEmpty();
        assertThat(standard.check(event(Level.ERROR, new SimpleMessage("VRAM allocation failed on GPU0"), correlated,
                new IllegalStateException("oom")))).isEmpty();
        assertThat(standard.check(event(Level.INFO, new SimpleMessage("Accepted inference request for model 'llama-7b' with "
                + "max_tokens=150, temperature=0.7, top_p=0.9, frequency_penalty=0.5, presence_penalty=0.3, and queued at "
                + "position 3"), correlated, null))).singleElement().satisfies(violation -> {
                    assertThat(violation.rule()).isEqualTo(EditorialRule.LENGTH);
                    assertThat(violation.detail()).isEqualTo("166 code points, limit 100");
                    assertThat(violation.loggerName()).isEqualTo("com.acme.orchestratord.Admission");
                });
        assertThat(standard.check(event(Level.ERROR, new SimpleMessage("Allocation failed"), correlated, null)))
                .extracting(EditorialViolation::rule).containsExactly(EditorialRule.ERROR_KIND);
        assertThat(standard.check(event(Level.INFO, new SimpleMessage("Dispatching job to worker\nFAKE line"), Map.of(), null)))
                .extracting(v -> v.rule().id()).containsExactly("one_line", "correlation");
    }

    @Test
    void theFiltersStandardChecksByTheSameRules() {
        final EditorialFilter filter = EditorialFilter.newBuilder().setInfo(20).setRequireCorrelation(false).setReport(false).build();
        final LogEvent ready = event(Level.INFO, new SimpleMessage("Worker-gpu0-r1 ready"), Map.of(), null);
        final LogEvent long28 = event(Level.INFO, new SimpleMessage("Worker-gpu0-r1 ready on GPU0"), Map.of(), null);
        assertThat(filter.standard().check(ready)).isEmpty();
        assertThat(filter.standard().check(long28)).singleElement()
                .satisfies(v -> assertThat(v.detail()).isEqualTo("28 code points, limit 20"));
        assertThat(EditorialStandard.defaults().withLimit(Level.INFO, 20).withCorrelationRequired(false).check(long28)).hasSize(1);
    }

    @Test
    void aCustomCorrelationKeyAndErrorKindFieldsCount() {
        final LogEvent event = event(Level.ERROR, Narration.action("allocate").human("VRAM allocation failed")
                .field("error_kind", "vram"), Map.of("request_id", "r-1"), null);
        assertThat(EditorialStandard.defaults().withCorrelationKey("request_id").check(event)).isEmpty();
        assertThat(EditorialStandard.defaults().check(event)).extracting(EditorialViolation::rule)
                .containsExactly(EditorialRule.CORRELATION);
    }

    @Test
    void aNegativeLimitOrBlankKeyIsRejected() {
        assertThatThrownBy(() -> EditorialStandard.defaults().withLimit(Level.INFO, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INFO");
        assertThatThrownBy(() -> EditorialStandard.defaults().withCorrelationKey(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("correlationKey");
    }
}
