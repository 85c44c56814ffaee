package dev.narration.bench;

import dev.narration.trace.Trace;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.apache.logging.log4j.util.Unbox;

/**
 * More events for {@link EncodeBenchmark} ({@code -p event=…}):
 * <ul>
 *   <li>{@code m16}, {@code m256}, {@code m4096}: a message of that many characters, 3 context entries;</li>
 *   <li>{@code c0}, {@code c8}, {@code c32}: a 64-character message, that many context entries;</li>
 *   <li>{@code trace-loop} and {@code plain-loop}: a {@code Trace.loop} event and the plain
 *       {@code logger.trace("… {} of {}", Unbox.box(i), Unbox.box(n))} writing the same sentence, as the
 *       asynchronous logger's background thread sees them (text, format and parameters copied into Log4j's own
 *       mutable event).</li>
 * </ul>
 */
final class EventShapes {
    private EventShapes() {}

    static LogEvent named(final String name) {
        if (name.endsWith("-loop")) {
            return logged(name.startsWith("trace"));
        }
        final boolean byLength = name.charAt(0) == 'm';
        final int size = Integer.parseInt(name.substring(1));
        final int messageLength = byLength ? size : 64;
        final StringBuilder message = new StringBuilder(messageLength);
        while (message.length() < messageLength) {
            message.append("Accepted request for job-123 on pool default; ");
        }
        message.setLength(messageLength);
        return Log4jLogEvent.newBuilder().setLoggerName("com.acme.orchestratord.JobAdmission")
                .setLoggerFqcn("org.apache.logging.log4j.spi.AbstractLogger").setContextData(context(byLength ? 3 : size))
                .setThreadName("main").setTimeMillis(1_763_708_809_123L).setLevel(org.apache.logging.log4j.Level.INFO)
                .setMessage(new SimpleMessage(message.toString())).build();
    }

    private static SortedArrayStringMap context(final int entries) {
        final SortedArrayStringMap context = new SortedArrayStringMap();
        for (int i = 0; i < entries; i++) {
            context.putValue(i == 0 ? "correlation_id" : "field_" + i, "value-" + i);
        }
        context.freeze();
        return context;
    }

    /** Logs through a real synchronous logger and keeps a mutable copy of the event, as a ring-buffer slot holds it. */
    private static LogEvent logged(final boolean helper) {
        final MutableLogEvent copy = new MutableLogEvent();
        final LoggerContext context = new LoggerContext("shapes");
        final String xml = "<Configuration status='WARN'><Loggers><Root level='TRACE'/></Loggers></Configuration>";
        try {
            context.start(new XmlConfiguration(context,
                    new ConfigurationSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        final AbstractAppender capture = new AbstractAppender("capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(final LogEvent event) {
                copy.initFrom(event);
            }
        };
        capture.start();
        context.getConfiguration().getRootLogger().addAppender(capture, null, null);
        context.updateLoggers();
        final Logger logger = context.getLogger("com.acme.orchestratord.JobAdmission");
        org.apache.logging.log4j.ThreadContext.putAll(context(3).toMap());
        if (helper) {
            Trace.loop(logger, "select_worker", 3, 8);
        } else {
            logger.trace("select_worker iteration {} of {}", Unbox.box(3), Unbox.box(8));
        }
        org.apache.logging.log4j.ThreadContext.clearMap();
        context.stop();
        return copy;
    }
}
