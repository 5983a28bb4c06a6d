package dev.tunelab.core.analysis;

import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Trials as a numeric matrix, one column per search-space parameter in the space's order, with the
 * box [{@code lower}, {@code upper}] each column ranges over.
 *
 * <p>A parameter that is missing from some trial (inactive under its condition, or holding a value
 * its axis does not know, such as a choice since removed) gets an extra unit slot [-1, 0) below its
 * active range, and those trials sit at -0.5. "Inactive" is then one more region of the domain: it
 * weighs as much as one choice, or as the whole active range of a number. A parameter present in
 * every trial gets no such slot, so fANOVA does not integrate over a region no trial ever visited.
 */
final class EncodedTrials {
    /** Where a missing value sits: the middle of the slot below the active range. */
    static final double INACTIVE = -0.5;

    final List<String> names;

    /** {@code columns[feature][row]}. */
    final double[][] columns;

    final double[] lower;
    final double[] upper;

    private EncodedTrials(List<String> names, double[][] columns, double[] lower, double[] upper) {
        this.names = names;
        this.columns = columns;
        this.lower = lower;
        this.upper = upper;
    }

    /**
     * Encodes the trials at {@code rows} of {@code params}; a null map counts as one with nothing
     * active.
     */
    static EncodedTrials encode(SearchSpace space, List<Map<String, Object>> params, int[] rows) {
        List<String> names = new ArrayList<>(space.params().keySet());
        int d = names.size();
        double[][] columns = new double[d][rows.length];
        double[] lower = new double[d];
        double[] upper = new double[d];
        for (int f = 0; f < d; f++) {
            String name = names.get(f);
            Param param = space.params().get(name);
            ParamAxis axis = new ParamAxis(param);
            upper[f] = axis.upper();
            for (int r = 0; r < rows.length; r++) {
                Map<String, Object> trial = params.get(rows[r]);
                double x = axis.position(trial == null ? null : trial.get(name));
                if (Double.isNaN(x)) {
                    x = INACTIVE;
                    lower[f] = -1;
                }
                columns[f][r] = x;
            }
        }
        return new EncodedTrials(List.copyOf(names), columns, lower, upper);
    }

    int features() {
        return columns.length;
    }

    /**
     * Where a tree splits between neighbouring positions {@code a < b}: halfway, except across the
     * boundary of the inactive slot, which the split must follow exactly so that no active leaf
     * claims part of the inactive region (or the reverse).
     */
    static double threshold(double a, double b) {
        if (a < 0 && b >= 0) return 0;
        double mid = a + (b - a) / 2;
        // Adjacent doubles can round the midpoint onto b; keep a <= t < b so b goes right.
        return mid < b ? mid : a;
    }
}
