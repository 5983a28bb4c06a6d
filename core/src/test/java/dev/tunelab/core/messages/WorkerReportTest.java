package dev.tunelab.core.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerReportTest {
    static final String WIRE = """
      {"id": "node-3/4242", "device": "gpu", "memoryBytes": 8589934592, "slots": 2, "busySlots": 1,
       "host": "node-3", "startedAt": "2025-06-01T10:00:00Z"}
      """;

    @Test
    void readsAndWritesTheReportAsWorkersSendIt() {
        assertEquals(
                new WorkerReport(
                        "node-3/4242", WorkerReport.GPU, 8_589_934_592L, 2, 1, "node-3", "2025-06-01T10:00:00Z"),
                Wire.roundTrip(WIRE, WorkerReport.class));
    }

    @Test
    void theFieldsAreTheRecordsComponentsInWireOrder() {
        assertEquals(
                List.of("id", "device", "memoryBytes", "slots", "busySlots", "host", "startedAt"), WorkerReport.FIELDS);
    }
}
