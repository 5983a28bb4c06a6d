package dev.tunelab.worker.training;

import dev.tunelab.core.messages.ArtifactEntries;
import dev.tunelab.core.messages.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;

/**
 * Where an attempt stood after a finished epoch, so a later attempt of the same trial can go on
 * from there instead of from scratch. The zip is a DL4J model zip with the updater state (Adam's
 * moments, and the iteration and epoch counts that schedules read), the fitted normalizer, and
 * {@value ArtifactEntries#CHECKPOINT} {@code {trialId, attempt, epoch}}, all uncompressed. No
 * random state is saved: every epoch is seeded on its own ({@link TrialTrainer#epochSeed}), so the
 * next epoch needs only its number.
 *
 * @param epoch the last epoch finished before the checkpoint was taken (1-based)
 * @param zip the bytes as uploaded and fetched
 */
public record Checkpoint(UUID trialId, int attempt, int epoch, byte[] zip) {
    /** The {@value ArtifactEntries#CHECKPOINT} entry. */
    record Info(UUID trialId, int attempt, int epoch) {}

    static Checkpoint of(MultiLayerNetwork net, DataNormalization normalizer, UUID trialId, int attempt, int epoch) {
        byte[] info = Json.write(new Info(trialId, attempt, epoch)).getBytes(StandardCharsets.UTF_8);
        return new Checkpoint(
                trialId,
                attempt,
                epoch,
                ModelZip.write(net, normalizer, Map.of(ArtifactEntries.CHECKPOINT, info), true));
    }

    /**
     * @throws IllegalArgumentException when {@code zip} has no readable {@value
     *     ArtifactEntries#CHECKPOINT}
     */
    public static Checkpoint read(byte[] zip) {
        byte[] json = ModelZip.entry(zip, ArtifactEntries.CHECKPOINT);
        if (json == null)
            throw new IllegalArgumentException("not a checkpoint: the zip has no " + ArtifactEntries.CHECKPOINT);
        Info info;
        try {
            info = Json.read(json, Info.class);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the checkpoint's " + ArtifactEntries.CHECKPOINT + " cannot be read", e);
        }
        if (info.trialId() == null || info.epoch() < 1) {
            throw new IllegalArgumentException(
                    "the checkpoint's " + ArtifactEntries.CHECKPOINT + " names no trial or epoch");
        }
        return new Checkpoint(info.trialId(), info.attempt(), info.epoch(), zip);
    }

    /** The network with its updater state, ready to fit the next epoch. */
    MultiLayerNetwork network() {
        return ModelZip.networkWithUpdater(zip);
    }

    /** The normalizer fitted by the first attempt, or null for token ids. */
    DataNormalization normalizer() {
        return ModelZip.normalizer(zip);
    }
}
