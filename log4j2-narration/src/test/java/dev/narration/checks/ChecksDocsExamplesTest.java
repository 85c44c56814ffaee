package dev.narration.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.testsupport.ProjectFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example of docs/checks.md marked {@code <!-- fires: <check> -->} or {@code <!-- fires: nothing -->} is
 * compiled with the plugin, as statements of a method (or, marked {@code fires in a class}, as members of a class),
 * and fires exactly the check it is shown for.
 */
class ChecksDocsExamplesTest {
    private static final Pattern EXAMPLE =
            Pattern.compile("<!-- fires( in a class)?: ([a-z]+) -->\\n```java\\n(.*?)```", Pattern.DOTALL);
    private static final String IMPORTS = "import dev.narration.Correlation;\nimport dev.narration.Narration;\n"
            + "import dev.narration.CorrelationScope;\nimport org.apache.logging.log4j.LogManager;\n"
            + "import org.apache.logging.log4j.Logger;\n";

    @Test
    void everyExampleFiresTheCheckItIsShownFor(@TempDir final Path dir) throws Exception {
        final String doc = Files.readString(ProjectFiles.file("docs/checks.md"), StandardCharsets.UTF_8);
        final Matcher example = EXAMPLE.matcher(doc);
        final List<Path> sources = new ArrayList<>();
        final List<String> expected = new ArrayList<>();
        while (example.find()) {
            final String name = "Example" + sources.size();
            final String body = example.group(1) == null
                    ? "    void example(final String jobId, final String name, final String model, final String incomingId,"
                            + " final Exception failure) throws Exception {\n" + example.group(3) + "    }\n"
                    : example.group(3);
            final Path source = dir.resolve(name + ".java");
            Files.writeString(source, IMPORTS + "\nclass " + name + " {\n    private static final Logger log = "
                    + "LogManager.getLogger();\n\n" + body + "}\n", StandardCharsets.UTF_8);
            sources.add(source);
            expected.add(name + " " + example.group(2));
        }
        assertThat(sources).hasSizeGreaterThanOrEqualTo(17);

        final SampleCompilation compilation = SampleCompilation.compileFiles("-Xplugin:Narration", sources);
        assertThat(compilation.otherProblems()).isEmpty();
        final List<String> fired = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            final String name = "Example" + i;
            final List<String> checks = compilation.findings().stream().filter(f -> f.file().equals(name + ".java"))
                    .map(SampleCompilation.Finding::check).toList();
            fired.add(name + " " + (checks.isEmpty() ? "nothing" : String.join(",", checks)));
        }
        assertThat(fired).isEqualTo(expected);
    }
}
