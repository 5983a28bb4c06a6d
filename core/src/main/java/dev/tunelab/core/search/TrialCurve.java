package dev.tunelab.core.search;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One trial's objective after each epoch (of its current attempt), as pruners see it.
 *
 * @param bracket the Hyperband bracket the trial was given at creation; 0 for other pruners
 * @param completed whether the trial ran its whole budget (the median rule compares with these)
 */
public record TrialCurve(int number, int bracket, boolean completed, NavigableMap<Integer, Double> values) {
    public TrialCurve {
        values = Collections.unmodifiableNavigableMap(new TreeMap<>(values));
    }
}
