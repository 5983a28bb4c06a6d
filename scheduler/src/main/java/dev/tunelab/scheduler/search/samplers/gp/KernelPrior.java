package dev.tunelab.scheduler.search.samplers.gp;

import java.util.Arrays;

/**
 * Priors and bounds of the hyperparameters, for inputs in the unit cube and outputs scaled by
 * {@link OutputScaling}. With a few dozen points the marginal likelihood alone happily explains the
 * data as noise, or as a needle at every point; the priors keep the fit where the model
 * generalizes. All three are Optuna GPSampler's ({@code optuna/_gp/prior.py}):
 *
 * <ul>
 *   <li>Lengthscale: log density -0.1 (l^2 + 1/l^2) = -0.2 cosh(2 log l), flat for l between about
 *       0.3 and 3 and rising steeply outside. It mostly rules out lengthscales far below the
 *       spacing of the points, the fit that chases every ripple of an objective (measured on the
 *       bench: the log-normal of Hvarfner et al., ICML 2024, left Levy-5 runs stuck fitting
 *       lengthscales of 0.06). Bounds [0.01, 100].
 *   <li>Signal variance: Gamma(2, 1), mode 1; bounds [0.01, 100].
 *   <li>Noise variance: Gamma(1.1, 30), mode about 0.003, mean about 0.04: mostly precise
 *       measurements, but real noise is allowed. Bounds [1e-6, 1]; the floor keeps the kernel
 *       matrix well conditioned.
 * </ul>
 *
 * The fit maximizes over log parameters; each term's derivative is taken with respect to the
 * logarithm.
 */
final class KernelPrior {
    static final double MIN_LENGTHSCALE = 0.01;
    static final double MAX_LENGTHSCALE = 100;
    static final double MIN_SIGNAL = 0.01;
    static final double MAX_SIGNAL = 100;
    static final double MIN_NOISE = 1e-6;
    static final double MAX_NOISE = 1;

    private KernelPrior() {}

    /**
     * log density (up to a constant) at log-space {@code theta}; adds its gradient into {@code grad}.
     */
    static double logDensity(double[] theta, double[] grad) {
        int g = theta.length - 2;
        double sum = 0;
        for (int i = 0; i < g; i++) {
            double l2 = Math.exp(2 * theta[i]);
            sum += -0.1 * (l2 + 1 / l2);
            grad[i] += -0.2 * (l2 - 1 / l2);
        }
        double signal = Math.exp(theta[g]);
        sum += Math.log(signal) - signal;
        grad[g] += 1 - signal;
        double noise = Math.exp(theta[g + 1]);
        sum += 0.1 * Math.log(noise) - 30 * noise;
        grad[g + 1] += 0.1 - 30 * noise;
        return sum;
    }

    static double[] lowerBounds(int groups) {
        return bounds(groups, MIN_LENGTHSCALE, MIN_SIGNAL, MIN_NOISE);
    }

    static double[] upperBounds(int groups) {
        return bounds(groups, MAX_LENGTHSCALE, MAX_SIGNAL, MAX_NOISE);
    }

    private static double[] bounds(int groups, double lengthscale, double signal, double noise) {
        double[] b = new double[groups + 2];
        Arrays.fill(b, 0, groups, Math.log(lengthscale));
        b[groups] = Math.log(signal);
        b[groups + 1] = Math.log(noise);
        return b;
    }
}
