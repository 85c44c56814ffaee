package dev.narration.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * End-to-end throughput of an all-async pipeline writing narration JSON lines to {@code /dev/null}, with and
 * without {@code <Redaction/>} inside {@code NarrationJsonLayout}. The ring buffer fills within the first
 * iteration, so the caller's rate is the background thread's: this measures what redaction costs the pipeline.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RedactionPipelineBenchmark {
    @Param({"none", "layout"})
    public String redaction;

    private AsyncLoggerContext context;
    private Logger logger;

    @Setup(Level.Trial)
    public void start() throws IOException {
        final String layout = "layout".equals(redaction)
                ? "<NarrationJsonLayout serviceName='bench'><Redaction name='pipeline'/></NarrationJsonLayout>"
                : "<NarrationJsonLayout serviceName='bench'/>";
        final String xml = "<Configuration status='WARN'><Appenders>"
                + "<File name='f' fileName='/dev/null' bufferedIo='true' immediateFlush='false'>" + layout + "</File>"
                + "</Appenders><Loggers><Root level='INFO'><AppenderRef ref='f'/></Root></Loggers></Configuration>";
        context = new AsyncLoggerContext("pipeline-" + redaction);
        context.start(new XmlConfiguration(context, new ConfigurationSource(
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))));
        logger = context.getLogger("com.acme.orchestratord.Admission");
        ThreadContext.put("correlation_id", "req-42f1c9");
        ThreadContext.put("job_id", "job-123");
    }

    @TearDown(Level.Trial)
    public void stop() {
        ThreadContext.clearMap();
        context.stop();
    }

    @Benchmark
    public void logCleanEvent() {
        logger.info(RedactionBenchmark.CLEAN_120);
    }
}
