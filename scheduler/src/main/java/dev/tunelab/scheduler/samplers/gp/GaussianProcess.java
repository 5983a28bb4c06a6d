package dev.tunelab.scheduler.samplers.gp;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * A zero-mean Gaussian process conditioned on observations with fixed hyperparameters: the
 * Cholesky factor of the kernel matrix is computed once, after which the posterior mean costs
 * O(n) and the variance O(n^2) per point (Rasmussen and Williams, Algorithm 2.1). Immutable.
 */
final class GaussianProcess {
  /** Posterior variances are clamped here; below it, round-off dominates. */
  private static final double MIN_VARIANCE = 1e-12;

  private final Matern52 kernel;
  private final Hyperparameters hp;
  private final double[][] x;
  private final double[] y;
  private final double[][] scaled;
  /** The lower Cholesky factor L of the kernel matrix, n x n row-major (EJML's layout). */
  private final double[] lower;
  /**
   * L^T, kept as its own row-major copy: EJML's solveU on it reads memory in order, where
   * solveTranL on L strides down columns; both run the same subtractions in the same order.
   */
  private final double[] upper;
  private final double[] alpha;

  private GaussianProcess(Matern52 kernel, Hyperparameters hp, double[][] x, double[] y, double[] lower) {
    this.kernel = kernel;
    this.hp = hp;
    this.x = x;
    this.y = y;
    this.scaled = kernel.scale(x, hp.lengthscales());
    this.lower = lower;
    this.upper = CommonOps_DDRM.transpose(DMatrixRMaj.wrap(x.length, x.length, lower), null).data;
    int n = x.length;
    this.alpha = y.clone();
    TriangularSolver_DDRM.solveL(lower, alpha, n);
    TriangularSolver_DDRM.solveU(upper, alpha, n);
  }

  /** The posterior given observations {@code y} at unit-cube rows {@code x}. */
  static GaussianProcess condition(Matern52 kernel, Hyperparameters hp, double[][] x, double[] y) {
    int n = x.length;
    DMatrixRMaj gram = Matern52.gram(kernel.scale(x, hp.lengthscales()), hp.signal());
    // The noise floor keeps the matrix positive definite in exact arithmetic; the jitter loop only
    // guards against round-off with many near-duplicate points.
    double jitter = 0;
    for (int attempt = 0; attempt < 8; attempt++) {
      DMatrixRMaj k = gram.copy();
      for (int i = 0; i < n; i++) k.add(i, i, hp.noise() + jitter);
      CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
      if (chol.decompose(k)) return new GaussianProcess(kernel, hp, x, y, chol.getT(null).data);
      jitter = jitter == 0 ? 1e-8 * hp.signal() : jitter * 10;
    }
    throw new IllegalStateException("kernel matrix is not positive definite even with jitter");
  }

  int size() {
    return x.length;
  }

  /**
   * Posterior mean and variance of the latent function at each row of {@code points}. One vector
   * solve per point: EJML's multi-column forward substitution gives the same numbers but walks the
   * right-hand sides with a stride, and measured twice as slow on a screen of 256 points.
   */
  void predict(double[][] points, double[] mean, double[] variance) {
    int n = x.length;
    double signal = hp.signal();
    double[] l = hp.lengthscales();
    double[] k = new double[n];
    for (int p = 0; p < points.length; p++) {
      double[] s = kernel.scale(points[p], l);
      double m = 0;
      for (int i = 0; i < n; i++) {
        k[i] = signal * Matern52.correlation(Matern52.distance(s, scaled[i]));
        m += k[i] * alpha[i];
      }
      TriangularSolver_DDRM.solveL(lower, k, n);
      double explained = 0;
      for (int i = 0; i < n; i++) explained += k[i] * k[i];
      mean[p] = m;
      variance[p] = Math.max(MIN_VARIANCE, signal - explained);
    }
  }

  /**
   * Posterior mean and variance at {@code point} ({@code out[0]}, {@code out[1]}) and their
   * gradients with respect to the point's columns.
   */
  void predictWithGradient(double[] point, double[] out, double[] dMean, double[] dVariance) {
    int n = x.length;
    int cols = point.length;
    double[] l = hp.lengthscales();
    double[] s = kernel.scale(point, l);
    double[] k = new double[n];
    double[] slope = new double[n];
    double m = 0;
    for (int i = 0; i < n; i++) {
      double r = Matern52.distance(s, scaled[i]);
      double decay = Matern52.decay(r);
      k[i] = hp.signal() * Matern52.correlation(r, decay);
      slope[i] = hp.signal() * Matern52.slope(r, decay);
      m += k[i] * alpha[i];
    }
    double[] w = k.clone();
    TriangularSolver_DDRM.solveL(lower, w, n);
    double explained = 0;
    for (int i = 0; i < n; i++) explained += w[i] * w[i];
    TriangularSolver_DDRM.solveU(upper, w, n);
    Arrays.fill(dMean, 0);
    Arrays.fill(dVariance, 0);
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < cols; c++) {
        // dk_i/dx_c = -s2 f(r) (x_c - x_ic) / l_c^2, with the scaled difference carrying one 1/l_c.
        double dk = -slope[i] * (s[c] - scaled[i][c]) / l[kernel.groupOf(c)];
        dMean[c] += dk * alpha[i];
        dVariance[c] -= 2 * dk * w[i];
      }
    }
    double variance = hp.signal() - explained;
    if (variance < MIN_VARIANCE) {
      variance = MIN_VARIANCE;
      Arrays.fill(dVariance, 0);
    }
    out[0] = m;
    out[1] = variance;
  }

  /**
   * The constant liar (Ginsbourger, Le Riche and Carraro, "Kriging is well-suited to parallelize
   * optimization", 2010): pretend each pending point was observed at {@code lie}. With the worst
   * value as the lie ("CL-min" in the paper's maximization terms) the mean drops and the variance
   * collapses around every pending point, so the next suggestion keeps its distance, the most
   * exploratory of the paper's batch strategies. Its kriging believer, which lies with the
   * posterior mean, leaves a converged model free to propose the same optimum to every slot a
   * hair apart. Hyperparameters are kept, so lies never shape the kernel.
   */
  GaussianProcess withLies(double[][] pending, double lie) {
    if (pending.length == 0) return this;
    double[][] xs = new double[x.length + pending.length][];
    double[] ys = new double[xs.length];
    System.arraycopy(x, 0, xs, 0, x.length);
    System.arraycopy(pending, 0, xs, x.length, pending.length);
    System.arraycopy(y, 0, ys, 0, y.length);
    Arrays.fill(ys, y.length, ys.length, lie);
    return condition(kernel, hp, xs, ys);
  }

  /** The largest value the model was given, the incumbent of expected improvement. */
  double bestObserved() {
    double best = Double.NEGATIVE_INFINITY;
    for (double v : y) best = Math.max(best, v);
    return best;
  }
}
