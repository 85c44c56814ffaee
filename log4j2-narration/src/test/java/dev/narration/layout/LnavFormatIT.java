package dev.narration.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Narration;
import dev.narration.NarrationFields;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.ProjectFiles;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.message.StringMapMessage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lnav formats the jar carries, read by the real lnav as a user would: both installed with {@code lnav -i} from
 * the jar, two services' files written by the layout through Log4j and one written with {@code schema="ecs"},
 * queried headless with {@code lnav -n -c ';SELECT …'}. lnav's answers are compared with the lines themselves,
 * parsed by Jackson. The queries of docs/reading.md are run as written.
 *
 * <p>Skipped where lnav is not installed, unless {@value #REQUIRE_LNAV}{@code =1} (set by {@code .ci/run}): then a
 * missing lnav fails, so CI is never green without it.
 */
class LnavFormatIT {
    private static final String REQUIRE_LNAV = "NARRATION_REQUIRE_LNAV";
    private static final Pattern SQL_BLOCK = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL);
    private static final Map<String, String> LNAV_LEVELS = Map.of(
            "TRACE", "trace", "DEBUG", "debug", "INFO", "info", "WARN", "warning", "ERROR", "error", "FATAL", "fatal");

    @TempDir
    static Path work;

    private static Path lnav;
    private static Path home;
    private static List<Path> files;
    private static List<JsonNode> lines;
    private static Path ecsFile;
    private static List<JsonNode> ecsLines;

    @BeforeAll
    static void installFormatAndWriteLogs() throws IOException {
        lnav = onPath("lnav");
        if (lnav == null && "1".equals(System.getenv(REQUIRE_LNAV))) {
            fail(REQUIRE_LNAV + "=1 but lnav is not on the PATH: install it (apt-get install -y lnav) or unset "
                    + REQUIRE_LNAV + " to skip this test");
        }
        if (lnav == null) {
            return;
        }
        home = Files.createDirectories(work.resolve("home"));
        install("narration_log.json");
        install("narration_ecs_log.json");

        files = List.of(writeOrchestratorLog(), writeWorkerLog());
        lines = new ArrayList<>();
        for (final Path file : files) {
            lines.addAll(JsonLines.parseAll(Files.readAllLines(file, StandardCharsets.UTF_8)));
        }
        ecsFile = writeEcsLog();
        ecsLines = JsonLines.parseAll(Files.readAllLines(ecsFile, StandardCharsets.UTF_8));
    }

    /** Installs a format of the jar's {@code lnav/} folder with {@code lnav -i}, as docs/reading.md says. */
    private static void install(final String name) throws IOException {
        final Path format = work.resolve(name);
        try (JarFile jar = new JarFile(new File(System.getProperty("bundle.jar")));
                InputStream in = jar.getInputStream(jar.getJarEntry("lnav/" + name))) {
            Files.write(format, in.readAllBytes());
        }
        final Run install = run("-i", format.toString());
        assertThat(install.exitCode).as("lnav -i %s\n%s", name, install).isZero();
        assertThat(install.stdout + install.stderr).as("lnav -i %s", name).contains("installed");
    }

    /** The ECS line's file, named as the ECS format asks ({@code *.ecs.jsonl}). */
    private static Path writeEcsLog() {
        final Path file;
        try (Log4jFixture log4j = Log4jFixture.sync(config("billingd", "billingd.ecs.jsonl", "ecs"))) {
            final Logger billing = log4j.logger("com.acme.billingd.Invoices");
            billing.trace(Narration.action("poll").human("Polled the invoice queue"));
            ThreadContext.put(NarrationFields.CORRELATION_ID, "req-7b01");
            billing.debug(Narration.action("price").target("inv-1").human("Priced inv-1").field("amount_cents", 1250));
            billing.info(Narration.action("issue").target("inv-1").human("Issued inv-1"));
            ThreadContext.put(NarrationFields.CORRELATION_ID, "req-7b02");
            billing.warn(Narration.action("retry").target("inv-2").human("Retrying inv-2 after a timeout"));
            billing.error(Narration.action("fail").target("inv-2").human("Inv-2 failed: card declined"),
                    new IllegalStateException("card declined"));
            ThreadContext.clearMap();
            billing.fatal(Narration.action("stop").actor("ledger").human("Lost the ledger; stopping"));
            file = log4j.dir().resolve("billingd.ecs.jsonl");
        } finally {
            ThreadContext.clearMap();
        }
        return file; // written: the fixture is closed
    }

    private static Path writeOrchestratorLog() {
        final Path file;
        try (Log4jFixture log4j = Log4jFixture.sync(config("orchestratord"))) {
            final Logger admission = log4j.logger("com.acme.orchestratord.Admission");
            admission.trace(Narration.action("poll").human("Polled the admission queue"));
            ThreadContext.put(NarrationFields.CORRELATION_ID, "req-5a01");
            ThreadContext.put(NarrationFields.JOB_ID, "job-1");
            admission.debug(Narration.action("configure").target("queue").human("Resolved the queue limits"));
            admission.info(Narration.action("accept").target("job-1").human("Accepted job-1; queued at position {}", 1)
                    .field(NarrationFields.QUEUE_POSITION, 1).field(NarrationFields.DURATION_MS, 12));
            ThreadContext.put(NarrationFields.CORRELATION_ID, "req-5a02");
            ThreadContext.put(NarrationFields.JOB_ID, "job-2");
            admission.info(MarkerManager.getMarker("AUDIT").setParents(MarkerManager.getMarker("BILLING")),
                    Narration.action("accept").target("job-2").human("Accepted job-2; queued at position {}", 2)
                    .field(NarrationFields.QUEUE_POSITION, 2).field(NarrationFields.DURATION_MS, 8));
            admission.warn(Narration.action("retry").target("job-2").human("Retrying job-2 after a timeout")
                    .field(NarrationFields.DURATION_MS, 950.5));
            admission.info(Narration.action("report").actor("scheduler").human(
                    "Queue depth high\n2026-01-01 INFO admin logged in \u0085 \u001b[31m \"quoted\" 🎫"));
            ThreadContext.clearMap();
            admission.info(new StringMapMessage().with("message", "Queue limits reloaded").with(NarrationFields.POOL_ID, "default"));
            admission.fatal(Narration.action("stop").human("Lost the job store; stopping"),
                    new IllegalStateException("job store gone", new IOException("disk full")));
            file = log4j.dir().resolve("orchestratord.jsonl");
        } finally {
            ThreadContext.clearMap();
        }
        return file; // written: the fixture is closed
    }

    private static Path writeWorkerLog() {
        final Path file;
        try (Log4jFixture log4j = Log4jFixture.sync(config("workerd"))) {
            final Logger worker = log4j.logger("com.acme.workerd.Worker");
            ThreadContext.put(NarrationFields.CORRELATION_ID, "req-5a01");
            worker.info(Narration.action("start").target("job-1").human("Started job-1 on worker-gpu0"));
            worker.error(Narration.action("fail").target("job-1").human("Job-1 failed: model not found")
                    .field(NarrationFields.ERROR_KIND, "model_not_found").field(NarrationFields.DURATION_MS, 4200),
                    new IllegalArgumentException("model 'gpt-5' not found"));
            ThreadContext.put(NarrationFields.CORRELATION_ID, "req-5a02");
            worker.info(Narration.action("complete").target("job-2").human("Completed job-2")
                    .field(NarrationFields.DURATION_MS, 3100).field("gpu_util", 0.87));
            worker.error(Narration.action("fail").target("job-2").human("Job-2 lost its worker")
                    .field(NarrationFields.ERROR_KIND, "worker_lost").field(NarrationFields.DURATION_MS, 77));
            ThreadContext.put(NarrationFields.CORRELATION_ID, "req-5a03");
            worker.debug(Narration.action("decode").target("job-3").human("Decoded 240 tokens")
                    .field(NarrationFields.TOKENS_OUT, 240).field(NarrationFields.DECODE_TIME_MS, 2700));
            worker.info(Narration.action("complete").target("job-3").human("Completed job-3")
                    .field(NarrationFields.DURATION_MS, 2900.25).field("gpu_util", 0.5));
            file = log4j.dir().resolve("workerd.jsonl");
        } finally {
            ThreadContext.clearMap();
        }
        return file; // written: the fixture is closed
    }

    private static String config(final String service) {
        return config(service, service + ".jsonl", "narration");
    }

    private static String config(final String service, final String fileName, final String schema) {
        return "<Configuration status='WARN'><Appenders><File name='json' fileName='${dir}/" + fileName + "'>"
                + "<NarrationJsonLayout serviceName='" + service + "' schema='" + schema + "'/></File></Appenders>"
                + "<Loggers><Root level='TRACE'><AppenderRef ref='json'/></Root></Loggers></Configuration>";
    }

    @BeforeEach
    void needsLnav() {
        Assumptions.assumeTrue(lnav != null,
                "lnav is not installed: the lnav format test is skipped (apt-get install lnav, brew install lnav)");
    }

    @Test
    void theFormatLoadsWithoutWarnings() {
        final List<String> args = new ArrayList<>(List.of("-W", "-n", "-c", ";SELECT 1"));
        args.add(files.get(0).toString());
        final Run check = run(args.toArray(new String[0]));
        assertThat(check.stderr).as("lnav -W: warnings and errors of the installed formats").isEmpty();
    }

    @Test
    void everyLineIsANarrationLogLineWithItsLevel() {
        final List<JsonNode> files = query("SELECT filepath, format FROM lnav_file");
        assertThat(files).hasSize(2).allSatisfy(file -> assertThat(file.get("format").asText()).as(file.toString()).isEqualTo("narration_log"));

        final List<JsonNode> rows = query("SELECT log_format, log_level, json_extract(log_raw_text, '$.level') AS level FROM all_logs");
        assertThat(rows).as("one lnav message per line written").hasSize(lines.size());
        for (final JsonNode row : rows) {
            assertThat(row.get("log_format").asText()).as(row.toString()).isEqualTo("narration_log");
            assertThat(row.get("log_level").asText()).as(row.toString()).isEqualTo(LNAV_LEVELS.get(row.get("level").asText()));
        }
        assertThat(rows.stream().map(row -> row.get("level").asText()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(LNAV_LEVELS.keySet());
    }

    @Test
    void correlationIdsAreColumnsAndOperationIds() {
        final Map<String, Long> expected = countBy("correlation_id");
        final Map<String, Long> counted = new HashMap<>();
        for (final JsonNode row : query("SELECT correlation_id, count(*) AS n FROM narration_log GROUP BY correlation_id")) {
            counted.put(text(row, "correlation_id"), row.get("n").asLong());
        }
        assertThat(counted).isEqualTo(expected);
        assertThat(query("SELECT count(*) AS n FROM narration_log WHERE log_opid IS NOT correlation_id").get(0).get("n").asLong())
                .as("lines whose lnav operation id is not their correlation id").isZero();
    }

    @Test
    void actorsServicesAndExceptionsAreColumns() {
        final Map<String, Long> counted = new HashMap<>();
        for (final JsonNode row : query("SELECT actor, count(*) AS n FROM narration_log GROUP BY actor")) {
            counted.put(text(row, "actor"), row.get("n").asLong());
        }
        assertThat(counted).isEqualTo(countBy("actor")).containsKeys("orchestratord", "workerd", "scheduler");

        final Map<String, Long> services = new HashMap<>();
        for (final JsonNode row : query("SELECT \"service.name\" AS service, count(*) AS n FROM narration_log GROUP BY 1")) {
            services.put(text(row, "service"), row.get("n").asLong());
        }
        assertThat(services).isEqualTo(countBy("service.name"));

        final List<String> thrown = new ArrayList<>();
        for (final JsonNode row : query("SELECT \"exception.type\" AS type, \"exception.message\" AS message, "
                + "\"exception.stacktrace\" AS trace FROM narration_log WHERE \"exception.type\" IS NOT NULL")) {
            thrown.add(text(row, "type") + ": " + text(row, "message") + " | " + text(row, "trace"));
        }
        assertThat(thrown).containsExactlyInAnyOrderElementsOf(lines.stream().filter(line -> line.has("exception.type"))
                .map(line -> line.get("exception.type").asText() + ": " + line.get("exception.message").asText() + " | "
                        + line.get("exception.stacktrace").asText())
                .collect(Collectors.toList()));
    }

    @Test
    void tagsAreAColumnOfJsonArrays() {
        final List<JsonNode> rows = query("SELECT target, tags, json_extract(tags, '$[1]') AS parent FROM narration_log "
                + "WHERE tags IS NOT NULL");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("target").asText()).isEqualTo("job-2");
        assertThat(rows.get(0).get("parent").asText()).isEqualTo("BILLING");
        final JsonNode written = lines.stream().filter(line -> line.has("tags")).findFirst().orElseThrow();
        assertThat(rows.get(0).get("tags")).isEqualTo(written.get("tags"));
    }

    /**
     * An ECS file goes to the ECS format and the default lines beside it stay with theirs, however both are
     * installed: every line recognised, levels mapped, the narration's ECS keys columns, the correlation id lnav's
     * operation id.
     */
    @Test
    void ecsLinesAreReadWithTheEcsFormatAndTheDefaultLinesWithTheirs() {
        final List<Path> all = new ArrayList<>(files);
        all.add(ecsFile);
        final Map<String, String> formats = new HashMap<>();
        for (final JsonNode file : query("SELECT filepath, format FROM lnav_file", all)) {
            formats.put(Path.of(file.get("filepath").asText()).getFileName().toString(), file.get("format").asText());
        }
        assertThat(formats).containsOnly(Map.entry("orchestratord.jsonl", "narration_log"),
                Map.entry("workerd.jsonl", "narration_log"), Map.entry("billingd.ecs.jsonl", "narration_ecs_log"));

        final List<JsonNode> rows = query("SELECT log_level, json_extract(log_raw_text, '$.\"log.level\"') AS level, "
                + "log_opid, \"narration.correlation_id\" AS correlation, \"narration.actor\" AS actor, "
                + "\"event.action\" AS action, \"error.type\" AS error FROM narration_ecs_log", all);
        assertThat(rows).as("one lnav message per ECS line").hasSize(ecsLines.size());
        final List<String> read = new ArrayList<>();
        for (final JsonNode row : rows) {
            assertThat(row.get("log_level").asText()).as(row.toString()).isEqualTo(LNAV_LEVELS.get(row.get("level").asText()));
            assertThat(text(row, "log_opid")).as(row.toString()).isEqualTo(text(row, "correlation"));
            read.add(row.get("level").asText() + " " + text(row, "actor") + " " + text(row, "action") + " "
                    + text(row, "correlation") + " " + text(row, "error"));
        }
        final List<String> written = new ArrayList<>();
        for (final JsonNode line : ecsLines) {
            written.add(line.get("log.level").asText() + " " + text(line, "narration.actor") + " "
                    + text(line, "event.action") + " " + text(line, "narration.correlation_id") + " "
                    + text(line, "error.type"));
        }
        assertThat(read).containsExactlyInAnyOrderElementsOf(written);
        assertThat(ecsLines.stream().map(line -> line.get("log.level").asText()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(LNAV_LEVELS.keySet());
    }

    /** The queries of docs/reading.md, run as written, answer what the lines say. */
    @Test
    void theDocumentedQueriesAnswerRight() throws IOException {
        final List<String> queries = documentedQueries();
        assertThat(queries).as("```sql blocks of docs/reading.md").hasSize(4);
        for (final String sql : queries) {
            if (sql.contains("AS errors")) {
                assertThat(query(sql)).extracting(row -> text(row, "actor") + "=" + row.get("errors").asLong())
                        .containsExactly(errorsPerActor());
            } else if (sql.contains("correlation_id = 'req-5a01'")) {
                checkStory(query(sql));
            } else if (sql.contains("ORDER BY duration_ms DESC")) {
                assertThat(query(sql)).extracting(row -> operation(row, row.get("duration_ms").asDouble()))
                        .containsExactlyElementsOf(slowest());
            } else if (sql.contains("$.gpu_util")) {
                assertThat(query(sql)).extracting(row -> text(row, "actor") + " " + text(row, "target") + " " + row.get("gpu_util").asDouble())
                        .containsExactly("workerd job-2 0.87", "workerd job-3 0.5");
            } else {
                fail("a query of docs/reading.md that this test does not check: " + sql);
            }
        }
    }

    /** The headless command line of docs/reading.md prints CSV. */
    @Test
    void theHeadlessCommandPrintsCsv() {
        final List<String> args = new ArrayList<>(List.of("-n", "-c",
                ";SELECT actor, count(*) AS errors FROM narration_log WHERE log_level IN ('error', 'fatal') GROUP BY actor",
                "-c", ":write-csv-to -"));
        files.forEach(file -> args.add(file.toString()));
        final Run csv = run(args.toArray(new String[0]));
        assertThat(csv.stderr).isEmpty();
        assertThat(csv.stdout.lines()).containsExactly("actor,errors", "orchestratord,1", "workerd,2");
    }

    private static void checkStory(final List<JsonNode> rows) {
        final List<String> told = new ArrayList<>();
        String previous = "";
        for (final JsonNode row : rows) {
            final String time = row.get("log_time").asText();
            assertThat(time).as("in time order").isGreaterThanOrEqualTo(previous);
            previous = time;
            told.add(row.get("log_level").asText() + " " + text(row, "actor") + " " + text(row, "action") + " "
                    + text(row, "target") + ": " + row.get("log_body").asText());
        }
        final List<String> written = new ArrayList<>();
        for (final JsonNode line : lines) {
            if ("req-5a01".equals(text(line, "correlation_id"))) {
                written.add(LNAV_LEVELS.get(line.get("level").asText()) + " " + text(line, "actor") + " " + text(line, "action")
                        + " " + text(line, "target") + ": " + line.get("human").asText());
            }
        }
        assertThat(told).as("one request's story, from both files").hasSize(4).containsExactlyInAnyOrderElementsOf(written);
    }

    private static String[] errorsPerActor() {
        final Map<String, Long> errors = new TreeMap<>();
        for (final JsonNode line : lines) {
            final String level = line.get("level").asText();
            if (level.equals("ERROR") || level.equals("FATAL")) {
                errors.merge(text(line, "actor"), 1L, Long::sum);
            }
        }
        return errors.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(entry -> entry.getKey() + "=" + entry.getValue()).toArray(String[]::new);
    }

    private static List<String> slowest() {
        return lines.stream().filter(line -> line.has(NarrationFields.DURATION_MS))
                .sorted(Comparator.comparingDouble((JsonNode line) -> line.get(NarrationFields.DURATION_MS).asDouble()).reversed())
                .limit(10).map(line -> operation(line, line.get(NarrationFields.DURATION_MS).asDouble()))
                .collect(Collectors.toList());
    }

    private static String operation(final JsonNode node, final double durationMs) {
        return text(node, "actor") + " " + text(node, "action") + " " + text(node, "target") + " " + durationMs + " "
                + text(node, "correlation_id");
    }

    private static Map<String, Long> countBy(final String key) {
        final Map<String, Long> counts = new HashMap<>();
        for (final JsonNode line : lines) {
            counts.merge(text(line, key), 1L, Long::sum);
        }
        return counts;
    }

    /** A member's text; {@code null} when absent or null (lnav's SQL NULL). */
    private static String text(final JsonNode node, final String key) {
        final JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> documentedQueries() throws IOException {
        final Matcher block = SQL_BLOCK.matcher(Files.readString(ProjectFiles.file("docs/reading.md"), StandardCharsets.UTF_8));
        final List<String> queries = new ArrayList<>();
        while (block.find()) {
            queries.add(block.group(1).trim());
        }
        return queries;
    }

    /** Runs a query over both default-line files and returns lnav's result rows. */
    private static List<JsonNode> query(final String sql) {
        return query(sql, files);
    }

    private static List<JsonNode> query(final String sql, final List<Path> over) {
        final List<String> args = new ArrayList<>(List.of("-n", "-c", ";" + sql, "-c", ":write-json-to -"));
        over.forEach(file -> args.add(file.toString()));
        final Run result = run(args.toArray(new String[0]));
        // lnav exits 0 even when a command fails; its errors are on stderr.
        assertThat(result.stderr).as("lnav's errors for: %s", sql).isEmpty();
        final JsonNode rows = JsonLines.parse(result.stdout);
        assertThat(rows.isArray()).as(result.stdout).isTrue();
        final List<JsonNode> list = new ArrayList<>();
        rows.forEach(list::add);
        return list;
    }

    private static Run run(final String... args) {
        final List<String> command = new ArrayList<>();
        command.add(lnav.toString());
        command.addAll(Arrays.asList(args));
        try {
            final Path out = Files.createTempFile(work, "lnav", ".out");
            final Path err = Files.createTempFile(work, "lnav", ".err");
            final ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            // A home of its own: only the format installed here, no user configuration, no session.
            builder.environment().put("HOME", home.toString());
            builder.environment().remove("XDG_CONFIG_HOME");
            builder.environment().put("TZ", "UTC");
            final Process process = builder.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("lnav did not finish within 120 s: " + command);
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }

    private static Path onPath(final String name) {
        final String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (final String dir : path.split(File.pathSeparator)) {
            final Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static final class Run {
        final int exitCode;
        final String stdout;
        final String stderr;

        Run(final int exitCode, final String stdout, final String stderr) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }
}
