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
    private static final String REFLECT_CONFIG = "META-INF/native-image/log4j-generated/dev.narration/log4j2-narration/reflect-config.json";

    @Test
    void everyPluginClassOfTheJarIsInItsDescriptor() throws Exception {
        final File jar = new File(System.getProperty("bundle.jar"));
        assertThat(jar).isFile();
        try (JarFile jarFile = new JarFile(jar);
                URLClassLoader loader = new URLClassLoader(new URL[] {jar.toURI().toURL()}, getClass().getClassLoader())) {
            assertThat(jarFile.getEntry(DESCRIPTOR)).as(DESCRIPTOR).isNotNull();
            final TreeSet<String> annotated = pluginClasses(jarFile, loader);
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

    /**
     * A native image finds the plugins through the reflection metadata Log4j's GraalVmProcessor wrote into the jar
     * (docs/native-image.md): every plugin class is listed, and every constructor, method and field it names exists,
     * so the image builder registers what Log4j's plugin loader calls reflectively.
     */
    @Test
    void theGraalVmMetadataListsEveryPluginClassAndOnlyMembersThatExist() throws Exception {
        final File jar = new File(System.getProperty("bundle.jar"));
        try (JarFile jarFile = new JarFile(jar);
                URLClassLoader loader = new URLClassLoader(new URL[] {jar.toURI().toURL()}, getClass().getClassLoader())) {
            final JarEntry metadata = jarFile.getJarEntry(REFLECT_CONFIG);
            assertThat(metadata).as(REFLECT_CONFIG).isNotNull();
            final JsonNode types = JsonLines.parse(new String(jarFile.getInputStream(metadata).readAllBytes(), StandardCharsets.UTF_8));
            final TreeSet<String> listed = new TreeSet<>();
            for (final JsonNode entry : types) {
                final Class<?> type = Class.forName(entry.get("name").asText(), false, loader);
                listed.add(type.getName());
                for (final JsonNode method : entry.path("methods")) {
                    final List<Class<?>> parameters = new ArrayList<>();
                    for (final JsonNode parameter : method.path("parameterTypes")) {
                        parameters.add(classNamed(parameter.asText(), loader));
                    }
                    final Class<?>[] signature = parameters.toArray(new Class<?>[0]);
                    if (method.get("name").asText().equals("<init>")) {
                        assertThat(type.getDeclaredConstructor(signature)).isNotNull();
                    } else {
                        assertThat(type.getDeclaredMethod(method.get("name").asText(), signature)).isNotNull();
                    }
                }
                for (final JsonNode field : entry.path("fields")) {
                    assertThat(type.getDeclaredField(field.get("name").asText())).isNotNull();
                }
            }
            assertThat(listed).containsAll(pluginClasses(jarFile, loader));
        }
    }

    /** The top-level classes of the jar annotated with {@code @Plugin}. */
    private static TreeSet<String> pluginClasses(final JarFile jarFile, final ClassLoader loader) throws ClassNotFoundException {
        final TreeSet<String> annotated = new TreeSet<>();
        for (final JarEntry entry : Collections.list(jarFile.entries())) {
            final String name = entry.getName();
            if (name.endsWith(".class") && !name.contains("$")) {
                final Class<?> type = Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, loader);
                if (type.isAnnotationPresent(Plugin.class)) {
                    annotated.add(type.getName());
                }
            }
        }
        return annotated;
    }

    private static Class<?> classNamed(final String name, final ClassLoader loader) throws ClassNotFoundException {
        switch (name) {
            case "boolean": return boolean.class;
            case "byte": return byte.class;
            case "char": return char.class;
            case "short": return short.class;
            case "int": return int.class;
            case "long": return long.class;
            case "float": return float.class;
            case "double": return double.class;
            default:
                return name.endsWith("[]")
                        ? classNamed(name.substring(0, name.length() - 2), loader).arrayType()
                        : Class.forName(name, false, loader);
        }
    }

    /**
     * The test kit ships as its own jar (log4j2-narration-testing, for the test scope): none of it is on the production
     * class path of a user of this jar.
     */
    @Test
    void theJarHoldsNoTestKit() throws Exception {
        try (JarFile jarFile = new JarFile(new File(System.getProperty("bundle.jar")))) {
            assertThat(Collections.list(jarFile.entries())).extracting(JarEntry::getName)
                    .contains("dev/narration/Narration.class")
                    .noneMatch(name -> name.startsWith("dev/narration/testing/"));
            assertThat(jarFile.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo("dev.narration");
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
