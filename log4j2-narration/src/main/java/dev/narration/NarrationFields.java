package dev.narration;

/**
 * The names of narration fields: the context keys the bundle reads, and the common structured field names of
 * the narration standard, so call sites and queries spell them the same way.
 *
 * <pre>{@code
 * ThreadContext.put(NarrationFields.JOB_ID, jobId);
 * log.info(Narration.action("dispatch").target(jobId).field(NarrationFields.QUEUE_POSITION, 3));
 * }</pre>
 */
public final class NarrationFields {
    // Context keys that feed the root fields of an event (docs/standard.md#fields).
    public static final String ACTOR = "actor";
    public static final String ACTION = "action";
    public static final String TARGET = "target";
    public static final String CORRELATION_ID = "correlation_id";
    public static final String TRACE_ID = "trace_id";
    public static final String SPAN_ID = "span_id";
    public static final String TRACE_FLAGS = "trace_flags";

    // Common structured fields (docs/standard.md#fields).
    public static final String JOB_ID = "job_id";
    public static final String SESSION_ID = "session_id";
    public static final String ENGINE = "engine";
    public static final String ENGINE_VERSION = "engine_version";
    public static final String POOL_ID = "pool_id";
    public static final String REPLICA_ID = "replica_id";
    public static final String QUEUE_POSITION = "queue_position";
    public static final String PREDICTED_START_MS = "predicted_start_ms";
    public static final String TOKENS_IN = "tokens_in";
    public static final String TOKENS_OUT = "tokens_out";
    public static final String DECODE_TIME_MS = "decode_time_ms";
    public static final String DURATION_MS = "duration_ms";
    public static final String ERROR_KIND = "error_kind";
    public static final String WORKER_ID = "worker_id";
    public static final String MODEL_REF = "model_ref";

    private NarrationFields() {}
}
