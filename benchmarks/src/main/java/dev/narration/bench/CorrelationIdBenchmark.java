package dev.narration.bench;

import dev.narration.Correlation;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The cost of a correlation id: generating one ({@link Correlation#newId()}) beside the usual
 * {@code UUID.randomUUID().toString()}, validating an incoming one, and opening and closing a scope.
 * Run: {@code benchmarks/run.sh CorrelationIdBenchmark -prof gc -f 1 -wi 3 -w 1s -i 5 -r 1s}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CorrelationIdBenchmark {
    private final String incoming = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Benchmark
    public String newId() {
        return Correlation.newId();
    }

    @Benchmark
    public String uuidBaseline() {
        return UUID.randomUUID().toString();
    }

    @Benchmark
    public boolean validateIncoming() {
        return Correlation.isValid(incoming);
    }

    @Benchmark
    public String openAndCloseScope() {
        try (var scope = Correlation.open(incoming)) {
            return scope.id();
        }
    }
}
