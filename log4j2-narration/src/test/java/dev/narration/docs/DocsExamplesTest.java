package dev.narration.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.Narration;
import dev.narration.opentelemetry.NarrationOpenTelemetry;
import dev.narration.testsupport.InMemoryOpenTelemetry;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.ProjectFiles;
import dev.narration.testsupport.StatusCapture;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every complete {@code <Configuration>} shown in docs/ and examples/ starts without a status error, and an event
 * logged through it reaches an appender's output (a file, or the console): a user who copies one gets a working
 * configuration. Relative log paths ({@code logs/…}, {@code target/logs/…}) are redirected to a temporary
 * directory; the console is captured. The event conforms to the editorial standard, with a correlation id and an
 * error kind, so that a filter that keeps violations out lets it through. A configuration with
 * {@code <NarrationOpenTelemetry>} is given an SDK with an in-memory exporter, whose records count as written.
 */
class DocsExamplesTest {
    private static final String SENTENCE = "Documented configuration works";
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

    private static void startsCleanly(final String xml) throws IOException {
        final String redirected = xml.replace("\"target/logs/", "\"${dir}/logs/").replace("\"logs/", "\"${dir}/logs/");
        final PrintStream out = System.out;
        final PrintStream err = System.err;
        final ByteArrayOutputStream console = new ByteArrayOutputStream();
        final PrintStream captured = new PrintStream(console, true, StandardCharsets.UTF_8);
        final String written;
        System.setOut(captured);
        System.setErr(captured);
        try (StatusCapture status = StatusCapture.start(); Log4jFixture log4j = Log4jFixture.sync(redirected);
                InMemoryOpenTelemetry otlp = new InMemoryOpenTelemetry()) {
            if (xml.contains("<NarrationOpenTelemetry")) {
                NarrationOpenTelemetry.install(log4j.context(), otlp.sdk());
            }
            ThreadContext.put("correlation_id", "docs-1");
            log4j.logger("com.acme.docs.Example").error(Narration.action("verify").human(SENTENCE).field("error_kind", "none"));
            assertThat(log4j.context().getConfiguration().getAppenders()).isNotEmpty();
            log4j.close();
            assertThat(status.errors()).isEmpty();
            written = console.toString(StandardCharsets.UTF_8) + filesUnder(log4j.dir()) + bodiesOf(otlp.records());
        } finally {
            ThreadContext.clearMap();
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(written).as("what the configuration's appenders wrote").contains(SENTENCE);
    }

    /** The bodies of the records that {@code <NarrationOpenTelemetry>} sent, one a line. */
    private static String bodiesOf(final List<LogRecordData> records) {
        final StringBuilder text = new StringBuilder();
        for (final LogRecordData record : records) {
            text.append(record.getBodyValue() == null ? "" : record.getBodyValue().asString()).append('\n');
        }
        return text.toString();
    }

    /** The text of every file the configuration wrote. */
    private static String filesUnder(final Path dir) throws IOException {
        final StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (final Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                text.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return text.toString();
    }
}
