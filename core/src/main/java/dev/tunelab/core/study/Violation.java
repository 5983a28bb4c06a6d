package dev.tunelab.core.study;

/** One reason a submission cannot run, at a JSON path such as {@code $.space.units.min}. */
public record Violation(String path, String message) {}
