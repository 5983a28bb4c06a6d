package dev.tunelab.scheduler.search.samplers.tpe;

import dev.tunelab.core.search.StudyHistory;
import dev.tunelab.core.study.Direction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The trials that carry every dimension of a group, as coordinates, split into the best {@link
 * #belowCount} ("below", modelled by l) and the rest ("above", modelled by g), each in creation
 * order. Running trials go above as if they had the worst value (Optuna's {@code constant_liar}): g
 * then grows where they are, and parallel slots spread out instead of all suggesting the same
 * point. Failed trials (finished, no value) are left out.
 *
 * @param finished how many finished trials with a value the group has; running ones not counted
 */
record Split(double[][] below, double[][] above, int finished) {

    static Split of(List<Dimension> dims, StudyHistory history) {
        List<double[]> rows = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        List<Boolean> running = new ArrayList<>();
        int finished = 0;
        for (StudyHistory.Trial t : history.trials()) {
            boolean valued =
                    t.finished() && t.objective() != null && !t.objective().isNaN();
            if (t.finished() && !valued) continue;
            double[] row = coordinates(dims, t);
            if (row == null) continue;
            rows.add(row);
            if (valued) finished++;
            running.add(!valued);
            // Lower is better; a running trial is the worst there is.
            scores.add(
                    !valued
                            ? Double.POSITIVE_INFINITY
                            : history.direction() == Direction.MINIMIZE ? t.objective() : -t.objective());
        }
        Integer[] order = new Integer[rows.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        // Running trials rank after every finished one, even one whose value is infinite; the sort is
        // stable, so among equal values the earlier trial counts as better.
        Arrays.sort(
                order,
                Comparator.<Integer>comparingInt(i -> running.get(i) ? 1 : 0).thenComparingDouble(scores::get));
        int nBelow = belowCount(finished);
        boolean[] isBelow = new boolean[rows.size()];
        for (int r = 0; r < nBelow; r++) isBelow[order[r]] = true;
        List<double[]> below = new ArrayList<>();
        List<double[]> above = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) (isBelow[i] ? below : above).add(rows.get(i));
        return new Split(below.toArray(double[][]::new), above.toArray(double[][]::new), finished);
    }

    /**
     * The trial's coordinates, or null when it lacks one of the dimensions or has a foreign value.
     */
    private static double[] coordinates(List<Dimension> dims, StudyHistory.Trial t) {
        double[] row = new double[dims.size()];
        for (int j = 0; j < row.length; j++) {
            Object v = t.params().get(dims.get(j).name());
            row[j] = v == null ? Double.NaN : dims.get(j).internal(v);
            if (Double.isNaN(row[j])) return null;
        }
        return row;
    }

    /** Optuna's default gamma: the best 10%, rounded up, at most 25. */
    static int belowCount(int finished) {
        return Math.min((int) Math.ceil(0.1 * finished), 25);
    }

    /**
     * Optuna's default weights, oldest first: equal for up to 25 observations; beyond that the newest
     * 25 keep weight 1 and older ones ramp down linearly to 1/n, so a long study slowly forgets the
     * exploratory start.
     */
    static double[] weights(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        int ramp = n - 25;
        if (ramp <= 0) return w;
        for (int i = 0; i < ramp; i++) {
            w[i] = ramp == 1 ? 1.0 / n : 1.0 / n + (1 - 1.0 / n) * i / (ramp - 1);
        }
        return w;
    }
}
