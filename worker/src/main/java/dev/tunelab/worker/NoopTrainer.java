package dev.tunelab.worker;

import dev.tunelab.core.messages.MetricNames;
import dev.tunelab.core.messages.TrialCommand;
import dev.tunelab.worker.training.Checkpoint;
import dev.tunelab.worker.training.EpochListener;
import dev.tunelab.worker.training.TrainingResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Bench and test only ({@code tunelab.worker.noop-trainer=true}): trains nothing and reports all of
 * a trial's epochs at once, so a benchmark measures the service alone. Everything around it is the
 * real path: the Kafka run command, STARTED, one EPOCH event per epoch with the objective and the
 * loss, COMPLETED, the pruner's stops (checked between epochs), PostgreSQL. No model is made, so a
 * no-op trial uploads no artifact and writes no checkpoint.
 */
final class NoopTrainer {

    /** Like {@link Trainer#train}, less the data and checkpoints it has no use for. */
    TrainingResult train(
            TrialCommand cmd, Checkpoint resumeFrom, EpochListener listener, BooleanSupplier stopRequested) {
        // A value in [0.3, 0.95) fixed by the study's seed and the trial, rising towards it by epoch.
        double target = 0.3 + 0.65 * unit(cmd.seed() * 31 + cmd.number());
        int first = resumeFrom == null ? 1 : resumeFrom.epoch() + 1;
        Map<String, Double> metrics = Map.of();
        int done = first - 1;
        for (int epoch = first; epoch <= cmd.epochs(); epoch++) {
            if (epoch > first && stopRequested.getAsBoolean()) return result(true, done, metrics, cmd);
            double value = target * (1 - Math.exp(-epoch));
            metrics = new LinkedHashMap<>();
            metrics.put(MetricNames.LOSS, 1 - value);
            metrics.put(MetricNames.VALIDATION_PREFIX + MetricNames.LOSS, 1 - value);
            metrics.put(cmd.objectiveMetric(), value);
            listener.onEpoch(epoch, metrics);
            done = epoch;
        }
        return result(false, done, metrics, cmd);
    }

    private static TrainingResult result(boolean stopped, int done, Map<String, Double> metrics, TrialCommand cmd) {
        return new TrainingResult(stopped, done, metrics, metrics.get(cmd.objectiveMetric()), null, null);
    }

    /** A uniform draw in [0, 1) from a 64-bit mix (SplitMix64's finaliser). */
    private static double unit(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }
}
