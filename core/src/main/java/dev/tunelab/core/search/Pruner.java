package dev.tunelab.core.search;

import dev.tunelab.core.study.Direction;
import java.util.List;

/**
 * Decides, after each epoch of a running trial, whether to stop it early. Implementations keep no
 * state: the curves stored in the database are the whole bookkeeping, so a restarted scheduler
 * decides exactly as before.
 */
public interface Pruner {

    /**
     * @param trial the running trial, its curve up to and including {@code epoch}
     * @param others every other trial of the study (any status) with what it reported so far
     */
    Decision decide(Direction direction, int epoch, TrialCurve trial, List<TrialCurve> others);

    /** The bracket a new trial joins; only Hyperband has more than one. */
    default int bracketFor(int trialNumber) {
        return 0;
    }
}
