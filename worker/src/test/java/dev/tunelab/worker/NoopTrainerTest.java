package dev.tunelab.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.messages.TrialCommand;
import dev.tunelab.worker.training.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NoopTrainerTest {
    static TrialCommand command(int epochs) {
        return new TrialCommand(
                TrialCommand.VERSION,
                UUID.randomUUID(),
                UUID.randomUUID(),
                3,
                1,
                "iris",
                Map.of("units", 8),
                null,
                epochs,
                7L,
                0.2,
                "val_accuracy",
                0,
                false);
    }

    @Test
    void reportsEveryEpochWithTheObjectiveAndMakesNoModel() {
        List<Integer> epochs = new ArrayList<>();
        TrainingResult r = new NoopTrainer()
                .train(
                        command(5),
                        null,
                        (epoch, metrics) -> {
                            assertTrue(metrics.containsKey("val_accuracy"));
                            epochs.add(epoch);
                        },
                        () -> false);
        assertEquals(List.of(1, 2, 3, 4, 5), epochs);
        assertFalse(r.stopped());
        assertEquals(5, r.epochsDone());
        assertEquals(r.finalMetrics().get("val_accuracy"), r.objective());
        assertNull(r.artifactZip(), "nothing to upload");
    }

    @Test
    void honoursAStopBetweenEpochsAndIsTheSameForTheSameTrial() {
        List<Integer> epochs = new ArrayList<>();
        TrainingResult r = new NoopTrainer().train(command(5), null, (e, m) -> epochs.add(e), () -> epochs.size() >= 2);
        assertTrue(r.stopped());
        assertEquals(2, r.epochsDone());
        TrialCommand c = command(3);
        assertEquals(
                new NoopTrainer().train(c, null, (e, m) -> {}, () -> false).objective(),
                new NoopTrainer().train(c, null, (e, m) -> {}, () -> false).objective());
    }
}
