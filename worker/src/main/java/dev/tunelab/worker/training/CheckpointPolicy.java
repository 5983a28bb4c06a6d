package dev.tunelab.worker.training;

/**
 * When an epoch's end is worth a checkpoint. Writing one costs the training thread its time (the
 * network, Adam's moments and the normalizer serialized), which on a small network is as long as an
 * epoch; a checkpoint only pays off if the attempt dies. So after the first epoch (always
 * checkpointed: a killed attempt then never starts from scratch) the next checkpoint is taken once
 * the training since the last one has taken at least {@code 1 / maxShare} times as long as that
 * checkpoint took to write: checkpoints cost at most about {@code maxShare} of the training time,
 * and a killed attempt loses at most that much training, or one epoch when epochs are longer.
 *
 * @param maxShare the largest share of training time spent on checkpoints; positive infinity
 *     checkpoints every epoch
 */
public record CheckpointPolicy(double maxShare) {
    /** A twentieth of the training time at most. */
    public static final CheckpointPolicy DEFAULT = new CheckpointPolicy(0.05);

    public static final CheckpointPolicy EVERY_EPOCH = new CheckpointPolicy(Double.POSITIVE_INFINITY);

    public CheckpointPolicy {
        if (!(maxShare > 0)) throw new IllegalArgumentException("maxShare must be positive, not " + maxShare);
    }

    /**
     * @param trainedNanos training time since the last checkpoint was written (or the attempt began)
     * @param lastCostNanos how long the last checkpoint took to write; 0 when none was written yet
     */
    boolean due(long trainedNanos, long lastCostNanos) {
        return lastCostNanos == 0 || maxShare == Double.POSITIVE_INFINITY || lastCostNanos <= maxShare * trainedNanos;
    }
}
