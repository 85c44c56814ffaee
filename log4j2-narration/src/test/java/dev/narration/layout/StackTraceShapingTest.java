package dev.narration.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.SchemaLines;
import dev.narration.testsupport.StatusCapture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code stackTraceFrames}, {@code stackTraceFilter}, {@code rootCauseFirst} and {@code stackTraceHash} through log4j2.xml. */
class StackTraceShapingTest {
    private static final Map<String, String> TRACE_KEYS = Map.of("narration", "exception.stacktrace", "ecs",
            "error.stack_trace", "gcp", "stack_trace", "datadog", "error.stack", "otel", "exception.stacktrace");
    private static final Map<String, String> HASH_KEYS = Map.of("narration", "exception.hash", "ecs",
            "narration.exception.hash", "gcp", "narration.exception.hash", "datadog", "error.fingerprint", "otel",
            "narration.exception.hash");

    private static StackTraceElement frame(final String className, final String method, final int line) {
        return new StackTraceElement(className, method, className.substring(className.lastIndexOf('.') + 1) + ".java", line);
    }

    /** A failure with a cause, as a request handler behind a proxy would see it. */
    private static IllegalStateException failure(final int line, final String message) {
        final java.io.IOException cause = new java.io.IOException("disk full on /var/lib/model-cache");
        cause.setStackTrace(new StackTraceElement[] {
            frame("com.acme.cache.ModelCache", "write", 88),
            frame("com.acme.cache.ModelCache", "store", 41),
            frame("com.acme.jobs.JobRunner", "run", 17),
        });
        final IllegalStateException failure = new IllegalStateException(message, cause);
        failure.setStackTrace(new StackTraceElement[] {
            frame("com.acme.jobs.JobRunner", "admit", line),
            frame("org.springframework.aop.framework.ReflectiveMethodInvocation", "proceed", 186),
            frame("org.springframework.aop.framework.CglibAopProxy", "intercept", 704),
            frame("jdk.internal.reflect.DirectMethodHandleAccessor", "invoke", 103),
            frame("com.acme.web.JobController", "post", 52),
            frame("com.acme.web.Server", "handle", 12),
            frame("com.acme.jobs.JobRunner", "run", 17),
        });
        return failure;
    }

    private static String[] lines(final JsonNode trace) {
        return trace.asText().split("\n");
    }

    @Test
    void framesPerThrowableAreCappedTheRestCounted() {
        final Map<String, Map<String, JsonNode>> lines = SchemaLines.writeToEverySchema("stackTraceFrames='2'",
                log4j -> log4j.logger("com.acme.jobs.JobRunner").error("Job failed", failure(30, "job-1 failed")));
        for (final String schema : SchemaLines.SCHEMAS) {
            final String[] trace = lines(lines.get(schema).get(TRACE_KEYS.get(schema)));
            assertThat(trace).as(schema).containsExactly(
                    "java.lang.IllegalStateException: job-1 failed",
                    "\tat com.acme.jobs.JobRunner.admit(JobRunner.java:30)",
                    "\tat org.springframework.aop.framework.ReflectiveMethodInvocation.proceed(ReflectiveMethodInvocation.java:186)",
                    "\t... 5 more",
                    "Caused by: java.io.IOException: disk full on /var/lib/model-cache",
                    "\tat com.acme.cache.ModelCache.write(ModelCache.java:88)",
                    "\tat com.acme.cache.ModelCache.store(ModelCache.java:41)",
                    "\t... 1 more");
        }
    }

    @Test
    void filteredFramesFoldIntoOneCountPerRun() {
        final Map<String, Map<String, JsonNode>> lines = SchemaLines.writeToEverySchema(
                "stackTraceFilter='org.springframework.aop., jdk.internal.reflect.'",
                log4j -> log4j.logger("com.acme.jobs.JobRunner").error("Job failed", failure(30, "job-1 failed")));
        for (final String schema : SchemaLines.SCHEMAS) {
            final String[] trace = lines(lines.get(schema).get(TRACE_KEYS.get(schema)));
            assertThat(trace).as(schema).startsWith(
                    "java.lang.IllegalStateException: job-1 failed",
                    "\tat com.acme.jobs.JobRunner.admit(JobRunner.java:30)",
                    "\t... 3 filtered",
                    "\tat com.acme.web.JobController.post(JobController.java:52)");
        }
    }

    @Test
    void rootCauseFirstWritesTheInnermostCauseThenWhatWrapsIt() {
        final Map<String, Map<String, JsonNode>> lines = SchemaLines.writeToEverySchema("rootCauseFirst='true'",
                log4j -> log4j.logger("com.acme.jobs.JobRunner").error("Job failed", failure(30, "job-1 failed")));
        for (final String schema : SchemaLines.SCHEMAS) {
            final String[] trace = lines(lines.get(schema).get(TRACE_KEYS.get(schema)));
            assertThat(trace).as(schema).containsExactly(
                    "java.io.IOException: disk full on /var/lib/model-cache",
                    "\tat com.acme.cache.ModelCache.write(ModelCache.java:88)",
                    "\tat com.acme.cache.ModelCache.store(ModelCache.java:41)",
                    "\tat com.acme.jobs.JobRunner.run(JobRunner.java:17)",
                    "Wrapped by: java.lang.IllegalStateException: job-1 failed",
                    "\tat com.acme.jobs.JobRunner.admit(JobRunner.java:30)",
                    "\tat org.springframework.aop.framework.ReflectiveMethodInvocation.proceed(ReflectiveMethodInvocation.java:186)",
                    "\tat org.springframework.aop.framework.CglibAopProxy.intercept(CglibAopProxy.java:704)",
                    "\tat jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)",
                    "\tat com.acme.web.JobController.post(JobController.java:52)",
                    "\tat com.acme.web.Server.handle(Server.java:12)",
                    "\t... 1 more");
        }
    }

    @Test
    void rootCauseFirstKeepsSuppressedExceptionsWithTheirThrowable() {
        final IllegalStateException failure = failure(30, "job-1 failed");
        final IllegalArgumentException closing = new IllegalArgumentException("close failed");
        closing.setStackTrace(new StackTraceElement[] {frame("com.acme.jobs.Lease", "close", 9)});
        failure.addSuppressed(closing);
        final List<String> written;
        try (Log4jFixture log4j = Log4jFixture.sync(SchemaLines.config("narration", "rootCauseFirst='true'", ""))) {
            log4j.logger("com.acme.jobs.JobRunner").error("Job failed", failure);
            written = log4j.stopAndReadLines("out.jsonl");
        }
        final String[] trace = lines(JsonLines.parse(written.get(0)).get("exception.stacktrace"));
        assertThat(trace[0]).isEqualTo("java.io.IOException: disk full on /var/lib/model-cache");
        assertThat(trace).containsSubsequence("Wrapped by: java.lang.IllegalStateException: job-1 failed",
                "\tat com.acme.web.Server.handle(Server.java:12)", "\t... 1 more",
                "\tSuppressed: java.lang.IllegalArgumentException: close failed",
                "\t\tat com.acme.jobs.Lease.close(Lease.java:9)");
    }

    @Test
    void theHashGroupsTheSameFailureWhateverItsMessageAndLines() {
        final Map<String, Map<String, JsonNode>> lines = SchemaLines.writeToEverySchema(
                "stackTraceHash='true' stackTraceFilter='org.springframework.aop.'", log4j -> {
                    log4j.logger("com.acme.jobs.JobRunner").error("Job failed", failure(30, "job-1 failed"));
                });
        final Map<String, Map<String, JsonNode>> again = SchemaLines.writeToEverySchema(
                "stackTraceHash='true' stackTraceFilter='org.springframework.aop.'", log4j -> {
                    log4j.logger("com.acme.jobs.JobRunner").error("Job failed", failure(31, "job-2 failed"));
                });
        final Map<String, Map<String, JsonNode>> other = SchemaLines.writeToEverySchema(
                "stackTraceHash='true' stackTraceFilter='org.springframework.aop.'", log4j -> {
                    log4j.logger("com.acme.jobs.JobRunner").error("Job failed", new IllegalStateException("job-1 failed"));
                });
        final String hash = lines.get("narration").get("exception.hash").asText();
        assertThat(hash).matches("[0-9a-f]{8}");
        for (final String schema : SchemaLines.SCHEMAS) {
            final String key = HASH_KEYS.get(schema);
            assertThat(lines.get(schema).get(key).asText()).as(schema).isEqualTo(hash);
            assertThat(again.get(schema).get(key).asText()).as(schema).isEqualTo(hash);
            assertThat(other.get(schema).get(key).asText()).as(schema).isNotEqualTo(hash);
        }
    }

    /** The hash is a function of the types and frames alone: the same in another JVM, another day. */
    @Test
    void theHashIsStableAcrossRuns() {
        final List<String> written;
        try (Log4jFixture log4j = Log4jFixture.sync(SchemaLines.config("narration", "stackTraceHash='true'", ""))) {
            log4j.logger("com.acme.jobs.JobRunner").error("Job failed", failure(30, "job-1 failed"));
            log4j.logger("com.acme.jobs.JobRunner").error("No exception here");
            written = log4j.stopAndReadLines("out.jsonl");
        }
        assertThat(JsonLines.parse(written.get(0)).get("exception.hash").asText()).isEqualTo("6c8d636e");
        assertThat(JsonLines.parse(written.get(1)).has("exception.hash")).isFalse();
    }

    /** The example of docs/layout.md#shaping-a-stack-trace, all four together. */
    @Test
    void allFourTogetherWriteTheDocumentedTrace() {
        final List<String> written;
        try (Log4jFixture log4j = Log4jFixture.sync(SchemaLines.config("narration", "stackTraceFrames='2' "
                + "stackTraceFilter='org.springframework.aop., jdk.internal.reflect.' rootCauseFirst='true' "
                + "stackTraceHash='true'", ""))) {
            log4j.logger("com.acme.jobs.JobRunner").error("Job failed", failure(30, "job-1 failed"));
            written = log4j.stopAndReadLines("out.jsonl");
        }
        final JsonNode line = JsonLines.parse(written.get(0));
        assertThat(lines(line.get("exception.stacktrace"))).containsExactly(
                "java.io.IOException: disk full on /var/lib/model-cache",
                "\tat com.acme.cache.ModelCache.write(ModelCache.java:88)",
                "\tat com.acme.cache.ModelCache.store(ModelCache.java:41)",
                "\t... 1 more",
                "Wrapped by: java.lang.IllegalStateException: job-1 failed",
                "\tat com.acme.jobs.JobRunner.admit(JobRunner.java:30)",
                "\t... 3 filtered",
                "\tat com.acme.web.JobController.post(JobController.java:52)",
                "\t... 2 more");
        assertThat(line.get("exception.hash").asText()).isEqualTo("31f368bd");
    }

    @Test
    void withoutTheAttributesTheTraceIsTheJdksAndNoHash() {
        final List<String> written;
        try (Log4jFixture log4j = Log4jFixture.sync(SchemaLines.config("narration", "", ""))) {
            log4j.logger("com.acme.jobs.JobRunner").error("Job failed", failure(30, "job-1 failed"));
            written = log4j.stopAndReadLines("out.jsonl");
        }
        final JsonNode line = JsonLines.parse(written.get(0));
        assertThat(line.has("exception.hash")).isFalse();
        assertThat(lines(line.get("exception.stacktrace"))).hasSize(7 + 1 + 1 + 2 + 1);
    }

    @Test
    void badValuesAreReportedByNameAndTheDefaultsUsed() {
        final List<String> written;
        try (StatusCapture status = StatusCapture.start();
                Log4jFixture log4j = Log4jFixture.sync(SchemaLines.config("narration",
                        "stackTraceFrames='ten' rootCauseFirst='yes' stackTraceHash='1' maxStringLength='16k' includeLocation='maybe'", ""))) {
            log4j.logger("com.acme.jobs.JobRunner").error("Job failed", failure(30, "job-1 failed"));
            written = log4j.stopAndReadLines("out.jsonl");
            for (final String bad : new String[] {"stackTraceFrames=\"ten\"", "rootCauseFirst=\"yes\"",
                    "stackTraceHash=\"1\"", "maxStringLength=\"16k\"", "includeLocation=\"maybe\""}) {
                assertThat(status.errors()).as(bad).anySatisfy(message -> assertThat(message)
                        .contains("NarrationJsonLayout").contains(bad).contains("Using").contains("layout.md"));
            }
            assertThat(status.messages(org.apache.logging.log4j.Level.WARN)).noneSatisfy(message -> assertThat(message).containsIgnoringCase("convert"));
        }
        final JsonNode line = JsonLines.parse(written.get(0));
        assertThat(line.get("exception.stacktrace").asText()).startsWith("java.lang.IllegalStateException");
        assertThat(line.has("exception.hash")).isFalse();
    }
}
