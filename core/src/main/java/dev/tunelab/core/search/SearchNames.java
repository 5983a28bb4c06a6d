package dev.tunelab.core.search;

import java.util.List;

/**
 * The names a study gives its sampler ({@code algorithm.name}) and its pruner ({@code
 * pruner.name}), defined once: the study parser accepts exactly these and the scheduler's factories
 * build from them, so a name cannot be valid in one place and unknown in the other.
 */
public final class SearchNames {
    public static final String BAYESIAN = "bayesian";
    public static final String TPE = "tpe";
    public static final String SOBOL = "sobol";
    public static final String RANDOM = "random";
    public static final String GRID = "grid";

    /** Every sampler, in the order error messages list them; the first is the default. */
    public static final List<String> SAMPLERS = List.of(BAYESIAN, TPE, SOBOL, RANDOM, GRID);

    public static final String NONE = "none";
    public static final String MEDIAN = "median";
    public static final String ASHA = "asha";
    public static final String HYPERBAND = "hyperband";

    /** Every pruner, in the order error messages list them; the first is the default. */
    public static final List<String> PRUNERS = List.of(NONE, MEDIAN, ASHA, HYPERBAND);

    private SearchNames() {}
}
