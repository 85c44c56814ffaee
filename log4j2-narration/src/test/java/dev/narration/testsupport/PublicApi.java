package dev.narration.testsupport;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public API as docs/architecture.md lists it, under "## Public API", one list per published jar (a heading
 * {@code ### `log4j2-narration`}); each module's {@code ArchitectureTest} holds its jar to its list.
 */
public final class PublicApi {
    private static final Pattern LISTED = Pattern.compile("^- `(dev\\.narration[\\w.]*)`", Pattern.MULTILINE);

    private PublicApi() {}

    /** The types listed for an artifact, sorted; fails when the page has no such list. */
    public static List<String> documented(final String artifactId) throws IOException {
        final String page = Files.readString(ProjectFiles.file("docs/architecture.md"), StandardCharsets.UTF_8);
        final int section = page.indexOf("\n## Public API");
        final int start = section < 0 ? -1 : page.indexOf("\n### `" + artifactId + "`", section);
        if (start < 0) {
            throw new AssertionError("docs/architecture.md has no list \"### `" + artifactId + "`\" under \"## Public API\"");
        }
        final int end = page.indexOf("\n#", start + 1);
        final Matcher item = LISTED.matcher(page.substring(start, end < 0 ? page.length() : end));
        final List<String> types = new ArrayList<>();
        while (item.find()) {
            types.add(item.group(1));
        }
        return types.stream().sorted().toList();
    }

    /** The public types of the classes outside {@code dev.narration.internal}, nested types included, sorted. */
    public static Set<String> publicTypes(final JavaClasses classes) {
        final Set<String> types = new TreeSet<>();
        for (final JavaClass javaClass : classes) {
            if (!javaClass.getPackageName().startsWith("dev.narration.internal") && isPublic(javaClass)) {
                types.add(javaClass.getFullName().replace('$', '.'));
            }
        }
        return types;
    }

    private static boolean isPublic(final JavaClass javaClass) {
        for (JavaClass c = javaClass; c != null; c = c.getEnclosingClass().orElse(null)) {
            if (!c.getModifiers().contains(JavaModifier.PUBLIC) || c.isAnonymousClass()) {
                return false;
            }
        }
        return true;
    }
}
