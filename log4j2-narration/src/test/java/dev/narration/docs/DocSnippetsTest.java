package dev.narration.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.testsupport.ProjectFiles;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code ```java} block of README.md and docs/*.md compiles, against the tests' class path (Log4j, SLF4J,
 * JUnit, the OpenTelemetry SDK and appender) and the test kit's sources (log4j2-narration-testing), so a reader who
 * copies one with its imports gets code that builds.
 * The convention, also in CONTRIBUTING.md:
 *
 * <ul>
 *   <li>A block starts with its imports. The rest is statements, compiled as the body of one method: what it uses
 *       it declares.</li>
 *   <li>An HTML comment on the line before the fence says otherwise: {@code <!-- compile: members -->} (fields,
 *       methods and nested types, compiled inside a class), {@code <!-- compile: unit -->} (a whole source file),
 *       {@code <!-- compile: quote WHOSE -->} (a quotation of someone else's source, such as Log4j's, not compiled;
 *       it says whose), {@code <!-- compile: excerpt PATH -->} (lines of a source file of this repository that the
 *       build compiles, such as the Spring Boot example's, which needs a class path of its own: every line of the
 *       block is in that file, in order; a line {@code // …} stands for the lines left out).</li>
 *   <li>A block marked {@code <!-- fires: CHECK -->} (docs/checks.md) shows what the javac plugin reports: it is
 *       compiled with the plugin by {@code ChecksDocsExamplesTest}, in the setting that page states, not here.</li>
 *   <li>{@code name=N} names a block; {@code after=N} makes a block of the same kind continue block {@code N} of the
 *       same file: compiled with its imports and text first, as a reader who pastes both in order would.</li>
 * </ul>
 *
 * <p>Each block compiles in a package of its own, so two blocks may declare the same names.
 */
class DocSnippetsTest {
    private static final Pattern FENCE = Pattern.compile("^```java\\s*$");
    private static final Pattern MARKER = Pattern.compile("^<!--\\s*compile:\\s*(.*?)\\s*-->\\s*$");
    /** The marker of an example that {@code ChecksDocsExamplesTest} compiles with the javac plugin. */
    private static final Pattern CHECK_EXAMPLE = Pattern.compile("^<!-- fires( in a class)?: [a-z]+ -->\\s*$");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?[\\w.]+(\\.\\*)?\\s*;\\s*(//.*)?$");

    private enum Kind { STATEMENTS, MEMBERS, UNIT, QUOTE, EXCERPT, CHECK_EXAMPLE }

    /** One block: where it is, how it is compiled, and its text split into imports and the rest. */
    private static final class Block {
        final String file;
        final int fenceLine;
        final int number;
        final Kind kind;
        final String name;
        final String after;
        final String quoted;
        final List<String> imports = new ArrayList<>();
        final List<Integer> importLines = new ArrayList<>();
        final List<String> body = new ArrayList<>();
        final List<Integer> bodyLines = new ArrayList<>();

        Block(final String file, final int fenceLine, final int number, final Kind kind, final String name,
                final String after, final String quoted) {
            this.file = file;
            this.fenceLine = fenceLine;
            this.number = number;
            this.kind = kind;
            this.name = name;
            this.after = after;
            this.quoted = quoted;
        }

        String where() {
            return file + ":" + fenceLine + " (java block #" + number + ")";
        }

        String packageName() {
            return "snippets." + file.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT) + ".block" + number;
        }
    }

    /** The generated source of one block and, for each of its lines, the Markdown line it came from (0: generated). */
    private static final class Source extends SimpleJavaFileObject {
        final Block block;
        final String text;
        final List<Integer> origin;

        Source(final Block block, final String typeName, final String text, final List<Integer> origin) {
            super(URI.create("string:///" + block.packageName().replace('.', '/') + "/" + typeName + ".java"), Kind.SOURCE);
            this.block = block;
            this.text = text;
            this.origin = origin;
        }

        @Override
        public CharSequence getCharContent(final boolean ignoreEncodingErrors) {
            return text;
        }
    }

    @TestFactory
    Stream<DynamicTest> everyJavaBlockInTheDocsCompiles() throws IOException {
        final Path root = ProjectFiles.root();
        final List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        final List<Block> blocks = new ArrayList<>();
        for (final Path file : files) {
            blocks.addAll(blocksOf(root.relativize(file).toString().replace(File.separatorChar, '/'),
                    Files.readAllLines(file, StandardCharsets.UTF_8)));
        }
        assertThat(blocks).as("java blocks in the docs").hasSizeGreaterThan(10);

        final List<Source> sources = new ArrayList<>();
        final List<DynamicTest> tests = new ArrayList<>();
        for (final Block block : blocks) {
            if (block.kind == Kind.QUOTE) {
                tests.add(DynamicTest.dynamicTest(block.where() + " quotes " + block.quoted,
                        () -> assertThat(block.quoted).as(block.where() + ": say whose source it quotes").isNotBlank()));
            } else if (block.kind == Kind.CHECK_EXAMPLE) {
                tests.add(DynamicTest.dynamicTest(block.where() + " is a javac plugin example",
                        () -> assertThat(block.file).as(block.where() + ": fires-examples live in docs/checks.md, "
                                + "where ChecksDocsExamplesTest compiles them").isEqualTo("docs/checks.md")));
            } else if (block.kind == Kind.EXCERPT) {
                tests.add(DynamicTest.dynamicTest(block.where() + " is an excerpt of " + block.quoted,
                        () -> isAnExcerpt(block, root.resolve(block.quoted))));
            } else {
                sources.add(sourceOf(block, blocks));
            }
        }
        final Map<Source, List<String>> errors = compile(sources);
        for (final Source source : sources) {
            tests.add(DynamicTest.dynamicTest(source.block.where(),
                    () -> assertThat(errors.get(source)).as(source.block.where() + " compiles; the generated source:\n"
                            + numbered(source.text)).isEmpty()));
        }
        return tests.stream();
    }

    private static List<Block> blocksOf(final String file, final List<String> lines) {
        final List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!FENCE.matcher(lines.get(i)).matches()) {
                continue;
            }
            Kind kind = Kind.STATEMENTS;
            String name = null;
            String after = null;
            String quoted = null;
            final Matcher marker = i > 0 ? MARKER.matcher(lines.get(i - 1)) : null;
            if (i > 0 && CHECK_EXAMPLE.matcher(lines.get(i - 1)).matches()) {
                kind = Kind.CHECK_EXAMPLE;
            } else if (marker != null && marker.matches()) {
                final String[] words = marker.group(1).split("\\s+");
                for (int w = 0; w < words.length; w++) {
                    final String word = words[w];
                    if (word.startsWith("name=")) {
                        name = word.substring(5);
                    } else if (word.startsWith("after=")) {
                        after = word.substring(6);
                    } else if (word.equals("quote") || word.equals("excerpt")) {
                        kind = word.equals("quote") ? Kind.QUOTE : Kind.EXCERPT;
                        quoted = String.join(" ", List.of(words).subList(w + 1, words.length));
                        break;
                    } else {
                        kind = Kind.valueOf(word.toUpperCase(Locale.ROOT));
                    }
                }
            }
            final Block block = new Block(file, i + 1, blocks.size() + 1, kind, name, after, quoted);
            boolean inImports = true;
            int j = i + 1;
            for (; j < lines.size() && !lines.get(j).startsWith("```"); j++) {
                final String line = lines.get(j);
                if (inImports && IMPORT.matcher(line.trim()).matches()) {
                    block.imports.add(line);
                    block.importLines.add(j + 1);
                } else if (inImports && line.isBlank()) {
                    continue;
                } else {
                    inImports = false;
                    block.body.add(line);
                    block.bodyLines.add(j + 1);
                }
            }
            blocks.add(block);
            i = j;
        }
        return blocks;
    }

    /** Every non-blank line of the block, trimmed, is a line of the file, in the same order. */
    private static void isAnExcerpt(final Block block, final Path file) throws IOException {
        assertThat(file).as(block.where() + ": the excerpt's file").isRegularFile();
        final List<String> source = Files.readAllLines(file, StandardCharsets.UTF_8);
        final List<String> lines = new ArrayList<>(block.imports);
        lines.addAll(block.body);
        int at = 0;
        for (final String line : lines) {
            if (line.isBlank() || line.trim().equals("// …")) {
                continue;
            }
            while (at < source.size() && !source.get(at).trim().equals(line.trim())) {
                at++;
            }
            assertThat(at).as(block.where() + ": \"" + line.trim() + "\" in " + block.quoted + ", after the lines before it")
                    .isLessThan(source.size());
            at++;
        }
    }

    private static Source sourceOf(final Block block, final List<Block> all) {
        final List<Block> chain = new ArrayList<>();
        for (Block at = block; at != null; at = earlier(at, all)) {
            chain.add(0, at);
        }
        for (final Block link : chain) {
            assertThat(link.kind).as(block.where() + " continues " + link.where() + ": the same kind").isEqualTo(block.kind);
        }
        final List<String> text = new ArrayList<>();
        final List<Integer> origin = new ArrayList<>();
        final String type = block.kind == Kind.UNIT ? publicTypeOf(chain) : "Snippet";
        text.add("package " + block.packageName() + ";");
        origin.add(0);
        for (final Block link : chain) {
            text.addAll(link.imports);
            origin.addAll(link.importLines);
        }
        if (block.kind == Kind.STATEMENTS) {
            text.add("class Snippet { void snippet() throws Exception {");
            origin.add(0);
        } else if (block.kind == Kind.MEMBERS) {
            text.add("class Snippet {");
            origin.add(0);
        }
        for (final Block link : chain) {
            text.addAll(link.body);
            origin.addAll(link.bodyLines);
        }
        if (block.kind != Kind.UNIT) {
            text.add(block.kind == Kind.STATEMENTS ? "}}" : "}");
            origin.add(0);
        }
        return new Source(block, type, String.join("\n", text) + "\n", origin);
    }

    /** The block this one continues, or null. */
    private static Block earlier(final Block block, final List<Block> all) {
        if (block.after == null) {
            return null;
        }
        for (final Block candidate : all) {
            if (candidate.file.equals(block.file) && block.after.equals(candidate.name) && candidate.fenceLine < block.fenceLine) {
                return candidate;
            }
        }
        throw new AssertionError(block.where() + ": after=" + block.after + " names no earlier block of " + block.file);
    }

    private static String publicTypeOf(final List<Block> chain) {
        final Pattern publicType = Pattern.compile("^public\\s+(?:final\\s+|abstract\\s+)*(?:class|interface|record|enum)\\s+(\\w+)");
        for (final Block link : chain) {
            for (final String line : link.body) {
                final Matcher type = publicType.matcher(line);
                if (type.find()) {
                    return type.group(1);
                }
            }
        }
        return "Snippet";
    }

    /**
     * Compiles each source in a javac task of its own (javac stops before checking types when any file of a task
     * does not parse, which would let the other blocks pass unchecked); the errors of each, with the Markdown line
     * they point at.
     */
    private static Map<Source, List<String>> compile(final List<Source> sources) throws IOException {
        final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK's compiler").isNotNull();
        final Path out = Files.createTempDirectory("doc-snippets");
        final String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // The test kit is a module that depends on this one, so its classes are not on this class path: its sources
        // are, for the snippets of docs/testing.md and docs/editorial.md (it uses the bundle's public API only).
        final String testKit = ProjectFiles.file("log4j2-narration-testing/src/main/java").toString();
        final List<String> options = List.of("--release", "17", "-proc:none", "-classpath", classPath,
                "-sourcepath", testKit, "-d", out.toString());
        final Map<Source, List<String>> errors = new HashMap<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            for (final Source source : sources) {
                final DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
                javac.getTask(null, files, diagnostics, options, null, List.of(source)).call();
                final List<String> found = new ArrayList<>();
                for (final Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
                    if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                        final int line = (int) diagnostic.getLineNumber();
                        final int markdown = line >= 1 && line <= source.origin.size() ? source.origin.get(line - 1) : 0;
                        found.add((markdown > 0 ? source.block.file + ":" + markdown : source.block.where() + ", generated line " + line)
                                + ": " + diagnostic.getMessage(Locale.ROOT));
                    }
                }
                errors.put(source, found);
            }
        }
        return errors;
    }

    private static String numbered(final String text) {
        final StringBuilder numbered = new StringBuilder();
        final String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            numbered.append(String.format(Locale.ROOT, "%4d  %s%n", i + 1, lines[i]));
        }
        return numbered.toString();
    }
}
