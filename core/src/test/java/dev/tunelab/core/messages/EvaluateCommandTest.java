package dev.tunelab.core.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class EvaluateCommandTest {
    static final String WIRE = """
      {"version": 1, "type": "evaluate", "studyId": "0a1b2c3d-0000-4000-8000-000000000001",
       "trialId": "0a1b2c3d-0000-4000-8000-000000000002", "number": 4, "attempt": 1, "datasetId": "iris",
       "testDatasetId": null, "testFraction": 0.2, "seed": 7, "validationSplit": 0.25}
      """;

    @Test
    void readsAndWritesAnEvaluationAsTheSchedulerSendsIt() {
        assertEquals(
                new EvaluateCommand(
                        EvaluateCommand.VERSION,
                        EvaluateCommand.TYPE,
                        UUID.fromString("0a1b2c3d-0000-4000-8000-000000000001"),
                        UUID.fromString("0a1b2c3d-0000-4000-8000-000000000002"),
                        4,
                        1,
                        "iris",
                        null,
                        0.2,
                        7,
                        0.25),
                Wire.roundTrip(WIRE, EvaluateCommand.class));
    }

    @Test
    void isToldApartFromATrialCommandOnTheSameTopic() throws Exception {
        assertTrue(EvaluateCommand.is(Json.MAPPER.readTree(WIRE)));
        assertFalse(EvaluateCommand.is(Json.MAPPER.readTree(TrialCommandTest.WIRE)));
    }
}
