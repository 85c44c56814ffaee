package dev.narration.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Narration;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.ProjectFiles;
import dev.narration.testsupport.SchemaLines;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * docs/schemas.md tells what each schema writes, and this test holds it to what the layout does: each schema's
 * example line has exactly the keys, in their order, that the layout writes for the documented event, and every row
 * of the field table names the key under which each schema writes the narration line's value, the same value where
 * the table gives the key alone.
 */
class SchemasDocTest {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final String ATTRIBUTES = "serviceName='orchestratord' serviceVersion='1.4.2' "
            + "deploymentEnvironment='production' gcpProjectId='acme-prod'";
    private static final SdkTracerProvider TRACING = SdkTracerProvider.builder().build();

    @AfterAll
    static void stopTracing() {
        TRACING.close();
    }

    private static String doc() throws IOException {
        return Files.readString(ProjectFiles.file("docs/schemas.md"), StandardCharsets.UTF_8);
    }

    @Test
    void eachSchemasExampleLineHasExactlyTheKeysTheSchemaWrites() throws IOException {
        final String doc = doc();
        for (final String schema : SchemaLines.SCHEMAS) {
            final String real = documentedEvent(schema, ATTRIBUTES);
            final String shown = exampleLine(doc, schema);
            assertThat(List.copyOf(SchemaLines.flatten(schema, JsonLines.parse(shown)).keySet()))
                    .as("the keys of the %s example line in docs/schemas.md; the layout writes\n%s", schema, real)
                    .containsExactlyElementsOf(SchemaLines.flatten(schema, JsonLines.parse(real)).keySet());
        }
    }

    /** The event docs/schemas.md shows, logged inside a real span through the schema; its line. */
    private static String documentedEvent(final String schema, final String attributes) {
        try (Log4jFixture log4j = Log4jFixture.sync(SchemaLines.config(schema, attributes, ""))) {
            final Logger log = log4j.logger("com.acme.orchestratord.JobAdmission");
            ThreadContext.put("correlation_id", "req-42");
            final Span span = TRACING.get("jobs").spanBuilder("accept").startSpan();
            try (Scope scope = span.makeCurrent()) {
                log.info(MarkerManager.getMarker("AUDIT"), Narration.action("accept").target("job-123")
                        .human("Accepted request; queued at position {}", 3).field("queue_position", 3));
            } finally {
                span.end();
                ThreadContext.clearMap();
            }
            return log4j.stopAndReadLines("out.jsonl").get(0);
        }
    }

    /** The first {@code ```json} block after the heading {@code ## `schema`…}. */
    private static String exampleLine(final String doc, final String schema) {
        final int heading = doc.indexOf("\n## `" + schema + "`");
        assertThat(heading).as("a section \"## `%s`\" in docs/schemas.md", schema).isPositive();
        final int start = doc.indexOf("```json\n", heading) + "```json\n".length();
        return doc.substring(start, doc.indexOf("\n```", start)).trim();
    }

    @Test
    void theFieldTableNamesWhereEverySchemaWritesEachValue() throws IOException {
        final List<List<String>> rows = fieldTable(doc());
        assertThat(rows).as("rows of the field table").hasSizeGreaterThan(20);
        final Map<String, Map<String, JsonNode>> lines = everyValueInEverySchema();
        final Map<String, JsonNode> narration = lines.get("narration");
        int checked = 0;
        for (final List<String> row : rows) {
            final String key = exactKey(row.get(0));
            if (key == null) {
                continue;
            }
            assertThat(narration).as("the narration line's %s", key).containsKey(key);
            for (int column = 1; column < row.size(); column++) {
                final String schema = SchemaLines.SCHEMAS.get(column);
                for (final String piece : row.get(column).split("; ")) {
                    final Matcher code = CODE.matcher(piece);
                    assertThat(code.find()).as("a key in \"%s\"", piece).isTrue();
                    final boolean resource = piece.equals("`" + code.group(1) + "` (resource)");
                    final String schemaKey = (resource ? "resource:" : "") + code.group(1);
                    final Map<String, JsonNode> line = lines.get(schema);
                    assertThat(line).as("%s writes %s as %s", schema, key, schemaKey).containsKey(schemaKey);
                    if (exactKey(piece) != null || resource) {
                        assertThat(SchemaLines.sameValue(line.get(schemaKey), narration.get(key)))
                                .as("%s's %s = %s, the narration line's %s = %s", schema, schemaKey,
                                        line.get(schemaKey), key, narration.get(key))
                                .isTrue();
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(80);
    }

    /**
     * One event with a value for every row of the table, logged inside a real span to one appender per schema; each
     * schema's line, flattened.
     */
    private static Map<String, Map<String, JsonNode>> everyValueInEverySchema() {
        return SchemaLines.writeToEverySchema(ATTRIBUTES + " serviceInstanceId='pod-7' includeLocation='true'", log4j -> {
            final Logger log = log4j.logger("com.acme.orchestratord.JobAdmission");
            ThreadContext.put("correlation_id", "req-42");
            ThreadContext.put("job_id", "job-123");
            final Marker audit = MarkerManager.getMarker("SCHEMA_AUDIT").setParents(MarkerManager.getMarker("SCHEMA_SECURITY"));
            final Span span = TRACING.get("jobs").spanBuilder("accept").startSpan();
            try (Scope scope = span.makeCurrent()) {
                log.error(audit, Narration.action("accept").target("job-123").human("Rejected job-123: {}", "no GPU")
                        .cute("No room at the inn 🎫").story("\"Full,\" said the pool.").field("queue_position", 3)
                        .field("load", 0.25).field("gpu", false).field("pool", "gpu-a"),
                        new IllegalStateException("pool full", new java.io.IOException("timeout")));
            } finally {
                span.end();
                ThreadContext.clearMap();
            }
        });
    }

    /** The key of a cell that is one code span and nothing else, or {@code null}. */
    private static String exactKey(final String cell) {
        final Matcher code = CODE.matcher(cell);
        return code.matches() ? code.group(1) : null;
    }

    /** The rows of the table under "## The field table", each its cells, header and rule left out. */
    private static List<List<String>> fieldTable(final String doc) {
        final int start = doc.indexOf("\n## The field table");
        assertThat(start).as("a section \"## The field table\" in docs/schemas.md").isPositive();
        final List<List<String>> rows = new ArrayList<>();
        boolean header = true;
        for (final String line : doc.substring(start).split("\n")) {
            if (line.startsWith("|")) {
                if (header || line.startsWith("|---")) {
                    header = false;
                    continue;
                }
                final List<String> cells = new ArrayList<>();
                for (final String cell : line.substring(1, line.length() - 1).split("\\|")) {
                    cells.add(cell.trim());
                }
                assertThat(cells).as(line).hasSize(SchemaLines.SCHEMAS.size());
                rows.add(cells);
            } else if (!rows.isEmpty()) {
                break;
            }
        }
        return rows;
    }
}
