package dev.narration.correlation;

import dev.narration.testsupport.ProjectFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Correlation;
import dev.narration.Narration;
import dev.narration.NarrationFields;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The examples of docs/correlation.md, run as written. */
class CorrelationDocsTest {
    private static final Path DOC = ProjectFiles.file("docs/correlation.md");

    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    static String documentedConfiguration() throws IOException {
        final String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        final int start = doc.indexOf("```xml\n") + "```xml\n".length();
        final String xml = doc.substring(start, doc.indexOf("```", start));
        assertThat(xml).contains("<Configuration");
        return xml.replace("fileName=\"logs/", "fileName=\"${dir}/");
    }

    @Test
    void documentedConfigurationShowsTheIdInEveryOutput() throws IOException {
        final String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        final String spanId = "00f067aa0ba902b7";
        final Map<String, String> request = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.put("x-correlation-id", "req-doc-1");
        try (Log4jFixture log4j = Log4jFixture.sync(documentedConfiguration())) {
            final Logger log = log4j.logger("com.acme.orchestratord.Admission");
            try (var scope = Correlation.openFromHeaders(request::get)) {
                ThreadContext.put(NarrationFields.TRACE_ID, traceId);
                ThreadContext.put(NarrationFields.SPAN_ID, spanId);
                log.info(Narration.action("accept").target("job-1").human("Accepted request"));
            }
            log4j.close();
            final JsonNode json = JsonLines.parse(log4j.readLines("app.jsonl").get(0));
            assertThat(json.get("correlation_id").asText()).isEqualTo("req-doc-1");
            assertThat(json.get("request_id").asText()).isEqualTo("req-doc-1");
            assertThat(json.get("trace_id").asText()).isEqualTo(traceId);
            assertThat(log4j.readLines("app.log").get(0))
                    .endsWith(" INFO  [req-doc-1] Admission - Accepted request");
            final JsonNode template = JsonLines.parse(log4j.readLines("app-template.jsonl").get(0));
            assertThat(template.get("correlation_id").asText()).isEqualTo("req-doc-1");
            assertThat(template.get("traceparent").asText()).isEqualTo("00-" + traceId + "-" + spanId + "-00");
        }
    }

    @Test
    void nestedScopeExample() {
        final List<String> seen = new ArrayList<>();
        try (var outer = Correlation.open("batch-7")) {
            for (final String requestId : List.of("job-a", "job-b")) {
                try (var inner = Correlation.open(requestId)) {
                    seen.add(Correlation.currentId());
                }
                seen.add(Correlation.currentId());
            }
        }
        assertThat(seen).containsExactly("job-a", "batch-7", "job-b", "batch-7");
    }

    @Test
    void executorExample() {
        final ExecutorService pool = Correlation.wrap(Executors.newFixedThreadPool(4));
        try (var scope = Correlation.openFromHeaders(Map.of("X-Correlation-ID", "req-pool")::get)) {
            final String result = CompletableFuture.supplyAsync(() -> "plan:" + Correlation.currentId(), pool)
                    .thenApplyAsync(plan -> plan + ",dispatch:" + Correlation.currentId(), pool)
                    .join();
            assertThat(result).isEqualTo("plan:req-pool,dispatch:req-pool");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void outgoingHeaderExample() {
        final Map<String, String> outgoing = new TreeMap<>();
        try (var scope = Correlation.open("req-out")) {
            Correlation.writeHeaders(outgoing::put);
        }
        assertThat(outgoing).containsExactly(Map.entry(Correlation.CORRELATION_ID_HEADER, "req-out"));
    }
}
