package dev.narration.example.jobsd;

import dev.narration.Correlation;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskDecorator;

/**
 * A job intake service on Spring Boot that logs through SLF4J and Log4j into {@code NarrationJsonLayout}
 * (src/main/resources/log4j2-spring.xml; docs/spring-boot.md). It handles the requests of {@link RequestReplay} and
 * exits.
 */
@SpringBootApplication
public class JobsApplication {
    public static void main(final String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(JobsApplication.class, args)));
    }

    /**
     * Boot applies a single {@code TaskDecorator} bean to the executor it configures ({@code applicationTaskExecutor}),
     * so every task run there carries the submitting request's correlation id and MDC.
     */
    @Bean
    TaskDecorator correlationPropagation() {
        return Correlation::wrap;
    }
}
