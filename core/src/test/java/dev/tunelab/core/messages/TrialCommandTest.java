package dev.tunelab.core.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialCommandTest {
    static final String WIRE = """
      {"version": 1, "trialId": "6f1c2d3e-4a5b-4c6d-8e7f-901a2b3c4d5e", "studyId": "0a1b2c3d-0000-4000-8000-000000000001",
       "number": 3, "attempt": 2, "datasetId": "iris", "params": {"units": 64, "lr": 0.01, "act": "relu"},
       "model": {"layers": [{"type": "Dense", "units": 64, "activation": "relu"}, {"type": "Dropout", "rate": 0.25}],
                 "output": {"units": 3, "activation": "softmax", "loss": "categorical_crossentropy"},
                 "optimizer": "adam", "learningRate": 0.01, "batchSize": 32, "optimizerArgs": {"weight_decay": 0.001},
                 "schedule": {"type": "step", "decayRate": 0.5, "decaySteps": 2, "alpha": 0.0},
                 "inputShape": [4], "paramCount": 515},
       "epochs": 5, "seed": 42, "validationSplit": 0.2, "objectiveMetric": "val_accuracy", "testFraction": 0.1,
       "resume": true}
      """;

    @Test
    void readsAndWritesARunCommandAsTheSchedulerSendsIt() {
        TrialCommand cmd = Wire.roundTrip(WIRE, TrialCommand.class);
        assertEquals(Map.of("units", 64, "lr", 0.01, "act", "relu"), cmd.params());
        assertEquals(
                List.of("Dense", "Dropout"),
                cmd.model().layers().stream().map(l -> l.type()).toList());
        assertEquals(0.1, cmd.testFraction());
        assertTrue(cmd.resume());
    }

    @Test
    void aModelWithoutScheduleOrShapeLeavesThemOut() {
        // ModelSpec writes no nulls: specs stored before shapes were inferred carry neither field.
        String wire = WIRE.replace(
                        "\"schedule\": {\"type\": \"step\", \"decayRate\": 0.5, \"decaySteps\": 2, \"alpha\": 0.0},",
                        "")
                .replace("\"inputShape\": [4], \"paramCount\": 515", "\"paramCount\": 0");
        TrialCommand cmd = Wire.roundTrip(wire, TrialCommand.class);
        assertNull(cmd.model().schedule());
        assertNull(cmd.model().inputShape());
    }
}
