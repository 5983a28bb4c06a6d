package dev.tunelab.store;

public enum TrialStatus {
  QUEUED,
  RUNNING,
  COMPLETED,
  /** Stopped early by the study's pruner; its last metrics stay. */
  PRUNED,
  FAILED,
  CANCELLED;

  public boolean finished() {
    return this != QUEUED && this != RUNNING;
  }
}
