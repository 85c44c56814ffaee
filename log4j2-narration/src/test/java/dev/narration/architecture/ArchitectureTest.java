package dev.narration.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import dev.narration.testsupport.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The architecture of docs/architecture.md, held as rules over the main jar's classes: no package depends on itself
 * through others, the plugins and the public API depend on the internals and never the other way, no main class uses
 * the test kit, the test kit uses the public API only, and the public types are exactly the documented list.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("dev.narration");
    private static final String INTERNAL = "dev.narration.internal..";
    private static final Pattern LISTED = Pattern.compile("^- `(dev\\.narration[\\w.]*)`", Pattern.MULTILINE);

    @Test
    void theMainJarIsImported() {
        assertThat(MAIN.contain("dev.narration.Narration")).isTrue();
        assertThat(MAIN.contain("dev.narration.internal.event.EventNarration")).isTrue();
        assertThat(MAIN.stream().noneMatch(javaClass -> javaClass.getSimpleName().endsWith("Test"))).isTrue();
    }

    /** Every package is a slice, the root package too: a cycle between any two packages fails. */
    @Test
    void noPackageDependsOnItselfThroughOthers() {
        SlicesRuleDefinition.slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(final JavaClass javaClass) {
                return SliceIdentifier.of(javaClass.getPackageName());
            }

            @Override
            public String getDescription() {
                return "packages of dev.narration";
            }
        }).should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void internalsNeverDependOnThePluginsOrThePublicPackages() {
        noClasses().that().resideInAPackage(INTERNAL)
                .should().dependOnClassesThat().resideInAnyPackage("dev.narration.layout..", "dev.narration.redact..",
                        "dev.narration.editorial..", "dev.narration.correlation..", "dev.narration.template..",
                        "dev.narration.pattern..", "dev.narration.trace..", "dev.narration.event..",
                        "dev.narration.testing..")
                .check(MAIN);
    }

    @Test
    void internalsAreUsedByTheBundleOnlyAndNotByTheTestKit() {
        classes().that().resideInAPackage(INTERNAL)
                .should().onlyBeAccessed().byClassesThat().resideInAPackage("dev.narration..")
                .check(MAIN);
        noClasses().that().resideInAPackage("dev.narration.testing..")
                .should().dependOnClassesThat().resideInAPackage(INTERNAL)
                .check(MAIN);
    }

    @Test
    void noMainClassUsesTheTestKit() {
        noClasses().that().resideOutsideOfPackage("dev.narration.testing..")
                .should().dependOnClassesThat().resideInAPackage("dev.narration.testing..")
                .check(MAIN);
    }

    /** The public API, nested types included, is what docs/architecture.md lists under "Public API". */
    @Test
    void thePublicTypesAreExactlyTheDocumentedOnes() throws IOException {
        final Set<String> actual = new TreeSet<>();
        for (final JavaClass javaClass : MAIN) {
            if (!javaClass.getPackageName().startsWith("dev.narration.internal") && isPublic(javaClass)) {
                actual.add(javaClass.getFullName().replace('$', '.'));
            }
        }
        assertThat(documented()).containsExactlyElementsOf(actual);
    }

    private static boolean isPublic(final JavaClass javaClass) {
        for (JavaClass c = javaClass; c != null; c = c.getEnclosingClass().orElse(null)) {
            if (!c.getModifiers().contains(JavaModifier.PUBLIC) || c.isAnonymousClass()) {
                return false;
            }
        }
        return true;
    }

    /** The types listed, one per item, in the section "## Public API" of docs/architecture.md. */
    private static List<String> documented() throws IOException {
        final String page = Files.readString(ProjectFiles.root().resolve("docs/architecture.md"), StandardCharsets.UTF_8);
        final int start = page.indexOf("\n## Public API");
        assertThat(start).as("docs/architecture.md has a section \"## Public API\"").isNotNegative();
        final int end = page.indexOf("\n## ", start + 1);
        final Matcher item = LISTED.matcher(page.substring(start, end < 0 ? page.length() : end));
        final List<String> types = new ArrayList<>();
        while (item.find()) {
            types.add(item.group(1));
        }
        return types.stream().sorted().toList();
    }
}
