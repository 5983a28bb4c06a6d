package dev.tunelab.worker.training;

/**
 * Training cannot go on, for a reason the user should read as it is (the worker reports the message
 * verbatim): a loss that became NaN or infinite, say. Unlike an {@link IllegalArgumentException},
 * the command itself was fine.
 */
public final class TrainingFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingFailed(String reason) {
        super(reason);
    }

    /** Thrown after the minibatch whose loss was {@code loss}, which is not a finite number. */
    static TrainingFailed lossNotFinite(double loss, int epoch, int minibatch) {
        return new TrainingFailed("loss became "
                + (Double.isNaN(loss) ? "NaN" : "infinite")
                + " at epoch "
                + epoch
                + ", minibatch "
                + minibatch);
    }
}
