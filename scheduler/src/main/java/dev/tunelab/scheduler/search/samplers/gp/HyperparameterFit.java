package dev.tunelab.scheduler.search.samplers.gp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Maximum a posteriori kernel hyperparameters: projected L-BFGS on the log marginal likelihood plus
 * {@link KernelPrior}, in log-parameter space, from several starts because the likelihood of a few
 * dozen points is often multimodal (a short-lengthscale "interpolate everything" mode and a
 * long-lengthscale "mostly noise" mode). One start is the prior's mode; the others (two up to 64
 * observations, one beyond) are the best of six random draws, ranked by their value before any step
 * is taken.
 *
 * <p>From the 65th observation on (past {@link #MAX_POINTS}) the fit uses a random subset of 64,
 * drawn from the trial's stream, and one random start instead of two (the posterior itself still
 * uses every point): the likelihood costs O(n^3) per evaluation, and the hyperparameters are a
 * handful of global quantities that 64 points estimate nearly as well as a thousand (on the bench's
 * tuning seeds, best values after 100 evaluations did not change measurably against fitting on all
 * 100). So evaluations 65 to 100 of the bench's tables already use this subset.
 *
 * <p>Past {@link #MANY_POINTS} observations only the prior's mode is refined: no random draws, no
 * random start. This halves the fit, which was the largest part of a suggestion at 300 trials. What
 * it gives up is the chance of a random start finding a better mode of the 64-point likelihood;
 * with that many points the likelihood is sharply peaked, and the subset changes from one
 * suggestion to the next anyway. The bench's 100-evaluation tables do not reach it.
 */
final class HyperparameterFit {
    static final int MAX_POINTS = 64;
    private static final int RANDOM_DRAWS = 6;

    /** Up to this many observations the likelihood is cheap and most often multimodal. */
    private static final int FEW_POINTS = 64;

    /** Past this many observations the fit starts from the prior's mode only. */
    static final int MANY_POINTS = 100;

    private static final double START_SIGNAL = 1;
    private static final double START_NOISE = 1e-3;

    private HyperparameterFit() {}

    static Hyperparameters fit(Matern52 kernel, double[][] x, double[] y, RandomGenerator rng) {
        int[] subset = subset(x.length, rng);
        double[][] xs = new double[subset.length][];
        double[] ys = new double[subset.length];
        for (int i = 0; i < subset.length; i++) {
            xs[i] = x[subset[i]];
            ys[i] = y[subset[i]];
        }
        MarginalLikelihood objective = new MarginalLikelihood(kernel, xs, ys);
        int groups = kernel.groups();
        double[] lower = KernelPrior.lowerBounds(groups);
        double[] upper = KernelPrior.upperBounds(groups);
        double[] grad = new double[groups + 2];

        List<double[]> starts = new ArrayList<>();
        // The lengthscale prior's mode, l = 1.
        starts.add(start(groups, 0, null));
        if (x.length > MANY_POINTS) return best(objective, starts, lower, upper);
        List<double[]> draws = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int k = 0; k < RANDOM_DRAWS; k++) {
            double[] theta = start(groups, 0, rng);
            draws.add(theta);
            values.add(objective.valueAndGradient(theta, grad));
        }
        Integer[] order = new Integer[RANDOM_DRAWS];
        for (int k = 0; k < order.length; k++) order[k] = k;
        Arrays.sort(
                order,
                Comparator.comparingDouble(k -> values.get(k).isNaN() ? Double.POSITIVE_INFINITY : values.get(k)));
        // With few points a second random start is cheap and often finds another mode; with many the
        // likelihood is sharply peaked and one suffices.
        int randomStarts = x.length <= FEW_POINTS ? 2 : 1;
        for (int k = 0; k < randomStarts; k++) starts.add(draws.get(order[k]));

        return best(objective, starts, lower, upper);
    }

    /** The best L-BFGS result from {@code starts}, or the first start if none is finite. */
    private static Hyperparameters best(
            MarginalLikelihood objective, List<double[]> starts, double[] lower, double[] upper) {
        Lbfgs lbfgs = new Lbfgs(60, 1e-6);
        Lbfgs.Result best = null;
        for (double[] start : starts) {
            Lbfgs.Result r = lbfgs.minimize(objective, start, lower, upper);
            if (best == null || r.value() < best.value()) best = r;
        }
        if (best == null || !Double.isFinite(best.value())) return Hyperparameters.fromLog(starts.get(0));
        return Hyperparameters.fromLog(best.x());
    }

    /**
     * Log-space start: every lengthscale at exp(logLengthscale), or, with a generator, each drawn
     * log-uniformly from [0.05, 2].
     */
    private static double[] start(int groups, double logLengthscale, RandomGenerator rng) {
        double[] theta = new double[groups + 2];
        for (int g = 0; g < groups; g++) {
            theta[g] = rng == null ? logLengthscale : Math.log(0.05) + rng.nextDouble() * Math.log(2 / 0.05);
        }
        theta[groups] = Math.log(START_SIGNAL);
        theta[groups + 1] = Math.log(START_NOISE);
        return theta;
    }

    /** Indices of the points the fit uses, in their original order: all, or a random MAX_POINTS. */
    private static int[] subset(int n, RandomGenerator rng) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        if (n <= MAX_POINTS) return idx;
        for (int i = 0; i < MAX_POINTS; i++) {
            int j = i + rng.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] chosen = Arrays.copyOf(idx, MAX_POINTS);
        Arrays.sort(chosen);
        return chosen;
    }
}
