package dev.tunelab.worker.training;

import dev.tunelab.core.data.DatasetKind;
import dev.tunelab.core.messages.ArtifactEntries;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.study.Task;
import dev.tunelab.core.template.ModelSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a saved model is and how it was made, stored as {@value ArtifactEntries#MODEL_CARD} inside
 * the model zip so the artifact explains itself without the database: the exact network, the
 * parameters that produced it, the kind and shape of data it takes, its metrics and the validation
 * and test rows (so anyone can re-evaluate it). Written with core's {@link Json#MAPPER}.
 */
public record ModelCard(
        String format,
        UUID trialId,
        UUID studyId,
        int trialNumber,
        int attempt,
        String datasetId,
        Task task,
        DatasetKind kind,
        List<Integer> inputShape,
        List<String> featureNames,
        List<String> classes,
        Map<String, Object> params,
        ModelSpec model,
        int epochs,
        Map<String, Double> metrics,
        String objectiveMetric,
        Double objective,
        SplitInfo split,
        String createdAt,
        Map<String, String> framework) {

    public static final String FORMAT = "tunelab-model-card/1";
    public static final Map<String, String> FRAMEWORK = Map.of("deeplearning4j", "1.0.0-M2.1");

    /**
     * How the samples were split (see {@link Split}).
     *
     * @param validationRows 0-based sample indices (a CSV's data rows, header excluded), ascending
     * @param testFraction share held out as the test split before validation was taken; 0 when none
     * @param testRows the held-out sample indices, ascending; never trained on or reported per epoch
     * @param ordered true when validation and test were taken from the end, unshuffled
     */
    public record SplitInfo(
            long seed,
            double validationFraction,
            int[] validationRows,
            double testFraction,
            int[] testRows,
            boolean ordered) {}

    public byte[] toJson() {
        return Json.write(this).getBytes(StandardCharsets.UTF_8);
    }

    public static ModelCard fromJson(byte[] json) {
        return Json.read(json, ModelCard.class);
    }
}
