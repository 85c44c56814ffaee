package dev.narration.checks;

import dev.narration.Narration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.apache.logging.log4j.Logger;

/**
 * Compiles a sample source of {@code src/test/resources/checks/} with the plugin, in this JVM, against Log4j's API
 * and the bundle, and gives what the compiler reported. A sample marks each line where a check must fire with a
 * comment that starts with the check's name, {@code // narration:length}, several on one line if need be.
 */
final class SampleCompilation {
    private static final Pattern MARKER = Pattern.compile("//\\s*((?:narration:[a-z]+\\s*)+)");

    /** One warning or error, by the line it points at. */
    record Finding(String check, long line, String message, String file) {
        @Override
        public String toString() {
            return "line " + line + " " + check;
        }
    }

    final boolean succeeded;
    final List<Diagnostic<? extends JavaFileObject>> diagnostics;
    final Path source;

    private SampleCompilation(final boolean succeeded, final List<Diagnostic<? extends JavaFileObject>> diagnostics,
            final Path source) {
        this.succeeded = succeeded;
        this.diagnostics = diagnostics;
        this.source = source;
    }

    /** Compiles the sample with {@code -Xplugin:Narration} and the given extra options. */
    static SampleCompilation compile(final String sample, final String... options) {
        return compileWith("-Xplugin:Narration", sample, options);
    }

    /** Compiles the sample with the given {@code -Xplugin:} option (or none when it is {@code null}). */
    static SampleCompilation compileWith(final String plugin, final String sample, final String... options) {
        return compileFiles(plugin, List.of(sample(sample)), options);
    }

    /** Compiles source files together; {@link #expected()} reads the first one's markers. */
    static SampleCompilation compileFiles(final String plugin, final List<Path> sources, final String... options) {
        final JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        final DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
        final Path source = sources.get(0);
        try (StandardJavaFileManager files = compiler.getStandardFileManager(collector, Locale.ROOT, StandardCharsets.UTF_8)) {
            final Path out = Files.createTempDirectory("narration-checks");
            final List<String> arguments = new ArrayList<>(List.of(
                    "-classpath", classPath(), "-processorpath", bundleClasses().toString(), "-proc:none",
                    "-d", out.toString(), "-encoding", "UTF-8"));
            if (plugin != null) {
                arguments.add(plugin);
            }
            arguments.addAll(Arrays.asList(options));
            final boolean succeeded = compiler.getTask(null, files, collector, arguments, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            return new SampleCompilation(succeeded, collector.getDiagnostics(), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample's file, as the test resources hold it. */
    static Path sample(final String name) {
        try {
            return Path.of(SampleCompilation.class.getResource("/checks/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Log4j's API and the bundle, as the code a user compiles sees them. */
    static String classPath() {
        return locationOf(Logger.class) + java.io.File.pathSeparator + bundleClasses();
    }

    /** The bundle's compiled classes: its processor path. */
    static Path bundleClasses() {
        return locationOf(Narration.class);
    }

    private static Path locationOf(final Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plugin's warnings, {@code [narration:<check>]}, in the order of their lines. */
    List<Finding> findings() {
        final List<Finding> findings = new ArrayList<>();
        for (final Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
            final String message = diagnostic.getMessage(Locale.ROOT);
            final Matcher check = Pattern.compile("^\\[narration:([a-z]+)\\] ").matcher(message);
            if (diagnostic.getKind() == Diagnostic.Kind.MANDATORY_WARNING && check.find()) {
                findings.add(new Finding(check.group(1), diagnostic.getLineNumber(), message,
                        diagnostic.getSource() == null ? null : Path.of(diagnostic.getSource().toUri()).getFileName().toString()));
            }
        }
        findings.sort((a, b) -> a.line() != b.line() ? Long.compare(a.line(), b.line()) : a.check().compareTo(b.check()));
        return findings;
    }

    /** What the sample's markers expect, in the same order as {@link #findings()}. */
    List<Finding> expected() {
        final List<Finding> expected = new ArrayList<>();
        try {
            final List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                final Matcher marker = MARKER.matcher(lines.get(i));
                if (marker.find()) {
                    for (final String name : marker.group(1).trim().split("\\s+")) {
                        expected.add(new Finding(name.substring("narration:".length()), i + 1, null, source.getFileName().toString()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        expected.sort((a, b) -> a.line() != b.line() ? Long.compare(a.line(), b.line()) : a.check().compareTo(b.check()));
        return expected;
    }

    /** The findings as "line N check", for comparing with {@link #expected()}. */
    static List<String> lines(final List<Finding> findings) {
        return findings.stream().map(Finding::toString).toList();
    }

    /** Every error and warning that is not one of the plugin's, so a sample cannot fail to compile unnoticed. */
    List<String> otherProblems() {
        final List<String> problems = new ArrayList<>();
        for (final Diagnostic<? extends JavaFileObject> diagnostic : diagnostics) {
            final String message = diagnostic.getMessage(Locale.ROOT);
            if (diagnostic.getKind() != Diagnostic.Kind.NOTE && !message.startsWith("[narration:")) {
                problems.add(diagnostic.getKind() + " line " + diagnostic.getLineNumber() + ": " + message);
            }
        }
        return problems;
    }
}
