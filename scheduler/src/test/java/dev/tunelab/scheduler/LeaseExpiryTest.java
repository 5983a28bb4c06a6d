package dev.tunelab.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LeaseExpiryTest {

    @Test
    void retriesWhileAttemptsRemain() {
        assertEquals(
                new LeaseExpiry(LeaseExpiry.Outcome.RETRY, "attempt 1 lost (lease expired on worker w-7); retrying"),
                LeaseExpiry.decide(1, 3, "w-7", true));
        assertEquals(
                LeaseExpiry.Outcome.RETRY, LeaseExpiry.decide(2, 3, "w-7", true).outcome());
    }

    @Test
    void failsWithTheReasonAfterTheLastAttempt() {
        assertEquals(
                new LeaseExpiry(LeaseExpiry.Outcome.FAIL, "lease expired on attempt 3 (worker w-7); no attempts left"),
                LeaseExpiry.decide(3, 3, "w-7", true));
        assertEquals(
                LeaseExpiry.Outcome.FAIL, LeaseExpiry.decide(1, 1, "w-7", true).outcome(), "maxAttempts 1: no retry");
    }

    @Test
    void aCancelledStudyIsNotRetried() {
        assertEquals(
                LeaseExpiry.Outcome.CANCEL,
                LeaseExpiry.decide(1, 3, "w-7", false).outcome());
    }

    @Test
    void aTrialThatNeverNamedItsWorkerStillSaysWhy() {
        assertEquals(
                "attempt 2 lost (lease expired on an unknown worker); retrying",
                LeaseExpiry.decide(2, 3, null, true).message());
    }
}
