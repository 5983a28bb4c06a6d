package dev.tunelab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunelab.worker.training.TrainingFailed;
import org.junit.jupiter.api.Test;

class FailureReasonTest {

    @Test
    void aTrainingFailureIsReportedVerbatim() {
        assertEquals(
                "loss became NaN at epoch 2, minibatch 5",
                FailureReason.of(new TrainingFailed("loss became NaN at epoch 2, minibatch 5")));
    }

    @Test
    void heapAndOffHeapExhaustionAreOutOfMemory() {
        assertEquals(
                "out of memory: OutOfMemoryError: Java heap space",
                FailureReason.of(new OutOfMemoryError("Java heap space")));
        // JavaCPP's refusal, as ND4J throws it when off-heap memory passes maxPhysicalBytes.
        assertEquals(
                "out of memory: OutOfMemoryError: Cannot allocate new FloatPointer(1000000000)",
                FailureReason.of(new RuntimeException(
                        "op failed", new OutOfMemoryError("Cannot allocate new FloatPointer(1000000000)"))));
    }

    @Test
    void aNativeAllocationFailureIsOutOfMemory() {
        assertEquals(
                "out of memory: RuntimeException: Failed to allocate 4294967296 bytes from DEVICE [0] memory",
                FailureReason.of(new RuntimeException("Failed to allocate 4294967296 bytes from DEVICE [0] memory")));
    }

    @Test
    void anythingElseNamesItsClass() {
        assertEquals(
                "IllegalArgumentException: bad shape", FailureReason.of(new IllegalArgumentException("bad shape")));
    }

    @Test
    void anApiThatIsAwayIsNotTheTrialsFault() {
        org.junit.jupiter.api.Assertions.assertTrue(FailureReason.apiUnavailable(
                new java.io.UncheckedIOException(new java.net.ConnectException("connection refused"))));
        org.junit.jupiter.api.Assertions.assertTrue(FailureReason.apiUnavailable(
                new java.io.IOException("GET /api/v1/datasets/x/content failed with HTTP 503: starting")));
        org.junit.jupiter.api.Assertions.assertFalse(FailureReason.apiUnavailable(
                new java.io.IOException("GET /api/v1/datasets/x/meta failed with HTTP 404: no dataset")));
        org.junit.jupiter.api.Assertions.assertFalse(
                FailureReason.apiUnavailable(new IllegalArgumentException("bad shape")));
    }
}
