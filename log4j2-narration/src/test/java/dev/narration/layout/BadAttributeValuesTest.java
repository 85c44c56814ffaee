package dev.narration.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Narration;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.SchemaLines;
import dev.narration.testsupport.StatusCapture;
import java.util.List;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.config.plugins.convert.TypeConverters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A bad value of any of the shaping options, through log4j2.xml, gets the layout's own status error naming the
 * element, the attribute and the value, never Log4j's generic conversion error (which names neither the element nor
 * the attribute, and comes with a stack trace); the layout keeps logging with the fallback.
 */
class BadAttributeValuesTest {
    @AfterEach
    void clearContext() {
        ThreadContext.clearMap();
    }

    /** The status messages of a configuration with these attributes and children, and the line it wrote. */
    private static JsonNode logWith(final String attributes, final String children, final StatusCapture status) {
        try (Log4jFixture log4j = Log4jFixture.sync(SchemaLines.config("narration", attributes, children))) {
            ThreadContext.put("user_id", "42");
            ThreadContext.put("http.method", "POST");
            log4j.logger("com.acme.jobs.JobRunner").info(Narration.action("admit").human("Admitted job-1"));
            final List<String> lines = log4j.stopAndReadLines("out.jsonl");
            assertThat(lines).hasSize(1);
            assertThat(status.messages(org.apache.logging.log4j.Level.TRACE))
                    .noneSatisfy(message -> assertThat(message).containsIgnoringCase("converting string"));
            return JsonLines.parse(lines.get(0));
        }
    }

    private static void assertReported(final StatusCapture status, final String... parts) {
        assertThat(status.errors()).anySatisfy(message -> {
            assertThat(message).startsWith("NarrationJsonLayout:");
            for (final String part : parts) {
                assertThat(message).contains(part);
            }
        });
    }

    /** Log4j's own conversion of an {@code int} attribute: the message this layout's attributes never get. */
    @Test
    void log4jsGenericMessageIsTheOneLookedFor() {
        try (StatusCapture status = StatusCapture.start()) {
            assertThat(TypeConverters.convert("ten", int.class, 0)).isEqualTo(0);
            assertThat(status.messages(org.apache.logging.log4j.Level.TRACE))
                    .anySatisfy(message -> assertThat(message).containsIgnoringCase("converting string"));
        }
    }

    @Test
    void numbersAndBooleans() {
        try (StatusCapture status = StatusCapture.start()) {
            final JsonNode line = logWith("maxStringLength='lots' stackTraceFrames='ten' maxLineBytes='1MB' "
                    + "rootCauseFirst='yes' stackTraceHash='on'", "", status);
            assertReported(status, "maxStringLength=\"lots\"", "Using 16384", "layout.md#attributes");
            assertReported(status, "stackTraceFrames=\"ten\"", "Using 0");
            assertReported(status, "maxLineBytes=\"1MB\"", "at least 1024", "Using 0");
            assertReported(status, "rootCauseFirst=\"yes\"", "true or false", "Using false");
            assertReported(status, "stackTraceHash=\"on\"", "true or false");
            assertThat(line.get("human").asText()).isEqualTo("Admitted job-1");
        }
    }

    @Test
    void typesAndTheirInference() {
        try (StatusCapture status = StatusCapture.start()) {
            final JsonNode line = logWith("typeContext='auto'", "<FieldType key='user_id' type='int'/>", status);
            assertReported(status, "typeContext=\"auto\"", "infer or none", "layout.md#typed-context-values");
            assertReported(status, "<FieldType key=\"user_id\" type=\"int\"/>", "type=\"int\"",
                    "long, double, boolean or string");
            assertThat(line.get("user_id").asText()).isEqualTo("42");
        }
    }

    @Test
    void globsOfAnotherSyntax() {
        try (StatusCapture status = StatusCapture.start()) {
            final JsonNode line = logWith("contextInclude='http.?ethod, user_*' contextExclude='[a-z]*'", "", status);
            assertReported(status, "contextInclude=\"http.?ethod, user_*\"", "\"http.?ethod\"", "only * is",
                    "layout.md#context-selection");
            assertReported(status, "contextExclude=\"[a-z]*\"", "\"[a-z]*\"");
            // The globs left are applied: user_* keeps user_id, and http.method, matched by no glob left, is out.
            assertThat(line.get("user_id").asText()).isEqualTo("42");
            assertThat(line.has("http.method")).isFalse();
        }
    }

    @Test
    void renames() {
        try (StatusCapture status = StatusCapture.start()) {
            final JsonNode line = logWith("", "<Rename to='user.id'/>", status);
            assertReported(status, "<Rename from=\"null\" to=\"user.id\"/>", "layout.md#renaming-keys");
            assertThat(line.get("user_id").asText()).isEqualTo("42");
        }
    }
}
