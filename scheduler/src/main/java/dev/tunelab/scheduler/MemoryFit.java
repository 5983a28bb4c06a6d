package dev.tunelab.scheduler;

import dev.tunelab.core.template.MemoryEstimate;
import dev.tunelab.core.template.ModelSpec;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Refuses a point whose network cannot fit the largest live worker of its device, before any worker
 * runs out of memory trying. Without live workers, or without an estimate (a network stored before
 * shapes were inferred), nothing is refused: a worker may yet join.
 */
final class MemoryFit {
    private MemoryFit() {}

    /** Why {@code model} cannot run on any live {@code device} worker, or empty when it may. */
    static Optional<String> refusal(ModelSpec model, String device, OptionalLong largestWorker) {
        if (largestWorker.isEmpty()) return Optional.empty();
        Optional<MemoryEstimate> estimate = MemoryEstimate.of(model);
        if (estimate.isEmpty() || estimate.get().total() <= largestWorker.getAsLong()) return Optional.empty();
        return Optional.of("needs about "
                + MemoryEstimate.megabytesUp(estimate.get().total())
                + " MB for batch "
                + model.batchSize()
                + ", the largest "
                + device
                + " worker has "
                + MemoryEstimate.megabytesDown(largestWorker.getAsLong())
                + " MB");
    }
}
