package dev.tunelab.worker.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.data.Samples;
import dev.tunelab.core.messages.TrialCommand;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * An attempt that resumes from a checkpoint trains what the first attempt would have. The iris
 * model has dropout and Adam, so this covers the per-epoch seeds of order and dropout masks and the
 * updater state in the checkpoint. Equality is exact, not within float noise: the same
 * single-threaded CPU operations run on the same float32 values in the same order, and the
 * checkpoint stores parameters, updater state and normalizer statistics as their exact bits.
 */
class ResumeTest {

    static TrialCommand attempt(TrialCommand cmd, int attempt) {
        return new TrialCommand(
                cmd.version(),
                cmd.trialId(),
                cmd.studyId(),
                cmd.number(),
                attempt,
                cmd.datasetId(),
                cmd.params(),
                cmd.model(),
                cmd.epochs(),
                cmd.seed(),
                cmd.validationSplit(),
                cmd.objectiveMetric(),
                cmd.testFraction(),
                attempt > 1);
    }

    private static TrialTrainer everyEpoch() {
        return new TrialTrainer(java.time.Clock.systemUTC(), CheckpointPolicy.EVERY_EPOCH);
    }

    @Test
    void twoEpochsThenAResumedAttemptEqualFourEpochsStraight() throws IOException {
        Samples iris = TrialTrainerTest.iris();
        TrialCommand cmd = TrialTrainerTest.command(TrialTrainerTest.irisModel(), 4, "val_loss", 0.2);
        TrainingResult straight = new TrialTrainer().train(cmd, iris, (e, m) -> {}, () -> false);

        // The first attempt ends after epoch 2 (its worker is stopped), leaving epoch 2's checkpoint.
        List<Checkpoint> saved = new ArrayList<>();
        List<Integer> firstEpochs = new ArrayList<>();
        TrainingResult first = everyEpoch()
                .train(cmd, iris, null, (e, m) -> firstEpochs.add(e), saved::add, () -> firstEpochs.size() >= 2);
        assertTrue(first.stopped());
        assertEquals(List.of(1, 2), saved.stream().map(Checkpoint::epoch).toList());
        Checkpoint checkpoint = Checkpoint.read(saved.get(1).zip());
        assertEquals(cmd.trialId(), checkpoint.trialId());
        assertEquals(1, checkpoint.attempt());
        assertEquals(2, checkpoint.epoch());

        List<Integer> resumedEpochs = new ArrayList<>();
        List<Map<String, Double>> resumedMetrics = new ArrayList<>();
        List<Integer> resumedCheckpoints = new ArrayList<>();
        TrialCommand second = attempt(cmd, 2);
        TrainingResult resumed = everyEpoch()
                .train(
                        second,
                        iris,
                        checkpoint,
                        (e, m) -> {
                            resumedEpochs.add(e);
                            resumedMetrics.add(m);
                        },
                        c -> {
                            assertEquals(2, c.attempt());
                            resumedCheckpoints.add(c.epoch());
                        },
                        () -> false);

        assertEquals(List.of(3, 4), resumedEpochs);
        assertEquals(List.of(3, 4), resumedCheckpoints);
        assertFalse(resumed.stopped());
        assertEquals(4, resumed.epochsDone());
        assertEquals(straight.finalMetrics(), resumed.finalMetrics());
        assertEquals(straight.finalMetrics(), resumedMetrics.get(1));
        assertEquals(straight.objective(), resumed.objective());
        assertArrayEquals(
                ModelZip.network(straight.artifactZip()).params().toFloatVector(),
                ModelZip.network(resumed.artifactZip()).params().toFloatVector());
        // The same kind of model zip: card (of the resuming attempt), normalizer, restorable network.
        assertEquals(2, resumed.card().attempt());
        assertEquals(4, resumed.card().epochs());
        assertArrayEquals(
                straight.card().split().validationRows(), resumed.card().split().validationRows());
        assertArrayEquals(
                straight.card().split().testRows(), resumed.card().split().testRows());
        assertNotNull(ModelZip.normalizer(resumed.artifactZip()));
    }

    @Test
    void aCheckpointOfTheLastEpochResumesToTheSameResultWithoutTraining() throws IOException {
        Samples iris = TrialTrainerTest.iris();
        TrialCommand cmd = TrialTrainerTest.command(TrialTrainerTest.irisModel(), 2, "val_loss", 0);
        AtomicReference<Checkpoint> last = new AtomicReference<>();
        TrainingResult done = everyEpoch().train(cmd, iris, null, (e, m) -> {}, last::set, () -> false);

        List<Integer> epochs = new ArrayList<>();
        TrainingResult again = new TrialTrainer()
                .train(
                        attempt(cmd, 2),
                        iris,
                        Checkpoint.read(last.get().zip()),
                        (e, m) -> epochs.add(e),
                        null,
                        () -> false);
        assertEquals(List.of(), epochs);
        assertEquals(2, again.epochsDone());
        assertEquals(done.finalMetrics(), again.finalMetrics());
        assertEquals(done.objective(), again.objective());
    }

    @Test
    void refusesAnotherTrialsCheckpointAndAZipThatIsNone() throws IOException {
        Samples iris = TrialTrainerTest.iris();
        TrialCommand cmd = TrialTrainerTest.command(TrialTrainerTest.irisModel(), 1, "val_loss", 0);
        AtomicReference<Checkpoint> last = new AtomicReference<>();
        TrainingResult r = new TrialTrainer().train(cmd, iris, null, (e, m) -> {}, last::set, () -> false);

        TrialCommand other = TrialTrainerTest.command(TrialTrainerTest.irisModel(), 2, "val_loss", 0);
        assertThrows(
                IllegalArgumentException.class,
                () -> new TrialTrainer().train(other, iris, last.get(), (e, m) -> {}, null, () -> false));
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(r.artifactZip()));
        assertEquals(UUID.class, Checkpoint.read(last.get().zip()).trialId().getClass());
    }
}
