package dev.tunelab.core.messages;

import java.util.Map;
import java.util.UUID;

/**
 * What a worker reports about one attempt of a trial, on {@link Topics#TRIAL_EVENTS}, keyed by
 * trial id. Writes are idempotent by (trial, attempt, epoch), so a redelivered event is harmless.
 */
public record TrialEvent(
        int version,
        Type type,
        UUID trialId,
        int attempt,
        int epoch,
        Map<String, Double> metrics,
        Double objective,
        String message,
        String worker) {
    public static final int VERSION = 1;

    public enum Type {
        STARTED,
        EPOCH,
        /** The attempt is alive (sent every few seconds while it trains); renews its lease. */
        HEARTBEAT,
        COMPLETED,
        STOPPED,
        FAILED,
        /** The trial's saved model was evaluated on the study's test split; metrics are test_*. */
        TEST_EVALUATED,
        /** The test evaluation could not be done; the message says why. */
        TEST_FAILED
    }
}
