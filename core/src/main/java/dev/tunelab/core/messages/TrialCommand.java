package dev.tunelab.core.messages;

import dev.tunelab.core.template.ModelSpec;
import java.util.Map;
import java.util.UUID;

/**
 * "Train this trial": published on {@link Topics#TRIALS}, keyed by trial id. Carries everything a
 * worker needs, so a worker never reads the database.
 *
 * @param testFraction share of the dataset's samples held out as the study's test split before the
 *     validation split is taken (never trained on, never seen by the sampler); 0 when the study has
 *     no test split or takes it from another dataset
 * @param resume true for a re-queued attempt: continue from the trial's latest checkpoint, if any
 */
public record TrialCommand(
        int version,
        UUID trialId,
        UUID studyId,
        int number,
        int attempt,
        String datasetId,
        Map<String, Object> params,
        ModelSpec model,
        int epochs,
        long seed,
        double validationSplit,
        String objectiveMetric,
        double testFraction,
        boolean resume) {
    public static final int VERSION = 1;
}
