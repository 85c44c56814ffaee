package dev.narration.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;

/**
 * All-async logger contexts for the end-to-end benchmarks: what {@code AsyncLoggerContextSelector} gives every
 * logger, writing through a {@code RandomAccessFile} appender to the null device, so that the layout and the
 * pipeline are measured rather than the disk.
 */
final class AsyncContexts {
    /** The pattern of the PatternLayout baseline (the same as EncodeBenchmark's). */
    static final String PATTERN_TEXT = "%d{ISO8601} %-5level [%t] %c{1.} %X - %msg%n";
    static final String PATTERN = "<PatternLayout pattern='" + PATTERN_TEXT + "'/>";
    static final String ECS = "<JsonTemplateLayout eventTemplateUri='classpath:EcsLayout.json'/>";
    static final String NARRATION = "<NarrationJsonLayout serviceName='orchestratord'/>";

    private AsyncContexts() {}

    static String layout(final String name) {
        switch (name) {
            case "pattern":
                return PATTERN;
            case "ecs":
                return ECS;
            case "narration":
                return NARRATION;
            default:
                throw new IllegalArgumentException("unknown layout " + name);
        }
    }

    /** Loggers under {@code com.acme.quiet} are at INFO; all others at TRACE. */
    static LoggerContext start(final String layoutXml) {
        final String xml = "<Configuration status='WARN'><Appenders>"
                + "<RandomAccessFile name='file' fileName='/dev/null' append='false' immediateFlush='false'>"
                + layoutXml + "</RandomAccessFile></Appenders><Loggers>"
                + "<Logger name='com.acme.quiet' level='INFO'/>"
                + "<Root level='TRACE'><AppenderRef ref='file'/></Root></Loggers></Configuration>";
        final LoggerContext context = new AsyncLoggerContext("bench-" + System.nanoTime());
        try {
            context.start(new XmlConfiguration(context,
                    new ConfigurationSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return context;
    }
}
