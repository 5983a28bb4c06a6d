package dev.tunelab.core.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrialEventTest {
    @Test
    void readsAndWritesAnEpochAsWorkersSendIt() {
        String wire = """
        {"version": 1, "type": "EPOCH", "trialId": "6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e", "attempt": 2, "epoch": 3,
         "metrics": {"loss": 0.5, "val_loss": 0.625, "val_accuracy": 0.875}, "objective": 0.875, "message": null,
         "worker": "node-3/4242#0"}
        """;
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", 0.5);
        metrics.put("val_loss", 0.625);
        metrics.put("val_accuracy", 0.875);
        assertEquals(
                new TrialEvent(
                        TrialEvent.VERSION,
                        TrialEvent.Type.EPOCH,
                        UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e"),
                        2,
                        3,
                        metrics,
                        0.875,
                        null,
                        "node-3/4242#0"),
                Wire.roundTrip(wire, TrialEvent.class));
    }

    @Test
    void readsAndWritesAFailureWithoutMetrics() {
        String wire = """
        {"version": 1, "type": "FAILED", "trialId": "6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e", "attempt": 1, "epoch": 0,
         "metrics": {}, "objective": null, "message": "out of memory", "worker": "node-3/4242#1"}
        """;
        assertEquals("out of memory", Wire.roundTrip(wire, TrialEvent.class).message());
    }
}
