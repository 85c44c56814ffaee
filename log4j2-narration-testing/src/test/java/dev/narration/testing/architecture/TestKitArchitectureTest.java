package dev.narration.testing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import dev.narration.testing.NarrationCapture;
import dev.narration.testsupport.PublicApi;
import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The test kit's side of docs/architecture.md: this jar holds the package {@code dev.narration.testing} alone, it
 * reads events through the bundle's public API only (never {@code dev.narration.internal}, which may change in
 * any release of the bundle), and its public types are exactly the documented list.
 */
class TestKitArchitectureTest {
    /** The classes of this module's jar: the location the test kit's classes are loaded from. */
    private static final JavaClasses KIT = new ClassFileImporter().importLocations(Set.of(
            Location.of(NarrationCapture.class.getProtectionDomain().getCodeSource().getLocation())));

    @Test
    void theJarHoldsTheTestKitPackageAlone() {
        assertThat(KIT.contain(NarrationCapture.class.getName())).isTrue();
        assertThat(KIT.stream().map(javaClass -> javaClass.getPackageName()).distinct()).containsExactly("dev.narration.testing");
    }

    /** The layout's package too: the capture reads events as the configured {@code NarrationJsonLayout} does. */
    @Test
    void theTestKitUsesTheBundlesPublicApiOnly() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.narration.internal..").check(KIT);
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.apache.logging.log4j..",
                "dev.narration", "dev.narration.event", "dev.narration.editorial", "dev.narration.layout",
                "dev.narration.testing").check(KIT);
    }

    @Test
    void thePublicTypesAreExactlyTheDocumentedOnes() throws IOException {
        assertThat(PublicApi.documented("log4j2-narration-testing")).containsExactlyElementsOf(PublicApi.publicTypes(KIT));
    }
}
