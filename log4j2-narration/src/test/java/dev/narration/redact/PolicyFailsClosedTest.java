package dev.narration.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.Narration;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.LoggerMode;
import java.util.List;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.message.StringMapMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * docs/redaction.md, "Limits": behind {@code <RedactionRewritePolicy/>} at its defaults, what lies past a limit is
 * masked, never passed on, whether the layout behind reads the throwable itself (PatternLayout's {@code %ex}) or its
 * text ({@code NarrationJsonLayout}).
 */
class PolicyFailsClosedTest {
    private static final String CONFIG = "<Configuration status='WARN'><Appenders>"
            + "<File name='text' fileName='${dir}/text.log'><PatternLayout pattern='%m %X%n%ex'/></File>"
            + "<File name='json' fileName='${dir}/json.jsonl'><NarrationJsonLayout serviceName='svc'/></File>"
            + "<Rewrite name='redacted'><RedactionRewritePolicy name='fails-closed'/>"
            + "<AppenderRef ref='text'/><AppenderRef ref='json'/></Rewrite></Appenders>"
            + "<Loggers><Root level='INFO'><AppenderRef ref='redacted'/></Root></Loggers></Configuration>";

    private static String logged(final LoggerMode mode, final Object... events) {
        try (Log4jFixture log4j = mode.start(CONFIG)) {
            final Logger log = log4j.logger("com.acme.Service");
            for (final Object event : events) {
                if (event instanceof Throwable) {
                    log.error("request failed", (Throwable) event);
                } else {
                    log.info((org.apache.logging.log4j.message.Message) event);
                }
            }
            log4j.close();
            final List<String> json = log4j.readLines("json.jsonl");
            json.forEach(JsonLines::parse);
            return String.join("\n", log4j.readLines("text.log")) + "\n" + String.join("\n", json);
        }
    }

    @ParameterizedTest
    @EnumSource(LoggerMode.class)
    void theRootOfADeepCauseChainIsMasked(final LoggerMode mode) {
        Exception chain = new IllegalStateException("password=hunter2");
        for (int i = 0; i < 65; i++) {
            chain = new RuntimeException("level " + i, chain);
        }
        assertThat(logged(mode, chain)).doesNotContain("hunter2").contains("[REDACTED:password]");
    }

    @ParameterizedTest
    @EnumSource(LoggerMode.class)
    void aSecretAfterSeventySuppressedExceptionsIsMasked(final LoggerMode mode) {
        final Exception top = new RuntimeException("batch failed");
        for (int i = 0; i < 70; i++) {
            top.addSuppressed(new RuntimeException("item " + i));
        }
        top.addSuppressed(new RuntimeException("password=hunter2"));
        assertThat(logged(mode, top)).doesNotContain("hunter2");
    }

    @ParameterizedTest
    @EnumSource(LoggerMode.class)
    void aCauseCycleWhoseHeadHoldsASecretIsMasked(final LoggerMode mode) {
        final Exception head = new RuntimeException("password=hunter2");
        final Exception middle = new RuntimeException("middle", head);
        head.initCause(middle);
        assertThat(logged(mode, head)).doesNotContain("hunter2").contains("[REDACTED:password]");
    }

    @ParameterizedTest
    @EnumSource(LoggerMode.class)
    void aValueThatCannotBeRenderedIsMaskedAloneAndTheEventStays(final LoggerMode mode) {
        final Object bad = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no rendering");
            }
        };
        final String out = logged(mode,
                new StringMapMessage().with("message", "login by bob").with("user", "bob").with("broken", bad),
                new StringMapMessage().with("message", "logout by eve").with("user", "eve").with("target", bad),
                Narration.action("accept").target("job-1").human("Accepted job-1").field("broken", bad).field("queue", 3));
        assertThat(out).doesNotContain("redaction-error").contains("login by bob", "user=\"bob\"", "logout by eve", "user=\"eve\"", "Accepted job-1",
                "\"target\":\"job-1\"", "\"queue\":3");
    }
}
