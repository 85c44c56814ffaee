package dev.narration.testsupport;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.util.List;

/**
 * The OpenTelemetry SDK a user would install, with a tracer provider for spans and its log records exported into
 * memory, record by record (a simple processor: a record is exported when it is emitted).
 */
public final class InMemoryOpenTelemetry implements AutoCloseable {
    private final InMemoryLogRecordExporter exporter = InMemoryLogRecordExporter.create();
    private final SdkTracerProvider tracing = SdkTracerProvider.builder().build();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(tracing)
            .setLoggerProvider(SdkLoggerProvider.builder().addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter)).build())
            .build();

    public OpenTelemetrySdk sdk() {
        return sdk;
    }

    public SdkTracerProvider tracing() {
        return tracing;
    }

    /** The records exported so far, in order. */
    public List<LogRecordData> records() {
        return exporter.getFinishedLogRecordItems();
    }

    @Override
    public void close() {
        sdk.close();
    }
}
