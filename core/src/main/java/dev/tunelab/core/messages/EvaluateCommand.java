package dev.tunelab.core.messages;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * "Evaluate this trial's saved model on the study's test split": published on {@link Topics#TRIALS}
 * once a study with a test split ends, for its best trial. The split is rebuilt from the same seed
 * and fractions the trainer used, so the test samples are exactly the ones held out from tuning.
 *
 * @param testDatasetId a separate test dataset (used whole), or null to hold out {@code
 *     testFraction} of the training dataset
 */
public record EvaluateCommand(
        int version,
        String type,
        UUID studyId,
        UUID trialId,
        int number,
        int attempt,
        String datasetId,
        String testDatasetId,
        double testFraction,
        long seed,
        double validationSplit) {
    public static final int VERSION = 1;
    public static final String TYPE = "evaluate";

    /** Whether a record on the trials topic is an evaluation rather than a {@link TrialCommand}. */
    public static boolean is(JsonNode message) {
        return TYPE.equals(message.path("type").asText());
    }
}
