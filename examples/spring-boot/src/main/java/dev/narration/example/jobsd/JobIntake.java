package dev.narration.example.jobsd;

import dev.narration.Correlation;
import dev.narration.Narration;
import dev.narration.NarrationFields;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.logging.log4j.LogManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

/**
 * Accepts a job request and dispatches it on Boot's task executor. Most lines go through SLF4J, as in most Spring
 * code; the dispatch line is a {@link Narration}, which only Log4j's API accepts (SLF4J takes no Log4j message).
 */
@Service
public class JobIntake {
    private static final Logger log = LoggerFactory.getLogger(JobIntake.class);
    private static final org.apache.logging.log4j.Logger narration = LogManager.getLogger(JobIntake.class);
    private static final Marker AUDIT = MarkerFactory.getMarker("AUDIT");
    private static final Set<String> MODELS = Set.of("llama-7b", "mistral-7b");

    private final TaskExecutor executor;

    JobIntake(final TaskExecutor executor) {
        this.executor = executor;
    }

    /**
     * Handles one request under its correlation id (a fresh one when the caller sent none or an invalid one) and
     * returns that id, as an HTTP handler would write it into the response's {@code X-Correlation-ID}.
     */
    public String handle(final String incomingId, final String tenant, final String jobId, final String model) {
        try (var scope = Correlation.open(incomingId)) {
            MDC.put("tenant", tenant);
            try {
                log.debug("Received a request for model {}", model);
                if (!MODELS.contains(model)) {
                    final IllegalArgumentException cause = new IllegalArgumentException("unknown model " + model);
                    log.atError().addKeyValue("action", "reject").addKeyValue("target", jobId)
                            .addKeyValue(NarrationFields.ERROR_KIND, "model_not_found").setCause(cause)
                            .log("Rejected job {}: model {} is not served here", jobId, model);
                    return scope.id();
                }
                log.atInfo().addKeyValue("action", "accept").addKeyValue("target", jobId)
                        .addKeyValue(NarrationFields.QUEUE_POSITION, 1)
                        .log("Accepted job {}; queued at position {}", jobId, 1);
                CompletableFuture.runAsync(() -> dispatch(jobId, model), executor).join();
                log.info(AUDIT, "Job {} admitted for tenant {}", jobId, tenant);
            } finally {
                MDC.remove("tenant");
            }
            return scope.id();
        }
    }

    private static void dispatch(final String jobId, final String model) {
        narration.info(Narration.action("dispatch").target(jobId)
                .human("Dispatched job {} to pool {}", jobId, "gpu-a")
                .field(NarrationFields.POOL_ID, "gpu-a")
                .field(NarrationFields.MODEL_REF, model)
                .field(NarrationFields.PREDICTED_START_MS, 420L));
    }
}
