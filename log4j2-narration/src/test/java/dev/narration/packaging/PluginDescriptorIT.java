package dev.narration.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.testsupport.JsonLines;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.processor.PluginCache;
import org.apache.logging.log4j.core.config.plugins.processor.PluginEntry;
import org.junit.jupiter.api.Test;

/**
 * The jar users add registers every plugin through the generated descriptor, so no {@code packages=} attribute is
 * ever needed. Runs after {@code package}, against the built jar itself.
 */
class PluginDescriptorIT {
    private static final String DESCRIPTOR = "META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat";

    @Test
    void everyPluginClassOfTheJarIsInItsDescriptor() throws Exception {
        final File jar = new File(System.getProperty("bundle.jar"));
        assertThat(jar).isFile();
        final TreeSet<String> annotated = new TreeSet<>();
        try (JarFile jarFile = new JarFile(jar);
                URLClassLoader loader = new URLClassLoader(new URL[] {jar.toURI().toURL()}, getClass().getClassLoader())) {
            assertThat(jarFile.getEntry(DESCRIPTOR)).as(DESCRIPTOR).isNotNull();
            for (final JarEntry entry : Collections.list(jarFile.entries())) {
                final String name = entry.getName();
                if (name.endsWith(".class") && !name.contains("$")) {
                    final Class<?> type = Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                    if (type.isAnnotationPresent(Plugin.class)) {
                        annotated.add(type.getName());
                    }
                }
            }
            final PluginCache cache = new PluginCache();
            cache.loadCacheFiles(Collections.enumeration(List.of(new URL("jar:" + jar.toURI() + "!/" + DESCRIPTOR))));
            final TreeSet<String> registered = new TreeSet<>();
            for (final Map<String, PluginEntry> category : cache.getAllCategories().values()) {
                for (final PluginEntry plugin : category.values()) {
                    registered.add(plugin.getClassName());
                }
            }
            assertThat(annotated).contains("dev.narration.layout.NarrationJsonLayout", "dev.narration.template.NarrationResolverFactory",
                    "dev.narration.correlation.CorrelationLookup");
            assertThat(new ArrayList<>(registered)).containsExactlyInAnyOrderElementsOf(annotated);
        }
    }

    /** javac finds the Narration plugin through the jar's service file (docs/checks.md). */
    @Test
    void javacPluginIsRegistered() throws Exception {
        try (JarFile jarFile = new JarFile(new File(System.getProperty("bundle.jar")))) {
            final JarEntry services = jarFile.getJarEntry("META-INF/services/com.sun.source.util.Plugin");
            assertThat(services).isNotNull();
            assertThat(new String(jarFile.getInputStream(services).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim())
                    .isEqualTo("dev.narration.checks.NarrationPlugin");
        }
    }

    /** Log4j finds the OpenTelemetry context-data provider through the jar's service file. */
    @Test
    void openTelemetryContextDataProviderIsRegistered() throws Exception {
        try (JarFile jarFile = new JarFile(new File(System.getProperty("bundle.jar")))) {
            final JarEntry services = jarFile.getJarEntry("META-INF/services/org.apache.logging.log4j.core.util.ContextDataProvider");
            assertThat(services).isNotNull();
            assertThat(new String(jarFile.getInputStream(services).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim())
                    .isEqualTo("dev.narration.correlation.OpenTelemetryContextDataProvider");
        }
    }

    /** The lnav format ships in the jar, where docs/reading.md tells users to take it from (read by LnavFormatIT). */
    @Test
    void lnavFormatIsInTheJar() throws Exception {
        try (JarFile jarFile = new JarFile(new File(System.getProperty("bundle.jar")))) {
            final JarEntry format = jarFile.getJarEntry("lnav/narration_log.json");
            assertThat(format).as("lnav/narration_log.json").isNotNull();
            final JsonNode json = JsonLines.parse(new String(jarFile.getInputStream(format).readAllBytes(), StandardCharsets.UTF_8));
            assertThat(json.path("narration_log").path("json").asBoolean()).isTrue();
            assertThat(json.path("narration_log").path("timestamp-field").asText()).isEqualTo("@timestamp");
        }
    }
}
