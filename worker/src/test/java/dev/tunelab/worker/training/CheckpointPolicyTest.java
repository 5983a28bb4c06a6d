package dev.tunelab.worker.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointPolicyTest {

    @Test
    void theFirstEpochIsAlwaysCheckpointedThenOnlyOnceTrainingOutweighsTheCost() {
        CheckpointPolicy p = new CheckpointPolicy(0.05);
        assertTrue(p.due(1, 0));
        assertFalse(p.due(199, 10));
        assertTrue(p.due(200, 10));
    }

    @Test
    void checkpointsCostAtMostTheShareOfTrainingTime() {
        // Epochs of 10 ms, checkpoints of 4 ms: every 8th epoch at a 5 % share.
        CheckpointPolicy p = new CheckpointPolicy(0.05);
        List<Integer> taken = new ArrayList<>();
        long trained = 0;
        long cost = 0;
        for (int epoch = 1; epoch <= 20; epoch++) {
            trained += 10;
            if (p.due(trained, cost)) {
                taken.add(epoch);
                trained = 0;
                cost = 4;
            }
        }
        assertEquals(List.of(1, 9, 17), taken);
    }

    @Test
    void everyEpochMeansEveryEpochAndTheShareMustBePositive() {
        assertTrue(CheckpointPolicy.EVERY_EPOCH.due(1, Long.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> new CheckpointPolicy(0));
        assertThrows(IllegalArgumentException.class, () -> new CheckpointPolicy(Double.NaN));
    }
}
