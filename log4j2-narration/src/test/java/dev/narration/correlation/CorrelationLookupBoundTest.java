package dev.narration.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.testsupport.StatusCapture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reports of unknown keys are remembered per JVM, so this runs in a test class (and a forked JVM) of its own,
 * where no other test has reported a key before.
 */
class CorrelationLookupBoundTest {
    /** Keys may come from data through a nested lookup: the reports stop at a bound, and the last one says so. */
    @Test
    void reportsOfUnknownKeysAreBounded() {
        final List<String> reports;
        try (StatusCapture status = StatusCapture.start()) {
            for (int i = 0; i < 3 * CorrelationLookup.MAX_REPORTED; i++) {
                assertThat(new CorrelationLookup().lookup("key-" + i)).isNull();
            }
            reports = status.errors().stream().filter(message -> message.contains("unknown key")).toList();
        }
        assertThat(reports).hasSize(CorrelationLookup.MAX_REPORTED);
        assertThat(reports.get(0)).startsWith("${correlation:key-0}: unknown key");
        assertThat(reports.get(reports.size() - 1)).contains("further unknown keys are not reported");
    }
}
