package dev.orchestrator.runtime;

/**
 * The keys of an engine worker's counters ({@code Worker.counters()}, {@code status --json}), for the readers that
 * sum or export them: the pipeline view and the Prometheus metrics.
 */
public final class CounterKeys {

    public static final String EVENTS_IN = "events_in";
    public static final String EVENTS_OUT = "events_out";
    public static final String DROPPED = "dropped";
    public static final String ERRORED = "errored";
    public static final String BEATS = "beats";
    public static final String BEAT_ERRORS = "beat_errors";
    public static final String PROCESSING_SECONDS = "processing_seconds";
    /** Cumulative counts of events by processing time: upper bound in seconds ("+Inf" last) to count. */
    public static final String PROCESSING_HISTOGRAM = "processing_histogram";
    public static final String SEC_PER_EVT = "sec_per_evt";
    public static final String EVT_PER_SEC = "evt_per_sec";
    public static final String RECONNECTS = "reconnects";
    /** Outputs the broker returned (no queue bound to their destination). */
    public static final String RETURNED = "returned";
    /** Inputs requeued because an output was returned (its queue was gone). */
    public static final String REQUEUED = "requeued";
    /** Outputs the broker nacked and the worker published again (their inputs held meanwhile, never requeued). */
    public static final String REPUBLISHED = "republished";
    public static final String CONNECTED = "connected";
    /**
     * True when the run failed at start because the broker could not be reached or refused the login: the daemon
     * restarts such a FATAL process once the broker answers again.
     */
    public static final String BROKER_UNREACHABLE = "broker_unreachable";
    public static final String LAST_ERROR = "last_error";

    private CounterKeys() {}
}
