package dev.tunelab.scheduler.samplers.gp;

import java.util.Arrays;

/**
 * Priors and bounds of the hyperparameters, for inputs in the unit cube and standardized outputs.
 * With a few dozen points the marginal likelihood alone happily explains the data as noise or as
 * a needle at every point; the priors keep the fit in the range where the model generalizes.
 *
 * <ul>
 *   <li>Lengthscale: log-normal with location sqrt(2) + log(d)/2 and scale sqrt(3), d the number
 *       of parameters (Hvarfner, Hellsten and Nardi, "Vanilla Bayesian Optimization Performs Great
 *       in High Dimensions", ICML 2024; BoTorch's default). Its mode grows like sqrt(d), so the
 *       typical distance between points of the cube stays a similar number of lengthscales as d
 *       grows. Bounds [0.01, 100]: below, a lengthscale is finer than anything a few hundred
 *       points resolve; above, the parameter is irrelevant anyway.
 *   <li>Signal variance: Gamma(2, 1), mode 1, which is the variance of standardized outputs;
 *       bounds [0.01, 100].
 *   <li>Noise variance: Gamma(1.1, 30), mode about 0.003, mean about 0.04: mostly precise
 *       measurements, but real noise is allowed. Bounds [1e-6, 1]; the floor keeps the kernel
 *       matrix well conditioned. (These two gammas are the ones Optuna's GPSampler uses.)
 * </ul>
 *
 * The fit maximizes over log parameters, so the densities below are in the natural parameter and
 * their derivatives are taken with respect to its logarithm.
 */
final class KernelPrior {
  static final double MIN_LENGTHSCALE = 0.01;
  static final double MAX_LENGTHSCALE = 100;
  static final double MIN_SIGNAL = 0.01;
  static final double MAX_SIGNAL = 100;
  static final double MIN_NOISE = 1e-6;
  static final double MAX_NOISE = 1;

  private static final double SIGMA2 = 3;

  private final double location;

  /** @param parameters the number of parameters of the space (d) */
  KernelPrior(int parameters) {
    this.location = Math.sqrt(2) + 0.5 * Math.log(Math.max(1, parameters));
  }

  /** log density (up to a constant) at log-space {@code theta}; adds its gradient into {@code grad}. */
  double logDensity(double[] theta, double[] grad) {
    int g = theta.length - 2;
    double sum = 0;
    for (int i = 0; i < g; i++) {
      double centered = theta[i] - location;
      // log N(log l; location, 3) - log l, the density of l itself.
      sum += -centered * centered / (2 * SIGMA2) - theta[i];
      grad[i] += -centered / SIGMA2 - 1;
    }
    double signal = Math.exp(theta[g]);
    sum += Math.log(signal) - signal;
    grad[g] += 1 - signal;
    double noise = Math.exp(theta[g + 1]);
    sum += 0.1 * Math.log(noise) - 30 * noise;
    grad[g + 1] += 0.1 - 30 * noise;
    return sum;
  }

  /** Log-space location of the lengthscale prior. */
  double lengthscaleLocation() {
    return location;
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
