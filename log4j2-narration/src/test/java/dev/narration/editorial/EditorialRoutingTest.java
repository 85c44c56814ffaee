package dev.narration.editorial;

import dev.narration.testsupport.ProjectFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Narration;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The routing pattern of examples/editorial-routing.xml: every event in exactly one of the two files. */
class EditorialRoutingTest {
    private static final int EVENTS = 300;

    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    static String exampleXml() throws IOException {
        return Files.readString(ProjectFiles.file("examples/editorial-routing.xml"), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "allAsync={0}")
    @ValueSource(booleans = {false, true})
    void everyEventReachesExactlyOneOfTheTwoFiles(final boolean allAsync) throws IOException {
        final Function<String, Log4jFixture> start = allAsync ? Log4jFixture::allAsync : Log4jFixture::sync;
        final Log4jFixture log4j = start.apply(exampleXml());
        final Logger log = log4j.logger("com.acme.orchestratord.Admission");
        final Set<Integer> violating = new HashSet<>();
        for (int i = 0; i < EVENTS; i++) {
            if (i % 2 == 0) {
                ThreadContext.put("correlation_id", "req-" + i);
            } else {
                ThreadContext.remove("correlation_id");
            }
            switch (i % 6) {
                case 0:
                    log.info("Accepted job-{}; queued at position 3", i);
                    break;
                case 2:
                    log.info(Narration.action("accept").target("job-" + i).human("Accepted job-{} {}", i, "x".repeat(120)));
                    violating.add(i);
                    break;
                case 4:
                    log.warn("Retrying job-{}\nFAKE line", i);
                    violating.add(i);
                    break;
                default:
                    // no correlation id
                    log.info("Accepted job-{}", i);
                    violating.add(i);
            }
        }
        final List<String> main = log4j.stopAndReadLines("app.jsonl");
        final List<String> quarantine = log4j.readLines("editorial-quarantine.jsonl");

        assertThat(main.size() + quarantine.size()).isEqualTo(EVENTS);
        final List<Integer> mainJobs = jobs(main);
        final List<Integer> quarantineJobs = jobs(quarantine);
        assertThat(quarantineJobs).containsExactlyInAnyOrderElementsOf(violating);
        assertThat(mainJobs).hasSize(EVENTS - violating.size()).doesNotContainAnyElementsOf(violating);
        assertThat(JsonLines.parseAll(quarantine)).anySatisfy(line -> assertThat(line.get("human").asText()).contains("\nFAKE"));
    }

    @Test
    void theDocsShowTheTestedExample() throws IOException {
        assertThat(Files.readString(ProjectFiles.file("docs/editorial.md"), StandardCharsets.UTF_8)).contains(exampleXml().strip());
    }

    private static List<Integer> jobs(final List<String> lines) {
        final List<Integer> jobs = new ArrayList<>();
        for (final JsonNode line : JsonLines.parseAll(lines)) {
            final String human = line.get("human").asText();
            final int start = human.indexOf("job-") + 4;
            int end = start;
            while (end < human.length() && Character.isDigit(human.charAt(end))) {
                end++;
            }
            jobs.add(Integer.parseInt(human.substring(start, end)));
        }
        return jobs;
    }
}
