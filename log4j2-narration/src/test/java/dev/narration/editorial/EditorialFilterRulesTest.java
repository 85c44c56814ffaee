package dev.narration.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.Narration;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Filter.Result;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.ContextDataFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.apache.logging.log4j.util.StringMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule of the standard, on the event path, with the filter built as a user's XML would build it. */
class EditorialFilterRulesTest {
    private static final Map<String, String> CORRELATED = Map.of("correlation_id", "req-1");
    private static final Map<String, String> CORRELATED_ERROR = Map.of("correlation_id", "req-1", "error_kind", "vram_exhaustion");

    private static EditorialFilter.Builder strict() {
        return EditorialFilter.newBuilder().setOnMatch(Result.ACCEPT).setOnMismatch(Result.DENY).setReport(false);
    }

    private static LogEvent event(final Level level, final Message message, final Map<String, String> context) {
        return Log4jLogEvent.newBuilder().setLoggerName("com.acme.orchestratord.Admission").setLevel(level)
                .setMessage(message).setContextData(context(context)).build();
    }

    private static StringMap context(final Map<String, String> entries) {
        final StringMap data = ContextDataFactory.createContextData();
        entries.forEach(data::putValue);
        return data;
    }

    private static LogEvent event(final Level level, final String text) {
        return event(level, new SimpleMessage(text), level == Level.ERROR ? CORRELATED_ERROR : CORRELATED);
    }

    private static String text(final int codePoints, final String unit) {
        return unit.repeat(codePoints);
    }

    @ParameterizedTest(name = "{0}: {1} code points allowed")
    @CsvSource({"DEBUG, 150", "INFO, 100", "WARN, 120", "ERROR, 150"})
    void eachLevelHasItsDefaultLimitInCodePoints(final String levelName, final int limit) {
        final EditorialFilter filter = strict().build();
        final Level level = Level.toLevel(levelName);
        assertThat(filter.filter(event(level, text(limit, "a")))).isEqualTo(Result.ACCEPT);
        assertThat(filter.filter(event(level, text(limit + 1, "a")))).isEqualTo(Result.DENY);
        // An emoji is two chars but one code point: the limit counts what a reader sees.
        assertThat(filter.filter(event(level, text(limit, "🎫")))).isEqualTo(Result.ACCEPT);
        assertThat(filter.filter(event(level, text(limit + 1, "🎫")))).isEqualTo(Result.DENY);
        assertThat(filter.violations().violations(level, EditorialRule.LENGTH)).isEqualTo(2);
        assertThat(filter.standard().limit(level)).isEqualTo(limit);
    }

    @ParameterizedTest
    @CsvSource({"TRACE", "FATAL"})
    void traceAndFatalAreUnlimited(final String levelName) {
        final EditorialFilter filter = strict().build();
        assertThat(filter.filter(event(Level.toLevel(levelName), text(10_000, "x")))).isEqualTo(Result.ACCEPT);
        assertThat(filter.standard().limit(Level.toLevel(levelName))).isEqualTo(EditorialStandard.UNLIMITED);
    }

    @Test
    void aCustomLevelFollowsTheNextLessSevereStandardLevel() {
        final Level notice = Level.forName("NOTICE", 350);
        final EditorialFilter filter = strict().build();
        assertThat(filter.filter(event(notice, text(100, "a")))).isEqualTo(Result.ACCEPT);
        assertThat(filter.filter(event(notice, text(101, "a")))).isEqualTo(Result.DENY);
        assertThat(filter.violations().violations(Level.INFO, EditorialRule.LENGTH)).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"})
    void humanIsOneLineAndNotBlankAtEveryLevel(final String levelName) {
        final Level level = Level.toLevel(levelName);
        final EditorialFilter filter = strict().build();
        assertThat(filter.filter(event(level, "Accepted job-1\nFAKE Admin logged in"))).isEqualTo(Result.DENY);
        assertThat(filter.filter(event(level, "Accepted job-1\r"))).isEqualTo(Result.DENY);
        assertThat(filter.filter(event(level, " \t "))).isEqualTo(Result.DENY);
        assertThat(filter.filter(event(level, ""))).isEqualTo(Result.DENY);
        assertThat(filter.violations().violations(level, EditorialRule.ONE_LINE)).isEqualTo(2);
        assertThat(filter.violations().violations(level, EditorialRule.NOT_BLANK)).isEqualTo(2);
    }

    @Test
    void aNarrationWithoutSentenceIsBlankAndItsOwnSentenceIsMeasured() {
        final EditorialFilter filter = strict().build();
        assertThat(filter.filter(event(Level.INFO, Narration.action("accept").target("job-1"), CORRELATED)))
                .isEqualTo(Result.DENY);
        assertThat(filter.filter(event(Level.INFO, Narration.action("accept").human("Accepted {}", "job-1"), CORRELATED)))
                .isEqualTo(Result.ACCEPT);
        assertThat(filter.filter(event(Level.INFO, Narration.action("accept").human("{}", text(101, "a")), CORRELATED)))
                .isEqualTo(Result.DENY);
    }

    @Test
    void aMapMessageIsMeasuredByItsMessageEntry() {
        final EditorialFilter filter = strict().build();
        final StringMapMessage ok = new StringMapMessage().with("message", "Accepted job-1").with("job_id", "job-1");
        final StringMapMessage tooLong = new StringMapMessage().with("message", text(101, "a")).with("job_id", "job-1");
        assertThat(filter.filter(event(Level.INFO, ok, CORRELATED))).isEqualTo(Result.ACCEPT);
        assertThat(filter.filter(event(Level.INFO, tooLong, CORRELATED))).isEqualTo(Result.DENY);
    }

    /** Without a {@code message} entry a map has no sentence, whatever its entries: the standard asks for one. */
    @Test
    void aMapMessageWithoutAMessageEntryIsBlank() {
        final EditorialFilter filter = strict().build();
        final StringMapMessage entriesOnly = new StringMapMessage().with("job_id", "job-1").with("queue_position", "3");
        assertThat(filter.filter(event(Level.INFO, entriesOnly, CORRELATED))).isEqualTo(Result.DENY);
        assertThat(filter.violations().violations(Level.INFO, EditorialRule.NOT_BLANK)).isEqualTo(1);
        assertThat(filter.violations().total()).isEqualTo(1);
        // A map's own correlation_id entry counts, as the context's would.
        final StringMapMessage correlated = new StringMapMessage().with("message", "Accepted job-1")
                .with("correlation_id", "req-9");
        assertThat(filter.filter(event(Level.INFO, correlated, Map.of()))).isEqualTo(Result.ACCEPT);
    }

    @ParameterizedTest
    @CsvSource({"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"})
    void aCorrelationIdIsRequiredAtEveryLevel(final String levelName) {
        final Level level = Level.toLevel(levelName);
        final EditorialFilter filter = strict().setRequireErrorKind(false).build();
        assertThat(filter.filter(event(level, new SimpleMessage("Dispatching job to worker-gpu0-r1"), Map.of())))
                .isEqualTo(Result.DENY);
        assertThat(filter.filter(event(level, new SimpleMessage("Dispatching job"), Map.of("correlation_id", ""))))
                .isEqualTo(Result.DENY);
        assertThat(filter.violations().violations(level, EditorialRule.CORRELATION)).isEqualTo(2);
        assertThat(filter.filter(event(level, Narration.action("dispatch").human("Dispatching job").correlationId("req-9"), Map.of())))
                .as("a Narration's own correlation id counts")
                .isEqualTo(Result.ACCEPT);
    }

    @Test
    void theCorrelationKeyAndRuleAreConfigurable() {
        final EditorialFilter requestId = strict().setCorrelationKey("request_id").build();
        assertThat(requestId.filter(event(Level.INFO, new SimpleMessage("Accepted"), Map.of("request_id", "r-1"))))
                .isEqualTo(Result.ACCEPT);
        assertThat(requestId.filter(event(Level.INFO, new SimpleMessage("Accepted"), CORRELATED))).isEqualTo(Result.DENY);
        final EditorialFilter relaxed = strict().setRequireCorrelation(false).build();
        assertThat(relaxed.filter(event(Level.INFO, new SimpleMessage("Accepted"), Map.of()))).isEqualTo(Result.ACCEPT);
    }

    @Test
    void anErrorCarriesAnErrorKindOrAThrowable() {
        final EditorialFilter filter = strict().build();
        final String sentence = "VRAM allocation failed on GPU0: requested 4096MB, only 2048MB available";
        assertThat(filter.filter(event(Level.ERROR, new SimpleMessage(sentence), CORRELATED))).isEqualTo(Result.DENY);
        assertThat(filter.filter(event(Level.ERROR, new SimpleMessage(sentence), CORRELATED_ERROR))).isEqualTo(Result.ACCEPT);
        assertThat(filter.filter(event(Level.ERROR, Narration.action("allocate").human(sentence).field("error_kind", "vram"), CORRELATED)))
                .isEqualTo(Result.ACCEPT);
        final LogEvent withThrowable = Log4jLogEvent.newBuilder().setLoggerName("a").setLevel(Level.ERROR)
                .setMessage(new SimpleMessage(sentence)).setThrown(new IllegalStateException("oom"))
                .setContextData(context(CORRELATED)).build();
        assertThat(filter.filter(withThrowable)).isEqualTo(Result.ACCEPT);
        assertThat(filter.filter(event(Level.FATAL, new SimpleMessage(sentence), CORRELATED)))
                .as("only ERROR needs an error kind")
                .isEqualTo(Result.ACCEPT);
        assertThat(filter.violations().violations(Level.ERROR, EditorialRule.ERROR_KIND)).isEqualTo(1);
        assertThat(strict().setRequireErrorKind(false).build().filter(event(Level.ERROR, new SimpleMessage(sentence), CORRELATED)))
                .isEqualTo(Result.ACCEPT);
        assertThat(strict().setErrorKindKey("failure").build()
                        .filter(event(Level.ERROR, new SimpleMessage(sentence), Map.of("correlation_id", "r", "failure", "oom"))))
                .isEqualTo(Result.ACCEPT);
    }

    @Test
    void customLimitsWithZeroForUnlimited() {
        final EditorialFilter filter = strict().setInfo(20).setWarn(0).setTrace(10).build();
        assertThat(filter.filter(event(Level.INFO, text(21, "a")))).isEqualTo(Result.DENY);
        assertThat(filter.filter(event(Level.WARN, text(5_000, "a")))).isEqualTo(Result.ACCEPT);
        assertThat(filter.filter(event(Level.TRACE, text(11, "a")))).isEqualTo(Result.DENY);
    }

    @Test
    void aViolationOfSeveralRulesCountsUnderEach() {
        final EditorialFilter filter = strict().build();
        filter.filter(event(Level.ERROR, new SimpleMessage(text(151, "a") + "\n"), Map.of()));
        final EditorialStats stats = filter.violations();
        assertThat(stats.violations(Level.ERROR, EditorialRule.LENGTH)).isEqualTo(1);
        assertThat(stats.violations(Level.ERROR, EditorialRule.ONE_LINE)).isEqualTo(1);
        assertThat(stats.violations(Level.ERROR, EditorialRule.CORRELATION)).isEqualTo(1);
        assertThat(stats.violations(Level.ERROR, EditorialRule.ERROR_KIND)).isEqualTo(1);
        assertThat(stats.total()).isEqualTo(4);
        assertThat(stats.asMap()).hasSize(30).containsEntry("ERROR.one_line", 1L).containsEntry("INFO.length", 0L);
        assertThat(stats.toString()).isEqualTo("{ERROR.length=1, ERROR.one_line=1, ERROR.correlation=1, ERROR.error_kind=1}");
    }

    @Test
    void onMatchAndOnMismatchDefaultToNeutral() {
        final EditorialFilter filter = EditorialFilter.newBuilder().setReport(false).build();
        assertThat(filter.getOnMatch()).isEqualTo(Result.NEUTRAL);
        assertThat(filter.getOnMismatch()).isEqualTo(Result.NEUTRAL);
        assertThat(filter.filter(event(Level.INFO, text(500, "a")))).isEqualTo(Result.NEUTRAL);
        assertThat(filter.violations().total()).isEqualTo(1);
    }
}
