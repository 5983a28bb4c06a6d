package dev.tunelab.core.template;

import java.util.Optional;

/**
 * About how much memory training one network takes, in bytes of float32: the weights, their
 * gradients, the optimizer's state per weight (Adam's two moments, SGD's velocity with momentum,
 * RMSprop's and Adagrad's one accumulator), and every layer's activations for a minibatch, kept
 * once for the forward pass and once for the backward pass. The input minibatch counts as the first
 * activation. It leaves out workspace and framework overhead, so it is a floor: a point above a
 * device's memory cannot fit, one below may still be tight.
 */
public record MemoryEstimate(long weights, long gradients, long updaterState, long activations, int batchSize) {
    static final int FLOAT_BYTES = 4;

    public long total() {
        return weights + gradients + updaterState + activations;
    }

    /** The estimate, or empty for a network stored before shapes were inferred. */
    public static Optional<MemoryEstimate> of(ModelSpec spec) {
        if (spec.inputShape() == null || spec.paramCount() <= 0) return Optional.empty();
        long params = spec.paramCount();
        long perSample = 1;
        for (int d : spec.inputShape()) perSample *= d;
        for (long n : ShapeInference.outputSizes(spec)) perSample += n;
        long weights = params * FLOAT_BYTES;
        return Optional.of(new MemoryEstimate(
                weights,
                weights,
                statesPerWeight(spec) * weights,
                perSample * spec.batchSize() * 2 * FLOAT_BYTES,
                spec.batchSize()));
    }

    /** Values the optimizer keeps per weight. */
    static int statesPerWeight(ModelSpec spec) {
        switch (spec.optimizer()) {
            case "adam", "nadam", "adamw":
                return 2;
            case "rmsprop", "adagrad":
                return 1;
            case "sgd":
                Object momentum = spec.optimizerArgs().get("momentum");
                return momentum instanceof Number m && m.doubleValue() > 0 ? 1 : 0;
            default:
                // An optimizer added later: the most any known one keeps, rather than refusing nothing.
                return 2;
        }
    }

    /** Megabytes (2^20 bytes), rounded up: what a point needs. */
    public static long megabytesUp(long bytes) {
        return (bytes + (1L << 20) - 1) >> 20;
    }

    /** Megabytes (2^20 bytes), rounded down: what a device has. */
    public static long megabytesDown(long bytes) {
        return bytes >> 20;
    }
}
