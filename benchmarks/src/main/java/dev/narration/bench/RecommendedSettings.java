package dev.narration.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Applies the project's recommended settings ({@code examples/log4j2.component.properties}, found from the
 * benchmark classes' location) as system properties, unless a {@code -D} option of the fork already set one: so a
 * benchmark runs with exactly what the documentation recommends, and a fork can still vary one setting.
 */
final class RecommendedSettings {
    private RecommendedSettings() {}

    static void applyUnlessSet() {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.remove("log4j2.configurationFile"); // each benchmark builds its own configuration
        for (final String name : properties.stringPropertyNames()) {
            if (System.getProperty(name) == null) {
                System.setProperty(name, properties.getProperty(name));
            }
        }
    }

    private static Path file() {
        try {
            // benchmarks/target/classes -> examples/log4j2.component.properties
            final Path classes = Path.of(RecommendedSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.getParent().getParent().getParent().resolve("examples").resolve("log4j2.component.properties");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
