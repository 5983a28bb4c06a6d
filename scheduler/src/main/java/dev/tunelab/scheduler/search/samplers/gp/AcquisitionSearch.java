package dev.tunelab.scheduler.search.samplers.gp;

import dev.tunelab.scheduler.search.samplers.DigitalShift;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Finds the point with the largest log expected improvement. A digitally shifted Sobol net of
 * candidates is scored in one pass; the best few, and the incumbent, are then refined by
 * alternating projected L-BFGS on the active float columns (analytic gradient of log EI through the
 * posterior mean and variance) with a pass over each discrete parameter that tries its other
 * values, until neither moves. The same shape as Optuna's GPSampler ({@code optimize_acqf_mixed}):
 * a global screen is cheap, and the refinement supplies the precision a screen cannot.
 */
final class AcquisitionSearch {
    private static final int LOCAL_STARTS = 5;
    private static final int ROUNDS = 3;

    private final GaussianProcess gp;
    private final SpaceEncoding encoding;
    private final double best;
    private final Lbfgs lbfgs = new Lbfgs(50, 1e-7);

    /**
     * @param best the incumbent (largest value the model was given), which improvement is measured
     *     from
     */
    AcquisitionSearch(GaussianProcess gp, SpaceEncoding encoding, double best) {
        this.gp = gp;
        this.encoding = encoding;
        this.best = best;
    }

    /**
     * The raw vector with the largest log EI found, from {@code candidates} net points plus {@code
     * seeds}.
     */
    double[] maximize(int candidates, List<double[]> seeds, RandomGenerator rng) {
        List<double[]> points = new ArrayList<>(net(candidates, rng));
        for (double[] s : seeds) points.add(encoding.canonical(s));
        double[][] rows = points.toArray(new double[0][]);
        double[] scores = score(rows);
        // The best LOCAL_STARTS distinct rows, best first (ties to the lower index): picked one at a
        // time rather than sorting the whole screen, since only a handful are ever read.
        List<Integer> starts = new ArrayList<>();
        boolean[] taken = new boolean[rows.length];
        while (starts.size() < LOCAL_STARTS) {
            int next = -1;
            for (int i = 0; i < rows.length; i++) {
                if (!taken[i] && (next < 0 || Double.compare(-scores[i], -scores[next]) < 0)) next = i;
            }
            if (next < 0) break;
            taken[next] = true;
            double[] row = rows[next];
            if (starts.stream().noneMatch(s -> Arrays.equals(rows[s], row))) starts.add(next);
        }
        int top = starts.get(0);
        // Seeds (the incumbent) are refined even when their screen score is low: EI's best is often
        // right next to the best point so far, in a gap too narrow for the net.
        for (int i = candidates; i < rows.length; i++) if (!starts.contains(i)) starts.add(i);

        double[] bestPoint = rows[top];
        double bestScore = scores[top];
        for (int s : starts) {
            double[] point = rows[s].clone();
            double value = refine(point, scores[s]);
            if (value > bestScore) {
                bestScore = value;
                bestPoint = point;
            }
        }
        return bestPoint;
    }

    /** log EI of each canonical row. */
    double[] score(double[][] rows) {
        double[] mean = new double[rows.length];
        double[] variance = new double[rows.length];
        gp.predict(rows, mean, variance);
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = LogEi.value(mean[i], Math.sqrt(variance[i]), best);
        return out;
    }

    /** Improves {@code point} in place; returns its log EI. */
    private double refine(double[] point, double value) {
        // The continuous step is repeated only after a discrete parameter moved: otherwise the point
        // is already a continuous optimum.
        boolean continuousStale = true;
        for (int round = 0; round < ROUNDS && continuousStale; round++) {
            int[] cols = encoding.continuousColumns(point);
            if (cols.length > 0) {
                double[] candidate = point.clone();
                double v = continuous(candidate, cols);
                if (v > value) {
                    System.arraycopy(candidate, 0, point, 0, point.length);
                    value = v;
                }
            }
            continuousStale = false;
            for (int j : encoding.discreteParameters()) {
                List<double[]> alternatives = encoding.alternatives(point, j);
                double[][] rows = new double[alternatives.size()][];
                for (int k = 0; k < rows.length; k++) rows[k] = encoding.canonical(alternatives.get(k));
                double[] scores = score(rows);
                int bestK = -1;
                for (int k = 0; k < rows.length; k++) {
                    if (scores[k] > value + 1e-9) {
                        value = scores[k];
                        bestK = k;
                    }
                }
                if (bestK >= 0) {
                    System.arraycopy(rows[bestK], 0, point, 0, point.length);
                    continuousStale = true;
                }
            }
        }
        return value;
    }

    /** L-BFGS over columns {@code cols} of {@code point} (in place); returns the log EI there. */
    private double continuous(double[] point, int[] cols) {
        double[] lower = new double[cols.length];
        double[] upper = new double[cols.length];
        Arrays.fill(upper, 1);
        double[] start = new double[cols.length];
        for (int k = 0; k < cols.length; k++) start[k] = point[cols[k]];
        double[] full = point.clone();
        double[] out = new double[2];
        double[] dMean = new double[point.length];
        double[] dVariance = new double[point.length];
        double[] partials = new double[2];
        Lbfgs.Result r = lbfgs.minimize(
                (z, grad) -> {
                    for (int k = 0; k < cols.length; k++) full[cols[k]] = z[k];
                    gp.predictWithGradient(full, out, dMean, dVariance);
                    double sd = Math.sqrt(out[1]);
                    double v = LogEi.valueAndPartials(out[0], sd, best, partials);
                    for (int k = 0; k < cols.length; k++) {
                        int c = cols[k];
                        grad[k] = -(partials[0] * dMean[c] + partials[1] * dVariance[c] / (2 * sd));
                    }
                    return -v;
                },
                start,
                lower,
                upper);
        for (int k = 0; k < cols.length; k++) point[cols[k]] = r.x()[k];
        // A float that some condition reads may have switched parameters on or off: score the point
        // as a trial would be.
        double[] canonical = encoding.canonical(point);
        System.arraycopy(canonical, 0, point, 0, point.length);
        return score(new double[][] {point})[0];
    }

    /** {@code count} canonical vectors from a Sobol net with a random digital shift. */
    private List<double[]> net(int count, RandomGenerator rng) {
        int d = encoding.parameters();
        long[] shift = new long[d];
        for (int j = 0; j < d; j++) shift[j] = DigitalShift.word(rng.nextLong());
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(d);
        List<double[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double[] t = sobol.nextVector();
            for (int j = 0; j < d; j++) t[j] = DigitalShift.apply(t[j], shift[j]);
            out.add(encoding.canonical(encoding.fromCube(t)));
        }
        return out;
    }
}
