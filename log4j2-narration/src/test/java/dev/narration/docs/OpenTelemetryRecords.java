package dev.narration.docs;

import dev.narration.opentelemetry.NarrationOpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import org.apache.logging.log4j.core.LoggerContext;

/**
 * For a documented configuration with {@code <NarrationOpenTelemetry>}: the SDK a user would install, exporting into
 * memory, and the bodies it received. For any other configuration, nothing.
 */
final class OpenTelemetryRecords implements AutoCloseable {
    private final InMemoryLogRecordExporter exporter;
    private final OpenTelemetrySdk sdk;

    private OpenTelemetryRecords(final InMemoryLogRecordExporter exporter, final OpenTelemetrySdk sdk) {
        this.exporter = exporter;
        this.sdk = sdk;
    }

    static OpenTelemetryRecords installedIn(final LoggerContext context, final String xml) {
        if (!xml.contains("<NarrationOpenTelemetry")) {
            return new OpenTelemetryRecords(null, null);
        }
        final InMemoryLogRecordExporter exporter = InMemoryLogRecordExporter.create();
        final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setLoggerProvider(SdkLoggerProvider.builder()
                .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter)).build()).build();
        NarrationOpenTelemetry.install(context, sdk);
        return new OpenTelemetryRecords(exporter, sdk);
    }

    /** The bodies of the records exported, one a line. */
    String bodies() {
        final StringBuilder text = new StringBuilder();
        if (exporter != null) {
            for (final LogRecordData record : exporter.getFinishedLogRecordItems()) {
                text.append(record.getBodyValue() == null ? "" : record.getBodyValue().asString()).append('\n');
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        if (sdk != null) {
            sdk.close();
        }
    }
}
