package dev.tunelab.scheduler;

/**
 * What becomes of a running attempt whose lease passed: its worker is presumed lost, so the trial
 * runs again from its checkpoint while attempts remain, and fails with the reason after the last.
 *
 * @param message what the trial's row says afterwards
 */
record LeaseExpiry(Outcome outcome, String message) {

    enum Outcome {
        /** Queue the next attempt. */
        RETRY,
        /** No attempts left. */
        FAIL,
        /** The study was cancelled while the lost worker ran it: nothing to retry for. */
        CANCEL
    }

    static LeaseExpiry decide(int attempt, int maxAttempts, String worker, boolean studyActive) {
        String who = worker == null ? "an unknown worker" : "worker " + worker;
        if (!studyActive) {
            return new LeaseExpiry(
                    Outcome.CANCEL, "study cancelled; attempt " + attempt + " lost (lease expired on " + who + ")");
        }
        if (attempt < maxAttempts) {
            return new LeaseExpiry(
                    Outcome.RETRY, "attempt " + attempt + " lost (lease expired on " + who + "); retrying");
        }
        String w = worker == null ? "unknown worker" : "worker " + worker;
        return new LeaseExpiry(Outcome.FAIL, "lease expired on attempt " + attempt + " (" + w + "); no attempts left");
    }
}
