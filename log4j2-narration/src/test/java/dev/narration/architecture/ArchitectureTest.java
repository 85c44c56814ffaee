package dev.narration.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import dev.narration.testsupport.PublicApi;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The architecture of docs/architecture.md, held as rules over the main jar's classes: no package depends on itself
 * through others, the plugins and the public API depend on the internals and never the other way, the test kit is not
 * in this jar, and the public types are exactly the documented list.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages("dev.narration");
    private static final String INTERNAL = "dev.narration.internal..";

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
                        "dev.narration.buffer..", "dev.narration.checks..", "dev.narration.opentelemetry..")
                .check(MAIN);
    }

    @Test
    void internalsAreUsedByTheBundleOnly() {
        classes().that().resideInAPackage(INTERNAL)
                .should().onlyBeAccessed().byClassesThat().resideInAPackage("dev.narration..")
                .check(MAIN);
    }

    /**
     * The test kit is its own artifact (log4j2-narration-testing, whose ArchitectureTest holds it to the public API):
     * none of it is in this jar, and so no main class can use it.
     */
    @Test
    void theTestKitIsNotInTheBundle() {
        assertThat(MAIN.stream().filter(javaClass -> javaClass.getPackageName().startsWith("dev.narration.testing"))).isEmpty();
    }

    /** The public API, nested types included, is what docs/architecture.md lists for this jar under "Public API". */
    @Test
    void thePublicTypesAreExactlyTheDocumentedOnes() throws IOException {
        assertThat(PublicApi.documented("log4j2-narration")).containsExactlyElementsOf(PublicApi.publicTypes(MAIN));
    }
}
