package dev.narration.internal.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.narration.testsupport.ProjectFiles;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Messages send users to the docs by address (docs/architecture.md, "Messages to users"): the one address is the
 * root pom's {@code <url>} plus {@code /blob/main/docs/}, every page named exists, every anchor named is a heading
 * of its page, and no string in the main code names a page any other way ({@code docs/async.md}, {@code see
 * checks.md}), so every message that names a page goes through {@link DocPages}.
 */
class DocPagesTest {
    private static final Pattern PAGE_MENTION = Pattern.compile("[\\w-]+\\.md\\b");
    /** {@code DocPages.ASYNC + "#disruptor-4-loses-events"} in a source. */
    private static final Pattern ANCHORED = Pattern.compile("DocPages\\.([A-Z_]+)\\s*\\+\\s*\"#([\\w-]+)");
    /** The modules whose main code may print messages. */
    private static final List<String> MAIN_SOURCES = List.of("log4j2-narration/src/main/java", "log4j2-narration-testing/src/main/java");

    @Test
    void theAddressIsThePomsUrl() throws Exception {
        final Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(ProjectFiles.file("pom.xml").toFile()).getDocumentElement();
        String url = null;
        for (Node child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
            if ("url".equals(child.getNodeName())) {
                url = child.getTextContent().trim();
            }
        }
        assertThat(DocPages.PROJECT_URL).isEqualTo(url);
        assertThat(DocPages.BASE).isEqualTo(url + "/blob/main/docs/");
    }

    @Test
    void everyPageNamedExists() throws Exception {
        final List<String> pages = pages();
        assertThat(pages).contains(DocPages.ASYNC, DocPages.BUFFERING, DocPages.CHECKS);
        for (final String page : pages) {
            assertThat(page).startsWith(DocPages.BASE);
            assertThat(ProjectFiles.file("docs/" + page.substring(DocPages.BASE.length()))).as(page).isRegularFile();
        }
    }

    @Test
    void everyAnchorNamedIsAHeadingOfItsPage() throws Exception {
        int anchors = 0;
        for (final Path source : mainSources()) {
            final Matcher anchored = ANCHORED.matcher(Files.readString(source, StandardCharsets.UTF_8));
            while (anchored.find()) {
                final Field page = DocPages.class.getField(anchored.group(1));
                final String file = ((String) page.get(null)).substring(DocPages.BASE.length());
                assertThat(anchorsOf(ProjectFiles.file("docs/" + file))).as(source + ": " + anchored.group())
                        .contains(anchored.group(2));
                anchors++;
            }
        }
        assertThat(anchors).as("anchored page references in the main code").isGreaterThan(5);
    }

    @Test
    void noStringOfTheMainCodeNamesAPageOtherwise() throws IOException {
        final List<String> found = new ArrayList<>();
        for (final Path source : mainSources()) {
            if (source.getFileName().toString().equals("DocPages.java")) {
                continue;
            }
            for (final String literal : stringLiterals(Files.readString(source, StandardCharsets.UTF_8))) {
                if (PAGE_MENTION.matcher(literal).find() || literal.contains("docs/")) {
                    found.add(source.getFileName() + ": \"" + literal + "\"");
                }
            }
        }
        assertThat(found).as("strings that name a docs page without DocPages").isEmpty();
    }

    private static List<String> pages() throws IllegalAccessException {
        final List<String> pages = new ArrayList<>();
        for (final Field field : DocPages.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && !field.getName().equals("PROJECT_URL") && !field.getName().equals("BASE")) {
                pages.add((String) field.get(null));
            }
        }
        return pages;
    }

    private static List<Path> mainSources() throws IOException {
        final List<Path> sources = new ArrayList<>();
        for (final String root : MAIN_SOURCES) {
            final Path dir = ProjectFiles.file(root);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(path -> path.toString().endsWith(".java")).sorted().forEach(sources::add);
                }
            }
        }
        assertThat(sources).as("main sources").hasSizeGreaterThan(50);
        return sources;
    }

    /** GitHub's anchors of a page's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static Set<String> anchorsOf(final Path page) throws IOException {
        final Set<String> anchors = new HashSet<>();
        for (final String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                final String title = line.replaceFirst("^#+\\s*", "").trim().toLowerCase(Locale.ROOT);
                anchors.add(title.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    /** The string literals of a Java source, comments left out (text blocks and char literals are skipped too). */
    private static List<String> stringLiterals(final String source) {
        final List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < source.length()) {
            final char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = endOfLine(source, i);
            } else if (source.startsWith("/*", i)) {
                final int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                final int end = source.indexOf("\"\"\"", i + 3);
                literals.add(source.substring(i + 3, end < 0 ? source.length() : end));
                i = end < 0 ? source.length() : end + 3;
            } else if (c == '"' || c == '\'') {
                final StringBuilder literal = new StringBuilder();
                int j = i + 1;
                while (j < source.length() && source.charAt(j) != c) {
                    if (source.charAt(j) == '\\') {
                        j++;
                    }
                    literal.append(source.charAt(Math.min(j, source.length() - 1)));
                    j++;
                }
                if (c == '"') {
                    literals.add(literal.toString());
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static int endOfLine(final String source, final int from) {
        final int end = source.indexOf('\n', from);
        return end < 0 ? source.length() : end;
    }
}
