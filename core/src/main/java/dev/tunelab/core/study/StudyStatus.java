package dev.tunelab.core.study;

/** Where a study stands; stored and shown by its name. */
public enum StudyStatus {
    PENDING,
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED;

    /** Whether the scheduler still creates and watches its trials. */
    public boolean active() {
        return this == PENDING || this == RUNNING;
    }
}
