package dev.tunelab.core.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ControlMessageTest {
    @Test
    void readsAndWritesAStopAsTheSchedulerSendsIt() {
        UUID trial = UUID.fromString("6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e");
        String wire = """
        {"version": 1, "type": "STOP", "trialId": "6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e", "attempt": 2}
        """;
        assertEquals(
                new ControlMessage(ControlMessage.VERSION, ControlMessage.Type.STOP, trial, 2),
                Wire.roundTrip(wire, ControlMessage.class));
    }
}
