package dev.tunelab.worker.training;

import java.util.Map;

/** Told after every finished epoch, so the worker can report progress and ask the pruner. */
@FunctionalInterface
public interface EpochListener {

    /**
     * @param epoch 1-based epoch just finished
     * @param metrics that epoch's metrics (see {@link Metrics}); insertion-ordered, not to be kept
     *     mutable by the listener
     */
    void onEpoch(int epoch, Map<String, Double> metrics);
}
