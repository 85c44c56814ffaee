package dev.narration.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.LoggerMode;
import dev.narration.testsupport.StatusCapture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * docs/redaction.md#user-rules: a user rule's cost per event is bounded. A pattern that backtracks exponentially
 * ({@code (.*a){12}!x} against thirty {@code a}s and a {@code !}) is stopped after its step budget and the text is
 * masked whole with the rule's mask and counted under its name (fail closed), in the layout and in the policy; the
 * pattern is warned about at start-up, and running out of the budget is reported. The time-out only stops a rule that
 * hangs: without the budget, one such event takes seconds, and a longer text years.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UserRuleBudgetTest {
    private static final String RULE = "<RedactionRule name='slow' pattern='(.*a){12}!x'/>";
    private static final String CONFIG = "<Configuration status='WARN'><Appenders>"
            + "<File name='json' fileName='${dir}/json.jsonl'><NarrationJsonLayout>"
            + "<Redaction name='budget-layout'>" + RULE + "</Redaction></NarrationJsonLayout></File>"
            + "<File name='text' fileName='${dir}/text.log'><PatternLayout pattern='%m%n'/></File>"
            + "<Rewrite name='policy'><RedactionRewritePolicy name='budget-policy'>" + RULE + "</RedactionRewritePolicy>"
            + "<AppenderRef ref='text'/></Rewrite></Appenders>"
            + "<Loggers><Root level='INFO'><AppenderRef ref='json'/><AppenderRef ref='policy'/></Root></Loggers></Configuration>";
    private static final String HOSTILE = "a".repeat(30) + "!";

    @ParameterizedTest
    @EnumSource(LoggerMode.class)
    void aRuleThatRunsOutOfItsBudgetMasksTheTextAndTheRestGoesOn(final LoggerMode mode) {
        try (StatusCapture status = StatusCapture.start(); Log4jFixture log4j = mode.start(CONFIG)) {
            final Logger log = log4j.logger("com.acme.Service");
            log.info("admitted job-1");
            log.info(HOSTILE);
            log.info("admitted job-2");
            log4j.close();
            final List<String> json = log4j.readLines("json.jsonl");
            assertThat(json).hasSize(3);
            assertThat(JsonLines.parse(json.get(0)).get("human").asText()).isEqualTo("admitted job-1");
            assertThat(JsonLines.parse(json.get(1)).get("human").asText()).isEqualTo("[REDACTED:slow]");
            assertThat(JsonLines.parse(json.get(2)).get("human").asText()).isEqualTo("admitted job-2");
            assertThat(log4j.readLines("text.log")).containsExactly("admitted job-1", "[REDACTED:slow]", "admitted job-2");
            assertThat(Redactor.metricsOf("budget-layout").getCounts().get("slow")).isEqualTo(1L);
            assertThat(Redactor.metricsOf("budget-policy").getCounts().get("slow")).isEqualTo(1L);
            assertThat(status.messages(Level.WARN)).anySatisfy(message -> assertThat(message)
                    .contains("RedactionRule name=\"slow\"", "pattern=\"(.*a){12}!x\"", "nested quantifier"));
            assertThat(status.messages(Level.WARN)).anySatisfy(message -> assertThat(message)
                    .contains("RedactionRule name=\"slow\"", "budget-layout", "masked whole"));
        }
    }

    @Test
    void nestedQuantifiersAreFoundInThePatternsSource() {
        for (final String nested : new String[] {"(a+)+", "(.*a){12}!x", "(?:x*y)*", "((ab)+c)+", "(a{2,})*", "([a-z]+\\.)+com"}) {
            assertThat(dev.narration.internal.redact.UserRule.hasNestedQuantifier(nested)).as(nested).isTrue();
        }
        for (final String flat : new String[] {"TKS-[0-9A-F]{24}", "(ab)+", "(a|b)*", "(a+)?", "[(a+)]+", "\\(a+\\)+",
                "\\Q(a+)+\\E", "(a+){1}", "((a))+"}) {
            assertThat(dev.narration.internal.redact.UserRule.hasNestedQuantifier(flat)).as(flat).isFalse();
        }
    }
}
