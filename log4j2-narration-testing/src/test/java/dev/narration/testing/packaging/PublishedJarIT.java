package dev.narration.testing.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The test kit's jar as it is published: its own module name, the test kit's classes and the licence, no Log4j plugin
 * descriptor (it has no plugins: the bundle's plugins stay in the bundle's jar), and sources and javadoc jars beside
 * it, as the bundle has. Runs after {@code package}, against the built jar (failsafe; a name starting with
 * {@code Test} would be surefire's, before the jar exists).
 */
class PublishedJarIT {
    private final File jar = new File(System.getProperty("testkit.jar"));

    @Test
    void theJarHoldsTheTestKitUnderItsOwnModuleName() throws Exception {
        try (JarFile jarFile = new JarFile(jar)) {
            assertThat(jarFile.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo("dev.narration.testing");
            final List<String> classes = Collections.list(jarFile.entries()).stream().map(JarEntry::getName)
                    .filter(name -> name.endsWith(".class")).toList();
            assertThat(classes).contains("dev/narration/testing/NarrationCapture.class", "dev/narration/testing/CapturedNarration.class")
                    .allMatch(name -> name.startsWith("dev/narration/testing/"));
            assertThat(jarFile.getEntry("META-INF/LICENSE")).isNotNull();
            assertThat(jarFile.getEntry("META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat")).isNull();
        }
    }

    @Test
    void sourcesAndJavadocJarsAreBuiltBesideIt() throws Exception {
        final String base = jar.getName().substring(0, jar.getName().length() - ".jar".length());
        for (final String kind : List.of("sources", "javadoc")) {
            final File attached = new File(jar.getParentFile(), base + "-" + kind + ".jar");
            assertThat(attached).as(kind).isFile();
            // The javadoc is laid out under the module name: dev.narration.testing/dev/narration/testing/….html.
            final String page = kind.equals("sources") ? "dev/narration/testing/NarrationCapture.java"
                    : "dev.narration.testing/dev/narration/testing/NarrationCapture.html";
            try (JarFile jarFile = new JarFile(attached)) {
                assertThat(jarFile.getEntry(page)).as(kind + ": " + page).isNotNull();
            }
        }
    }
}
