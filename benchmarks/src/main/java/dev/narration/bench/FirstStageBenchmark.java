package dev.narration.bench;

import dev.narration.internal.redact.BuiltInRule;
import dev.narration.internal.redact.EngineAccess;
import dev.narration.internal.redact.RedactionEngine;
import dev.narration.internal.redact.ScanBuffer;
import dev.narration.redact.Redactor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Where the redaction scan of a clean text spends its time: per character and per word boundary. The same engine
 * call as {@code NarrationJsonLayout} makes, on a {@code StringBuilder} as the asynchronous logger's event holds
 * the message, over 120 characters of different shapes: one long word ({@code letters}: the per-character cost
 * alone), 20 words whose first letter starts no token ({@code qwords}: plus the cheapest boundary check), and the
 * clean sentence of the redaction bar ({@code clean120}); {@code clean120param} is that sentence as the text of a
 * parameterized message, scanned around its two arguments only; {@code clean1k} adds {@code key=value} pairs. With
 * {@code rules=before-vendors} the vendors' rules added with the vendor table (docs/redaction.md#vendor-formats) are
 * disabled, which takes their prefixes out of the first stage, so that one run shows the cost of the table's size. Run with
 * {@code benchmarks/run.sh FirstStageBenchmark -f 1 -wi 3 -w 1s -i 3 -r 1s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FirstStageBenchmark {
    @Param({"letters", "qwords", "clean120", "clean120param", "clean1k"})
    public String input;

    @Param({"all", "before-vendors"})
    public String rules;

    private RedactionEngine redactor;
    private final ScanBuffer buffer = new ScanBuffer();
    private final StringBuilder out = new StringBuilder();
    private StringBuilder text;
    private Message message;

    @Setup
    public void setUp() {
        final Redactor.Builder builder = Redactor.newBuilder().setName("first-stage");
        if ("before-vendors".equals(rules)) {
            // The rules the vendor table added stand between jwt and private-key in the rules' order.
            final List<String> names = BuiltInRule.names();
            builder.setDisable(String.join(",", names.subList(names.indexOf("jwt") + 1, names.indexOf("private-key"))));
        }
        redactor = EngineAccess.of(builder.build());
        final String value;
        switch (input) {
            case "letters":
                value = "x".repeat(120);
                break;
            case "qwords":
                value = "qqqqq ".repeat(20);
                break;
            case "clean120param":
                message = new ParameterizedMessage(RedactionBenchmark.CLEAN_120_FORMAT, 123, 3);
                value = message.getFormattedMessage();
                break;
            case "clean1k":
                value = RedactionBenchmark.CLEAN_1K;
                break;
            default:
                value = RedactionBenchmark.CLEAN_120;
        }
        text = new StringBuilder(value);
    }

    @Benchmark
    public CharSequence redact() {
        return redactor.redactMessage(message, text, out, buffer);
    }
}
