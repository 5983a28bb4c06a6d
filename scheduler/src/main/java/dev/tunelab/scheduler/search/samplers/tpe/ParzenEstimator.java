package dev.tunelab.scheduler.search.samplers.tpe;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A weighted mixture whose components are products of one kernel per dimension, all centred on the
 * same observation (Optuna's {@code _MixtureOfProductDistribution}): one joint density over the
 * dimensions instead of one per dimension, so what was good together stays together. A prior
 * component, as wide as the space, keeps the density positive everywhere.
 */
final class ParzenEstimator {
    /** Weight of the prior component against an observation's (Optuna's default). */
    static final double PRIOR_WEIGHT = 1.0;

    private final Kernels[] kernels;
    private final double[] logWeights;
    private final double[] cumulative;

    private ParzenEstimator(Kernels[] kernels, double[] weights) {
        this.kernels = kernels;
        double total = 0;
        for (double w : weights) total += w;
        logWeights = new double[weights.length];
        cumulative = new double[weights.length];
        double sum = 0;
        for (int k = 0; k < weights.length; k++) {
            logWeights[k] = Math.log(weights[k] / total);
            sum += weights[k] / total;
            cumulative[k] = sum;
        }
    }

    /**
     * @param observations one row per observation, one coordinate per dimension
     * @param weights one positive weight per observation
     */
    static ParzenEstimator fit(List<Dimension> dims, double[][] observations, double[] weights) {
        int n = observations.length;
        Kernels[] kernels = new Kernels[dims.size()];
        for (int j = 0; j < kernels.length; j++) {
            double[] centres = new double[n];
            for (int i = 0; i < n; i++) centres[i] = observations[i][j];
            kernels[j] = dims.get(j).fit(centres, dims.size());
        }
        double[] all = new double[n + 1];
        System.arraycopy(weights, 0, all, 0, n);
        all[n] = PRIOR_WEIGHT;
        return new ParzenEstimator(kernels, all);
    }

    /** One draw: a component by weight, then each dimension from that component's kernel. */
    double[] sample(RandomGenerator rng) {
        double u = rng.nextDouble();
        int k = 0;
        while (k < cumulative.length - 1 && u >= cumulative[k]) k++;
        double[] x = new double[kernels.length];
        for (int j = 0; j < x.length; j++) x[j] = kernels[j].sample(k, rng);
        return x;
    }

    /** The log density (log probability for discrete dimensions) at a point. */
    double logPdf(double[] x) {
        double[] acc = logWeights.clone();
        for (int j = 0; j < kernels.length; j++) kernels[j].addLogPdf(x[j], acc);
        double max = Double.NEGATIVE_INFINITY;
        for (double a : acc) max = Math.max(max, a);
        if (max == Double.NEGATIVE_INFINITY) return max;
        double sum = 0;
        for (double a : acc) sum += Math.exp(a - max);
        return max + Math.log(sum);
    }
}
