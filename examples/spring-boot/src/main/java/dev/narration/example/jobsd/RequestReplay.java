package dev.narration.example.jobsd;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.stereotype.Component;

/**
 * Plays a few requests through {@link JobIntake}, as an HTTP endpoint would receive them: two with a correlation id
 * of their own, one with none (it gets a fresh id), one for a model that is not served.
 */
@Component
class RequestReplay implements CommandLineRunner {
    private static final Logger log = LoggerFactory.getLogger(RequestReplay.class);

    private final JobIntake intake;

    RequestReplay(final JobIntake intake) {
        this.intake = intake;
    }

    @Override
    public void run(final String... args) {
        final List<String> ids = new ArrayList<>();
        ids.add(intake.handle("req-7f3a", "acme", "job-1", "llama-7b"));
        ids.add(intake.handle(null, "acme", "job-2", "mistral-7b"));
        ids.add(intake.handle("req-9c1e", "globex", "job-3", "gpt-17"));
        log.info("Replayed {} requests under correlation ids {}", ids.size(), ids);
    }
}
