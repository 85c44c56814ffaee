package dev.narration.docs;

import dev.narration.testsupport.ProjectFiles;
import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.StatusCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every complete {@code <Configuration>} shown in docs/ and examples/ starts without a status error and logs an
 * event: a user who copies one gets a working configuration. Relative log paths ({@code logs/…},
 * {@code target/logs/…}) are redirected to a temporary directory.
 */
class DocsExamplesTest {
    private static final Pattern XML_BLOCK = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL);

    @TestFactory
    Stream<DynamicTest> everyDocumentedConfigurationWorks() throws IOException {
        final Path project = ProjectFiles.root();
        final List<DynamicTest> tests = new ArrayList<>();
        final List<Path> sources = new ArrayList<>();
        try (Stream<Path> docs = Files.list(project.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(sources::add);
        }
        try (Stream<Path> examples = Files.list(project.resolve("examples"))) {
            examples.filter(path -> path.toString().endsWith(".xml")).sorted().forEach(sources::add);
        }
        for (final Path source : sources) {
            final String text = Files.readString(source, StandardCharsets.UTF_8);
            final List<String> configurations = new ArrayList<>();
            if (source.toString().endsWith(".xml")) {
                if (text.contains("<Configuration")) {
                    configurations.add(text);
                }
            } else {
                final Matcher block = XML_BLOCK.matcher(text);
                while (block.find()) {
                    if (block.group(1).contains("<Configuration")) {
                        configurations.add(block.group(1));
                    }
                }
            }
            for (int i = 0; i < configurations.size(); i++) {
                final String xml = configurations.get(i);
                tests.add(DynamicTest.dynamicTest(project.relativize(source) + " #" + (i + 1), () -> startsCleanly(xml)));
            }
        }
        assertThat(tests).as("documented configurations").isNotEmpty();
        return tests.stream();
    }

    private static void startsCleanly(final String xml) {
        final String redirected = xml.replace("\"target/logs/", "\"${dir}/logs/").replace("\"logs/", "\"${dir}/logs/");
        try (StatusCapture status = StatusCapture.start(); Log4jFixture log4j = Log4jFixture.sync(redirected)) {
            log4j.logger("com.acme.docs.Example").error("Documented configuration works");
            assertThat(log4j.context().getConfiguration().getAppenders()).isNotEmpty();
            assertThat(status.errors()).isEmpty();
        }
    }
}
