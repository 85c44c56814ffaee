package dev.narration.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;

/**
 * A real Log4j context built from an XML configuration, the way a user's {@code log4j2.xml} is loaded. Plugins are
 * found through the generated {@code Log4j2Plugins.dat}, never by package scanning. {@code ${dir}} in the XML is
 * replaced by a fresh temporary directory, where file appenders write.
 */
public final class Log4jFixture implements AutoCloseable {
    private static final AtomicInteger CONTEXTS = new AtomicInteger();
    private final LoggerContext context;
    private final Path dir;

    private Log4jFixture(final LoggerContext context, final Path dir) {
        this.context = context;
        this.dir = dir;
    }

    /** A synchronous context. */
    public static Log4jFixture sync(final String xml) {
        return start(xml, false);
    }

    /** An all-async context: what {@code AsyncLoggerContextSelector} gives every logger. */
    public static Log4jFixture allAsync(final String xml) {
        return start(xml, true);
    }

    private static Log4jFixture start(final String xml, final boolean allAsync) {
        try {
            final Path dir = Files.createTempDirectory("narration-test");
            final String name = "test-" + CONTEXTS.incrementAndGet();
            final LoggerContext context = allAsync ? new AsyncLoggerContext(name) : new LoggerContext(name);
            final byte[] bytes = xml.replace("${dir}", dir.toString()).getBytes(StandardCharsets.UTF_8);
            context.start(new XmlConfiguration(context, new ConfigurationSource(new ByteArrayInputStream(bytes))));
            return new Log4jFixture(context, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public LoggerContext context() {
        return context;
    }

    public Logger logger(final String name) {
        return context.getLogger(name);
    }

    public Path dir() {
        return dir;
    }

    /** Stops the context (draining async loggers) and returns the lines of a file it wrote. */
    public List<String> stopAndReadLines(final String fileName) {
        close();
        return readLines(fileName);
    }

    public List<String> readLines(final String fileName) {
        try {
            return Files.readAllLines(dir.resolve(fileName), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (context.isStarted()) {
            context.stop();
        }
    }
}
