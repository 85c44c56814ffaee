package dev.narration.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A project's own limits, given as plugin options, and what a bad option does: fail the build, saying why. */
class PluginOptionsTest {
    @Test
    void aProjectsLimitsReplaceTheDefaultsOfTheLevelsTheyName() {
        final SampleCompilation compilation = SampleCompilation.compileWith(
                "-Xplugin:Narration length.INFO=60 length.trace=80 length.DEBUG=0", "LengthOptions.java");
        assertThat(compilation.otherProblems()).isEmpty();
        assertThat(SampleCompilation.lines(compilation.findings())).isEqualTo(SampleCompilation.lines(compilation.expected()));
        assertThat(compilation.findings().get(0).message())
                .isEqualTo("[narration:length] this INFO message is 61 code points long, over the INFO limit of 60: "
                        + "shorten the sentence and move the details into arguments or fields");
    }

    @Test
    void withoutOptionsTheStandardsLimitsApply() {
        final SampleCompilation compilation = SampleCompilation.compile("LengthOptions.java");
        assertThat(SampleCompilation.lines(compilation.findings())).containsExactly("line 16 length", "line 18 length"); // DEBUG 150, WARN 120
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "length.INFOO=80|\"INFOO\" is not a level; the levels are TRACE, DEBUG, INFO, WARN, ERROR, FATAL",
        "length.INFO=-1|the limit must be a whole number of code points >= 0 (0 = unlimited)",
        "length.INFO=eighty|the limit must be a whole number of code points >= 0 (0 = unlimited)",
        "length.INFO=99999999999|the limit must be a whole number of code points >= 0 (0 = unlimited)",
        "length.INFO|the only options are length.<LEVEL>=<code points>",
        "lenght.INFO=80|the only options are length.<LEVEL>=<code points>",
    })
    void aBadOptionIsAnErrorThatNamesItAndSaysWhatToWrite(final String option, final String problem) {
        final SampleCompilation compilation = SampleCompilation.compileWith("-Xplugin:Narration length.WARN=90 " + option,
                "Clean.java");
        assertThat(compilation.succeeded).isFalse();
        final List<String> errors = compilation.diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(Locale.ROOT)).toList();
        assertThat(errors).containsExactly("[narration] plugin option \"" + option + "\" is invalid: " + problem
                + "; for example -Xplugin:\"Narration length.INFO=80\" (see https://github.com/narration-dev/log4j2-narration/blob/main/docs/checks.md#options)");
    }
}
