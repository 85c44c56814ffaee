package dev.narration.testsupport;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Applies the shipped {@code examples/log4j2.component.properties} as system properties, so tests run with exactly
 * the documented settings. Must run before any Log4j class reads its properties: a static initializer of the test
 * class does (surefire forks a fresh JVM per test class).
 */
public final class RecommendedSettings {
    public static final Path FILE = ProjectFiles.file("examples/log4j2.component.properties");

    private RecommendedSettings() {}

    public static Properties apply() {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(FILE, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.remove("log4j2.configurationFile"); // the tests build their own contexts
        properties.stringPropertyNames().forEach(name -> System.setProperty(name, properties.getProperty(name)));
        return properties;
    }
}
