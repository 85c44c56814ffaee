package dev.narration.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.StatusCapture;
import java.util.List;
import org.junit.jupiter.api.Test;

class LossyDisruptorCheckTest {
    @Test
    void warnsForAsyncLoggersOnDisruptor4WithLog4jUpTo2261() {
        assertThat(LossyDisruptorCheck.problem(true, 4, "2.26.1"))
                .contains("SILENTLY DISCARDS EVENTS", "Disruptor 4.x", "Log4j 2.26.1", "3.4.4", "https://github.com/narration-dev/log4j2-narration/blob/main/docs/async.md#disruptor-4-loses-events");
        assertThat(LossyDisruptorCheck.problem(true, 4, "2.24.3")).isNotNull();
        assertThat(LossyDisruptorCheck.problem(true, 4, null)).contains("unknown version");
        assertThat(LossyDisruptorCheck.problem(true, 4, "2.26.1-SNAPSHOT")).isNotNull();
    }

    @Test
    void staysQuietWhenNothingIsLost() {
        assertThat(LossyDisruptorCheck.problem(true, 3, "2.26.1")).isNull();
        assertThat(LossyDisruptorCheck.problem(false, 4, "2.26.1")).isNull();
        assertThat(LossyDisruptorCheck.problem(true, 4, "2.26.2")).isNull();
        assertThat(LossyDisruptorCheck.problem(true, 4, "2.27.0")).isNull();
        assertThat(LossyDisruptorCheck.problem(true, 4, "3.0.0-beta3")).isNull();
    }

    @Test
    void tellsDisruptor3From4ByTheClassThat4Removed() {
        final ClassLoader here = getClass().getClassLoader();
        assertThat(LossyDisruptorCheck.disruptorMajorVersion(here)).isEqualTo(3);
        assertThat(LossyDisruptorCheck.disruptorMajorVersion(hiding(here, "com.lmax.disruptor.SequenceReportingEventHandler")))
                .isEqualTo(4);
        assertThat(LossyDisruptorCheck.disruptorMajorVersion(hiding(here, "com.lmax.disruptor."))).isZero();
    }

    @Test
    void theProjectsOwnAllAsyncSetupStartsWithoutTheWarningAndADisruptor4WouldRaiseIt() {
        final List<String> errors;
        try (StatusCapture status = StatusCapture.start();
                Log4jFixture log4j = Log4jFixture.allAsync("<Configuration status='WARN'><Appenders><Null name='n'>"
                + "<NarrationJsonLayout/></Null></Appenders><Loggers><Root level='INFO'><AppenderRef ref='n'/></Root>"
                + "</Loggers></Configuration>")) {
            log4j.logger("a.b").info("started");
            assertThat(status.errors()).noneMatch(message -> message.contains("DISCARDS"));

            final ClassLoader disruptor4 = hiding(getClass().getClassLoader(), "com.lmax.disruptor.SequenceReportingEventHandler");
            LossyDisruptorCheck.warnIfLossy(log4j.context().getConfiguration(), disruptor4);
            LossyDisruptorCheck.warnIfLossy(log4j.context().getConfiguration(), disruptor4);
            errors = status.errors();
        }
        assertThat(errors).filteredOn(message -> message.contains("SILENTLY DISCARDS EVENTS")).hasSize(1);
    }

    /** A class loader that does not find classes whose names start with the given prefix. */
    private static ClassLoader hiding(final ClassLoader parent, final String prefix) {
        return new ClassLoader(null) {
            @Override
            protected Class<?> loadClass(final String name, final boolean resolve) throws ClassNotFoundException {
                if (name.startsWith(prefix)) {
                    throw new ClassNotFoundException(name);
                }
                return parent.loadClass(name);
            }
        };
    }
}
