package dev.tunelab.core.study;

/** What validation needs to know about the dataset a study names. */
public record DatasetFacts(Task task, int numFeatures, int numClasses) {}
