package dev.tunelab.store;

public enum StudyStatus {
  PENDING,
  RUNNING,
  COMPLETED,
  FAILED,
  CANCELLED
}
