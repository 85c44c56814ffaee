package dev.narration.redact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.ProjectFiles;
import dev.narration.testsupport.StatusCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The example configuration of docs/redaction.md, loaded as it is written there, and configuration errors. */
class RedactionDocsExampleTest {
    private static final String TOKEN = "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";

    @AfterEach
    void clearContext() {
        ThreadContext.clearAll();
    }

    static String docsExample() throws IOException {
        final String doc = Files.readString(ProjectFiles.file("docs/redaction.md"), StandardCharsets.UTF_8);
        final int start = doc.indexOf("```xml\n") + "```xml\n".length();
        return doc.substring(start, doc.indexOf("```", start)).replace("logs/", "${dir}/");
    }

    @Test
    void docsExampleRedactsBothOutputs() throws IOException {
        final List<String> text;
        final List<JsonNode> json;
        try (Log4jFixture log4j = Log4jFixture.sync(docsExample())) {
            final Logger logger = log4j.logger("com.acme.orchestratord.Admission");
            ThreadContext.put("pin", "4321");
            ThreadContext.put("JSESSIONID", "ABCDEF0123456789");
            logger.info("pushing with {}", TOKEN);
            logger.warn("ticket TKS-0123456789ABCDEF01234567 for bob@example.com");
            log4j.context().stop();
            text = log4j.readLines("app.log");
            json = JsonLines.parseAll(log4j.readLines("app.jsonl"));
        }
        assertThat(String.join("\n", text))
                .contains("pushing with [REDACTED:github-token]", "ticket [REDACTED:ticket-secret] for bob@example.com",
                        "pin=[REDACTED:sensitive-key]", "JSESSIONID=ABCDEF0123456789")
                .doesNotContain(TOKEN, "4321");
        assertThat(json.get(0).get("human").asText()).isEqualTo("pushing with ***github-token***");
        assertThat(json.get(1).get("human").asText()).isEqualTo("ticket TKS-0123456789ABCDEF01234567 for ***email***");
        assertThat(json.get(0).get("JSESSIONID").asText()).isEqualTo("***session-id***");
        assertThat(json.get(0).get("pin").asText()).isEqualTo("4321");
        assertThat(Redactor.metricsOf("text").getCounts().get("github-token")).isEqualTo(1L);
        assertThat(Redactor.metricsOf("json").getCounts().get("email")).isEqualTo(1L);
    }

    @Test
    void badSettingsAreReportedNamingElementAndAttributeAndRedactionGoesOn() {
        final List<String> lines;
        final List<String> errors;
        try (StatusCapture status = StatusCapture.start();
                Log4jFixture log4j = Log4jFixture.sync("<Configuration status='OFF'><Appenders>"
                + "<File name='f' fileName='${dir}/out.log'><PatternLayout pattern='%m%n'/></File>"
                + "<Rewrite name='r'><RedactionRewritePolicy disable='jwtt' enable='phone' maxScanLength='-1' mask=''>"
                + "<RedactionRule name='broken' pattern='([a-z'/><RedactionRule pattern='x'/></RedactionRewritePolicy>"
                + "<AppenderRef ref='f'/></Rewrite></Appenders>"
                + "<Loggers><Root level='INFO'><AppenderRef ref='r'/></Root></Loggers></Configuration>")) {
            log4j.logger("x").info("password=hunter2");
            lines = log4j.stopAndReadLines("out.log");
            errors = status.errors();
        }
        assertThat(lines).containsExactly("password=[REDACTED:password]");
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("RedactionRule", "broken", "invalid pattern=\"([a-z\""));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("RedactionRule", "missing name"));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("RedactionRewritePolicy", "disable=\"jwtt\""));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("RedactionRewritePolicy", "enable=\"phone\""));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("RedactionRewritePolicy", "maxScanLength=\"-1\""));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("RedactionRewritePolicy", "mask=\"\""));
    }
}
