package dev.narration.internal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The 20,000 real log lines of LogHub ({@code src/test/resources/loghub}, with their licence and citation) hold {@code password}, {@code token}, {@code key}, hex ids
 * and base64 in harmless roles: every one must pass through unchanged, as the very same string.
 */
class CleanLogsTest {
    @Test
    void everyRealLogLinePassesUnchanged() throws IOException, URISyntaxException {
        final LongAdder secondStage = new LongAdder();
        final RedactionEngine redactor = new RedactionEngine("clean-logs", defaults(), List.of(), RedactionEngine.DEFAULT_MASK,
                RedactionEngine.DEFAULT_MAX_SCAN_LENGTH, List.of(), secondStage);
        final List<String> changed = new ArrayList<>();
        int lines = 0;
        int linesToSecondStage = 0;
        for (final Path file : logFiles()) {
            for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                lines++;
                final long before = secondStage.sum();
                final String out = redactor.redact(line);
                if (secondStage.sum() > before) {
                    linesToSecondStage++;
                }
                if (out != line) {
                    changed.add(file.getFileName() + ": " + line + "\n  -> " + out);
                }
            }
        }
        System.out.printf("LogHub: %d lines, %d passed the first stage to a matcher (%.1f%%), %d changed%n",
                lines, linesToSecondStage, 100.0 * linesToSecondStage / lines, changed.size());
        assertThat(lines).isEqualTo(20_000);
        assertThat(changed).isEmpty();
    }

    static boolean[] defaults() {
        final boolean[] enabled = new boolean[BuiltInRule.ALL.length];
        for (final BuiltInRule rule : BuiltInRule.ALL) {
            enabled[rule.ordinal()] = !rule.optional();
        }
        return enabled;
    }

    private static List<Path> logFiles() throws IOException, URISyntaxException {
        final Path dir = Paths.get(CleanLogsTest.class.getResource("/loghub/LICENSE").toURI()).getParent();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".log")).sorted().toList();
        }
    }
}
