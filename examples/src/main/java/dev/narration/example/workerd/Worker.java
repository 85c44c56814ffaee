package dev.narration.example.workerd;

import dev.narration.Narration;
import dev.narration.NarrationFields;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Runs jobs: completes most, retries a flaky one with a WARN, fails an unknown model with an ERROR. */
public final class Worker {
    private static final Logger log = LogManager.getLogger();

    private final String id;

    public Worker(final String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public void run(final String jobId, final String model) {
        if (model.endsWith("@flaky")) {
            log.warn(Narration.action("retry").target(jobId)
                    .human("Retrying {} after timeout (attempt 2/5, backoff: 200ms)", jobId)
                    .cute(jobId + " didn't make it through. Let's try again! Attempt 2... 🔄")
                    .story("\"Timeout!\" said " + id + ". \"Let me try again,\" offered orchestratord.")
                    .field("attempt", 2).field("backoff_ms", 200).field(NarrationFields.WORKER_ID, id));
        }
        if (model.startsWith("gpt-5")) {
            final Exception failure = new IllegalArgumentException("model 'gpt-5' not found in catalog",
                    new java.io.FileNotFoundException("/models/gpt-5.gguf"));
            log.error(Narration.action("fail").target(jobId)
                    .human("Job validation failed: model 'gpt-5' not found in catalog (available: llama-7b, phi-3)")
                    .cute("Hmm, 'gpt-5' isn't in our catalog. We have llama-7b and phi-3 though! 🔍")
                    .field(NarrationFields.ERROR_KIND, "model_not_found").field(NarrationFields.WORKER_ID, id), failure);
            return;
        }
        final long tokens = 100L + model.length() * 10L;
        final long durationMs = 1_000L + tokens * 10L;
        log.debug(Narration.action("decode").target(jobId).human("Decoded {} tokens in {} ms", tokens, durationMs - 20)
                .field(NarrationFields.TOKENS_OUT, tokens).field(NarrationFields.DECODE_TIME_MS, durationMs - 20));
        log.info(Narration.action("complete").target(jobId)
                .human("Job completed in {} ms ({} tokens, {} tokens/sec)", durationMs, tokens, tokens * 1000 / durationMs)
                .cute(jobId + " finished! Generated " + tokens + " tokens super fast! 🎉")
                .field(NarrationFields.DURATION_MS, durationMs).field(NarrationFields.TOKENS_OUT, tokens)
                .field(NarrationFields.WORKER_ID, id).field(NarrationFields.ENGINE, "llamacpp-v1"));
    }
}
