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
    static final String NARRATION_REDACTED =
            "<NarrationJsonLayout serviceName='orchestratord'><Redaction/></NarrationJsonLayout>";

    private AsyncContexts() {}

    /**
     * The appenders and the root's appender reference for a named setup: {@code pattern}, {@code ecs} and
     * {@code narration} write through that layout, {@code redacted} through {@code NarrationJsonLayout} with its
     * nested {@code <Redaction/>}; {@code full} is the whole narration pipeline as docs/async.md recommends it — an
     * {@code EditorialFilter} on the reference (background thread) and {@code NarrationJsonLayout} with
     * {@code <Redaction/>}; {@code full-rewrite} is the same with redaction by a {@code Rewrite} appender and the
     * {@code RedactionRewritePolicy} instead; {@code buffered} is {@code narration} behind a {@code RequestBuffer}
     * at its defaults (docs/buffering.md), which holds each request's DEBUG and TRACE lines.
     */
    static String[] setup(final String name) {
        switch (name) {
            case "pattern":
                return plain(PATTERN);
            case "ecs":
                return plain(ECS);
            case "narration":
                return plain(NARRATION);
            case "redacted":
                return plain(NARRATION_REDACTED);
            case "full":
                return new String[] {file(NARRATION_REDACTED), "<AppenderRef ref='file'><EditorialFilter/></AppenderRef>"};
            case "buffered":
                return new String[] {
                    file(NARRATION) + "<RequestBuffer name='requests'><AppenderRef ref='file'/></RequestBuffer>",
                    "<AppenderRef ref='requests'/>"
                };
            case "full-rewrite":
                return new String[] {
                    file(NARRATION) + "<Rewrite name='redacted'><RedactionRewritePolicy/><AppenderRef ref='file'/></Rewrite>",
                    "<AppenderRef ref='redacted'><EditorialFilter/></AppenderRef>"
                };
            default:
                throw new IllegalArgumentException("unknown setup " + name);
        }
    }

    private static String[] plain(final String layoutXml) {
        return new String[] {file(layoutXml), "<AppenderRef ref='file'/>"};
    }

    /**
     * {@code append='true'} matters: with {@code append='false'} Log4j's RandomAccessFileManager deletes the file
     * before opening it, which, run as root, replaces the {@code /dev/null} device with a regular file that then
     * grows in memory by every byte the benchmark writes.
     */
    private static String file(final String layoutXml) {
        return "<RandomAccessFile name='file' fileName='/dev/null' append='true' immediateFlush='false'>"
                + layoutXml + "</RandomAccessFile>";
    }

    /** Starts a named {@link #setup}. Loggers under {@code com.acme.quiet} are at INFO; all others at TRACE. */
    static LoggerContext start(final String setupName) {
        final String[] setup = setup(setupName);
        final String xml = "<Configuration status='WARN'><Appenders>" + setup[0] + "</Appenders><Loggers>"
                + "<Logger name='com.acme.quiet' level='INFO'/>"
                + "<Root level='TRACE'>" + setup[1] + "</Root></Loggers></Configuration>";
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
