package dev.narration.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin as a user's build runs it: the JDK's own {@code javac}, in a process of its own, with the bundle's
 * classes alone on the processor path. Log4j is on the class path of the code compiled, which the plugin's class
 * loader does not see: were the plugin, or the part of the redaction engine it calls, to load a Log4j class,
 * javac would fail here with a {@code NoClassDefFoundError}.
 */
class SeparateJavacTest {
    @Test
    @Timeout(120)
    void runsWithTheBundleAloneOnTheProcessorPath(@TempDir final Path out) throws Exception {
        final Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        final List<String> samples = List.of("Secret.java", "Length.java", "Scope.java");
        final List<String> command = new java.util.ArrayList<>(List.of(javac.toString(),
                "-processorpath", SampleCompilation.bundleClasses().toString(),
                "-classpath", SampleCompilation.classPath(),
                "-Xplugin:Narration", "-proc:none", "-encoding", "UTF-8", "-d", out.toString()));
        int expected = 0;
        for (final String sample : samples) {
            command.add(SampleCompilation.sample(sample).toString());
            expected += SampleCompilation.compile(sample).expected().size();
        }
        final Process process = new ProcessBuilder(command).directory(out.toFile()).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(output).doesNotContain("Exception", "Error:", "error:");
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output.split("warning: \\[narration:", -1)).as(output).hasSize(expected + 1);
        assertThat(output).contains("Secret.java:12: warning: [narration:secret]",
                "Length.java:18: warning: [narration:length]", "Scope.java:10: warning: [narration:scope]");
        assertThat(SampleCompilation.classPath()).contains("log4j-api").doesNotStartWith(File.pathSeparator);
    }
}
