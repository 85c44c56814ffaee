package dev.narration.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each check fires on exactly the lines its sample marks ({@code // narration:<check>}) and nowhere else in it;
 * every sample also holds the code of the same kind that must stay silent.
 */
class ChecksTest {
    @ParameterizedTest
    @ValueSource(strings = {"Length.java", "Newline.java", "Blank.java", "Placeholders.java", "Concatenation.java",
        "Secret.java", "Action.java", "Scope.java", "Suppressed.java"})
    void firesOnTheMarkedLinesOnly(final String sample) {
        final SampleCompilation compilation = SampleCompilation.compile(sample);
        assertThat(compilation.otherProblems()).isEmpty();
        assertThat(compilation.expected()).isNotEmpty();
        assertThat(SampleCompilation.lines(compilation.findings())).isEqualTo(SampleCompilation.lines(compilation.expected()));
    }

    /**
     * Every javac lint but {@code classfile}: Log4j's own class files carry bnd's {@code @BaselineIgnore}, which is
     * not on a user's class path either, and that warning is about Log4j's jar, not about the code checked.
     */
    @Test
    void staysSilentOnCodeThatFollowsTheStandard() {
        final SampleCompilation compilation = SampleCompilation.compile("Clean.java", "-Xlint:all,-classfile", "-Werror");
        assertThat(compilation.otherProblems()).isEmpty();
        assertThat(compilation.findings()).isEmpty();
        assertThat(compilation.succeeded).isTrue();
    }

    @Test
    void warningsFailTheBuildUnderWerror() {
        final SampleCompilation compilation = SampleCompilation.compile("Length.java", "-Werror");
        assertThat(compilation.findings()).isNotEmpty();
        assertThat(compilation.succeeded).isFalse();
        assertThat(compilation.otherProblems()).containsExactly("ERROR line -1: warnings found and -Werror specified");
    }

    /** Maven's compiler plugin before 3.13 passes -nowarn unless told otherwise: the findings must still show, and fail. */
    @Test
    void nowarnHidesNothingAndWerrorStillFails() {
        final SampleCompilation compilation = SampleCompilation.compile("Length.java", "-nowarn", "-Werror");
        assertThat(SampleCompilation.lines(compilation.findings())).isEqualTo(SampleCompilation.lines(compilation.expected()));
        assertThat(compilation.succeeded).isFalse();
    }

    @Test
    void suppressionNamesNoLintCategoryOfJavacs() {
        final SampleCompilation compilation = SampleCompilation.compile("Suppressed.java", "-Xlint:all");
        assertThat(compilation.otherProblems()).isEmpty();
        assertThat(compilation.findings()).isNotEmpty();
    }
}
