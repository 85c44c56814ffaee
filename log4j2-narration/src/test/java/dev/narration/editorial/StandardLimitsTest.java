package dev.narration.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.internal.editorial.StandardLimits;
import dev.narration.testsupport.ProjectFiles;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The one source of the default limits, which the javac plugin shares: in the order of {@link LevelBand}, the
 * limits {@link EditorialStandard#defaults()} applies, and the ones docs/editorial.md states.
 */
class StandardLimitsTest {
    @Test
    void levelsAreInTheOrderOfTheBands() {
        assertThat(StandardLimits.levelCount()).isEqualTo(LevelBand.LEVELS.length);
        for (int band = 0; band < LevelBand.LEVELS.length; band++) {
            assertThat(StandardLimits.levelName(band)).isEqualTo(LevelBand.LEVELS[band].name());
            assertThat(StandardLimits.indexOf(LevelBand.LEVELS[band].name().toLowerCase(java.util.Locale.ROOT))).isEqualTo(band);
            assertThat(LevelBand.of(LevelBand.LEVELS[band])).isEqualTo(band);
        }
        assertThat(StandardLimits.indexOf("OFF")).isEqualTo(-1);
    }

    @Test
    void theDefaultsAreTheStandardsAndTheDocumentedOnes() throws Exception {
        final String doc = Files.readString(ProjectFiles.file("docs/editorial.md"));
        final int[] defaults = StandardLimits.defaults();
        for (int band = 0; band < defaults.length; band++) {
            assertThat(EditorialStandard.defaults().limit(LevelBand.LEVELS[band])).isEqualTo(defaults[band]);
            final Matcher row = Pattern.compile("\n\\| " + StandardLimits.levelName(band) + " \\| ([a-z0-9]+) \\|").matcher(doc);
            assertThat(row.find()).as(StandardLimits.levelName(band)).isTrue();
            assertThat(row.group(1)).isEqualTo(defaults[band] == StandardLimits.UNLIMITED ? "unlimited" : Integer.toString(defaults[band]));
        }
        assertThat(defaults).containsExactly(0, 150, 100, 120, 150, 0);
    }
}
