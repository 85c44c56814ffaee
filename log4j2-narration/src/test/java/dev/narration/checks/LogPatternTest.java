package dev.narration.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.junit.jupiter.api.Test;

/** The plugin reads patterns as Log4j's own formatter does: checked against it on every short pattern. */
class LogPatternTest {
    private static final char[] ALPHABET = {'{', '}', '\\', 'a'};

    @Test
    void countsPlaceholdersAsLog4jDoes() {
        for (final String pattern : patterns(8)) {
            assertThat(LogPattern.placeholders(pattern)).as(pattern)
                    .isEqualTo(ParameterizedMessage.countArgumentPlaceholders(pattern));
        }
    }

    @Test
    void writesWhatLog4jWritesWhenEveryArgumentIsKnown() {
        for (final String pattern : patterns(7)) {
            final int placeholders = LogPattern.placeholders(pattern);
            if (placeholders == 0) {
                continue;
            }
            final List<String> arguments = new ArrayList<>();
            for (int i = 0; i < placeholders; i++) {
                arguments.add("<" + i + ">");
            }
            final String written;
            try {
                written = new ParameterizedMessage(pattern, arguments.toArray()).getFormattedMessage();
            } catch (StringIndexOutOfBoundsException e) {
                // Log4j's formatter fails on a pattern ending in an escaped '{' (as "{}\\{"): nothing to compare.
                assertThat(pattern).endsWith("\\{");
                continue;
            }
            assertThat(LogPattern.knownPieces(pattern, arguments)).as(pattern).containsExactly(written);
        }
    }

    @Test
    void keepsPlaceholdersBeyondTheArgumentsAndThePatternOfAMessageWithoutAny() {
        assertThat(LogPattern.knownPieces("a {} b {}", List.of("X")))
                .containsExactly(new ParameterizedMessage("a {} b {}", "X").getFormattedMessage());
        assertThat(LogPattern.knownPieces("a \\{} {}", List.of())).containsExactly("a \\{} {}");
        assertThat(LogPattern.knownPieces("a \\{} b", List.of("X"))).containsExactly("a \\{} b");
    }

    @Test
    void splitsTheTextWhereAnArgumentIsNotKnown() {
        assertThat(LogPattern.knownPieces("a {} b {} c", Arrays.asList(null, "X"))).containsExactly("a ", " b X c");
        assertThat(LogPattern.knownPieces("{}{}", Arrays.asList("X", null))).containsExactly("X", "");
        assertThat(LogPattern.knownPieces("a \\{} {} c", null)).containsExactly("a {} ", " c");
    }

    /** Every pattern of up to {@code length} characters of {@link #ALPHABET}. */
    private static List<String> patterns(final int length) {
        final List<String> patterns = new ArrayList<>(List.of(""));
        for (int from = 0, n = 1; n <= length; n++) {
            final int to = patterns.size();
            for (int i = from; i < to; i++) {
                for (final char c : ALPHABET) {
                    patterns.add(patterns.get(i) + c);
                }
            }
            from = to;
        }
        return patterns;
    }
}
