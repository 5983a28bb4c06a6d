package dev.tunelab.core.messages;

import dev.tunelab.core.template.ModelSpec;
import java.util.Map;
import java.util.UUID;

/**
 * "Train this trial": published on {@link Topics#TRIALS}, keyed by trial id. Carries everything a
 * worker needs, so a worker never reads the database.
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
    String objectiveMetric) {
  public static final int VERSION = 1;
}
