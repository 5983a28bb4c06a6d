package dev.tunelab.core.analysis;

import java.util.List;

/**
 * How much of a study's objective each parameter explains, as the UI shows it.
 *
 * @param method how the numbers were computed, for display (e.g. "fANOVA (random forest, 64
 *     trees)")
 * @param trials how many trials went into the estimate
 * @param values one entry per parameter of the search space, most important first (ties by name);
 *     importances are at least 0 and sum to 1, or are all 0 when nothing could be explained
 */
public record ParamImportance(String method, int trials, List<Entry> values) {

    public ParamImportance {
        values = List.copyOf(values);
    }

    /** One parameter's share of the explained variance. */
    public record Entry(String param, double importance) {}
}
