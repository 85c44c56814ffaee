package dev.narration.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.narration.Narration;
import dev.narration.event.NarrationReader;
import dev.narration.testsupport.Allocations;
import dev.narration.testsupport.DrainingDestination;
import dev.narration.testsupport.JsonLines;
import dev.narration.testsupport.Log4jFixture;
import dev.narration.testsupport.StatusCapture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

/**
 * {@code <Actor prefix="…" name="…"/>} inside the layout (docs/layout.md, "Actor names for other people's loggers"):
 * the longest prefix wins, a prefix matches at a package or class boundary only, the rule names every other
 * logger's actor, and the pattern converter, the template resolver and {@code NarrationReader} given the same
 * prefixes agree with the line.
 */
class ActorNamesTest {
    private static final String ACTORS = "<Actor prefix='org.springframework' name='spring'/>"
            + "<Actor prefix='org.springframework.boot' name='spring-boot'/>"
            + "<Actor prefix='org.hibernate.SQL' name='sql'/>";
    /** Logger name → the actor every reader must give it. */
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("org.springframework.beans.factory.support.DefaultListableBeanFactory", "spring");
        EXPECTED.put("org.springframework.boot.SpringApplication", "spring-boot");
        EXPECTED.put("org.springframework.boot.availability.ApplicationAvailabilityBean", "spring-boot");
        EXPECTED.put("org.springframework", "spring");
        EXPECTED.put("org.hibernate.SQL", "sql");
        EXPECTED.put("org.hibernate.SQL$Inner", "sql");
        // Not at a boundary: the rule decides.
        EXPECTED.put("org.springframeworks.Other", "springframeworks");
        EXPECTED.put("org.hibernate.SQLServerDialect", "hibernate");
        EXPECTED.put("com.acme.orchestratord.JobAdmission", "orchestratord");
    }

    private static String config(final String actors) {
        return "<Configuration status='WARN'><Appenders>"
                + "<File name='json' fileName='${dir}/out.jsonl'><NarrationJsonLayout>" + actors + "</NarrationJsonLayout></File>"
                + "<File name='text' fileName='${dir}/out.txt'><PatternLayout pattern='%narration{actor}{package}"
                + "{org.springframework=spring}{org.springframework.boot=spring-boot}{org.hibernate.SQL=sql}%n'/></File>"
                + "<File name='template' fileName='${dir}/template.jsonl'><JsonTemplateLayout><EventTemplate><![CDATA["
                + "{\"actor\": {\"$resolver\": \"narration\", \"field\": \"actor\", \"actors\": {\"org.springframework\": \"spring\","
                + " \"org.springframework.boot\": \"spring-boot\", \"org.hibernate.SQL\": \"sql\"}}}"
                + "]]></EventTemplate></JsonTemplateLayout></File>"
                + "</Appenders><Loggers><Root level='INFO'><AppenderRef ref='json'/><AppenderRef ref='text'/>"
                + "<AppenderRef ref='template'/></Root></Loggers></Configuration>";
    }

    @Test
    void theLongestPrefixAtABoundaryWinsInEveryReader() {
        final List<String> json;
        final List<String> text;
        final List<String> template;
        final NarrationReader reader = NarrationReader.withActors("package", Map.of("org.springframework", "spring",
                "org.springframework.boot", "spring-boot", "org.hibernate.SQL", "sql"));
        final List<String> read = new ArrayList<>();
        try (StatusCapture status = StatusCapture.start(); Log4jFixture log4j = Log4jFixture.sync(config(ACTORS))) {
            for (final String logger : EXPECTED.keySet()) {
                log4j.logger(logger).info("Started");
                read.add(reader.actor(event(logger)));
            }
            json = log4j.stopAndReadLines("out.jsonl");
            text = log4j.readLines("out.txt");
            template = log4j.readLines("template.jsonl");
            assertThat(status.errors()).isEmpty();
        }
        final List<String> expected = new ArrayList<>(EXPECTED.values());
        assertThat(JsonLines.parseAll(json)).extracting(line -> line.get("actor").asText()).containsExactlyElementsOf(expected);
        assertThat(text).containsExactlyElementsOf(expected);
        assertThat(JsonLines.parseAll(template)).extracting(line -> line.get("actor").asText()).containsExactlyElementsOf(expected);
        assertThat(read).containsExactlyElementsOf(expected);
    }

    @Test
    void anActorTheEventGivesStillWins() {
        final JsonNode line;
        try (Log4jFixture log4j = Log4jFixture.sync(config(ACTORS))) {
            log4j.logger("org.springframework.web.Servlet").info(Narration.event().actor("gateway").human("Routed"));
            line = JsonLines.parse(log4j.stopAndReadLines("out.jsonl").get(0));
        }
        assertThat(line.get("actor").asText()).isEqualTo("gateway");
    }

    @Test
    void aBadActorIsReportedByElementAttributeAndValueAndTheOthersApply() {
        final List<String> json;
        try (StatusCapture status = StatusCapture.start(); Log4jFixture log4j = Log4jFixture.sync(config(
                "<Actor prefix='org.springframework.' name='spring'/><Actor prefix='org.hibernate' name=''/>"
                        + "<Actor prefix='io.netty' name='net ty'/><Actor prefix='org.apache.kafka' name='kafka'/>"
                        + "<Actor prefix='org.apache.kafka' name='kafka-client'/><Actor name='orphan'/>"))) {
            log4j.logger("org.apache.kafka.clients.NetworkClient").info("Connected");
            log4j.logger("org.springframework.beans.Factory").info("Created");
            json = log4j.stopAndReadLines("out.jsonl");
            assertThat(status.errors()).filteredOn(message -> message.startsWith("NarrationJsonLayout: <Actor")).hasSize(5)
                    .allSatisfy(message -> assertThat(message).contains("Ignoring this <Actor>")
                            .contains("https://github.com/narration-dev/log4j2-narration/blob/main/docs/layout.md#"))
                    .anySatisfy(message -> assertThat(message).contains("prefix=\"org.springframework.\"")
                            .contains("invalid prefix \"org.springframework.\""))
                    .anySatisfy(message -> assertThat(message).contains("prefix=\"org.hibernate\"").contains("the name is missing"))
                    .anySatisfy(message -> assertThat(message).contains("invalid name \"net ty\""))
                    .anySatisfy(message -> assertThat(message).contains("name=\"kafka-client\"")
                            .contains("\"org.apache.kafka\" is named \"kafka\" already"))
                    .anySatisfy(message -> assertThat(message).contains("prefix=\"null\"").contains("the prefix is missing"));
        }
        assertThat(JsonLines.parseAll(json)).extracting(line -> line.get("actor").asText()).containsExactly("kafka", "beans");
    }

    @Test
    void theReaderRejectsWhatTheLayoutWouldReport() {
        assertThatThrownBy(() -> NarrationReader.withActors("package", Map.of("org..spring", "spring")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid prefix \"org..spring\"");
        assertThatThrownBy(() -> NarrationReader.withActors("module", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("package, class, logger");
        assertThat(NarrationReader.withActors("class", Map.of("io.netty", "netty")).actor(event("com.acme.JobAdmission")))
                .isEqualTo("job-admission");
    }

    @Test
    void theResolverAndTheConverterReportBadPrefixesToo() {
        final String config = "<Configuration status='WARN'><Appenders>"
                + "<File name='text' fileName='${dir}/out.txt'><PatternLayout pattern='%narration{actor}{org..spring=spring}%n'/></File>"
                + "<File name='template' fileName='${dir}/template.jsonl'><JsonTemplateLayout><EventTemplate><![CDATA["
                + "{\"actor\": {\"$resolver\": \"narration\", \"field\": \"actor\", \"actors\": {\"org.hibernate\": \"\"}}}"
                + "]]></EventTemplate></JsonTemplateLayout></File>"
                + "</Appenders><Loggers><Root level='INFO'><AppenderRef ref='text'/><AppenderRef ref='template'/></Root>"
                + "</Loggers></Configuration>";
        try (StatusCapture status = StatusCapture.start(); Log4jFixture log4j = Log4jFixture.sync(config)) {
            assertThat(status.errors()).anySatisfy(message -> assertThat(message)
                    .contains("PatternLayout %narration{actor}: <Actor prefix=\"org..spring\" name=\"spring\">"));
            assertThat(String.join("\n", status.errors())).contains("\"actors\" entry \"org.hibernate\": the name is missing");
        }
    }

    /** The prefixes are consulted once per logger name: encoding stays allocation-free however many there are. */
    @Test
    void prefixesCostNothingPerEvent() {
        final NarrationJsonLayout layout = NarrationJsonLayout.newBuilder().setConfiguration(new DefaultConfiguration())
                .setEnvironment(Map.of()).setActorNames(
                        ActorName.newBuilder().setPrefix("org.springframework").setName("spring").build(),
                        ActorName.newBuilder().setPrefix("org.hibernate").setName("hibernate").build())
                .build();
        final LogEvent event = event("org.springframework.beans.factory.support.DefaultListableBeanFactory");
        final DrainingDestination destination = new DrainingDestination();
        final double perCall = Allocations.steadyPerCall(50_000, 20_000, 3, () -> layout.encode(event, destination));
        assertThat(perCall).as("bytes allocated per encoded event").isLessThan(1.0);
        assertThat(layout.toString()).contains("actors=package, org.springframework=spring, org.hibernate=hibernate");
    }

    private static LogEvent event(final String logger) {
        return Log4jLogEvent.newBuilder().setLoggerName(logger).setLevel(Level.INFO).setMessage(new SimpleMessage("Started"))
                .setThreadName("main").setTimeMillis(1_763_708_809_123L).build();
    }
}
