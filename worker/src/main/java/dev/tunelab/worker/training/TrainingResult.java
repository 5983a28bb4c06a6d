package dev.tunelab.worker.training;

import java.util.Map;

/**
 * The outcome of one trial attempt.
 *
 * @param stopped true when training ended early because a stop was requested
 * @param epochsDone epochs actually trained
 * @param finalMetrics the last epoch's metrics (empty when no epoch ran)
 * @param objective the last epoch's value of the objective metric, or null when no epoch ran
 * @param artifactZip DL4J model zip (network, updater state, normalizer) plus {@value
 *     dev.tunelab.core.messages.ArtifactEntries#MODEL_CARD}; null when stopped (a stopped trial's
 *     model is never stored, and writing a large one took seconds between the stop and its report)
 * @param card the model card stored in the zip
 */
public record TrainingResult(
        boolean stopped,
        int epochsDone,
        Map<String, Double> finalMetrics,
        Double objective,
        byte[] artifactZip,
        ModelCard card) {}
