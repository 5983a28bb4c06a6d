package dev.tunelab.core.study;

/** Where a trial stands; stored and shown by its name. */
public enum TrialStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    /** Stopped early by the study's pruner; its last metrics stay. */
    PRUNED,
    /** Sampled, but its network cannot exist (e.g. pooling shrinks the image away); never trained. */
    SKIPPED,
    FAILED,
    CANCELLED;

    public boolean finished() {
        return this != QUEUED && this != RUNNING;
    }
}
