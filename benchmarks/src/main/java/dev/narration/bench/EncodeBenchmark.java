package dev.narration.bench;

import org.openjdk.jmh.annotations.Benchmark;

/** Placeholder replaced below. */
public class EncodeBenchmark {
    @Benchmark
    public int nothing() {
        return 1;
    }
}
