package dev.tunelab.scheduler.samplers.gp;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;

/**
 * A zero-mean Gaussian process conditioned on observations with fixed hyperparameters: the
 * Cholesky factor of the kernel matrix is computed once, after which the posterior mean costs
 * O(n) and the variance O(n^2) per point (Rasmussen and Williams, Algorithm 2.1). Immutable.
 */
final class GaussianProcess {
  /** Posterior variances are clamped here; below it, round-off dominates. */
  private static final double MIN_VARIANCE = 1e-12;
  /** Observations up to which both solves keep EJML's order of operations (see {@link #solveUpper}). */
  private static final int EXACT_ORDER_UP_TO = 100;
  /** Points per batch in {@link #predict}: the n x BLOCK cross-covariances stay in cache. */
  private static final int BLOCK = 128;

  private final Matern52 kernel;
  private final Hyperparameters hp;
  private final double[][] x;
  private final double[] y;
  private final double[][] scaled;
  /**
   * The rows of the Cholesky factor L and of L^T (the columns of L), as separate arrays: the
   * triangular solves then run along one row at a time, a loop the JIT vectorizes.
   */
  private final double[][] lower;
  private final double[][] upper;
  private final double[] alpha;

  private GaussianProcess(Matern52 kernel, Hyperparameters hp, double[][] x, double[] y, Cholesky.Factor factor) {
    this.kernel = kernel;
    this.hp = hp;
    this.x = x;
    this.y = y;
    this.scaled = kernel.scale(x, hp.lengthscales());
    this.lower = factor.lower();
    this.upper = factor.upper();
    this.alpha = y.clone();
    solveLower(alpha);
    solveUpper(alpha);
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
      Cholesky.Factor factor = Cholesky.decompose(k.data, n);
      if (factor != null) return new GaussianProcess(kernel, hp, x, y, factor);
      jitter = jitter == 0 ? 1e-8 * hp.signal() : jitter * 10;
    }
    throw new IllegalStateException("kernel matrix is not positive definite even with jitter");
  }

  int size() {
    return x.length;
  }

  /**
   * Posterior mean and variance of the latent function at each row of {@code points}. The
   * cross-covariances of a block of points form an n x block matrix that one forward substitution
   * solves for all of them, row by row, so the inner loops run along contiguous rows; each entry
   * goes through the same operations, in the same order, as a solve of its own column would.
   */
  void predict(double[][] points, double[] mean, double[] variance) {
    int n = x.length;
    double signal = hp.signal();
    double[] l = hp.lengthscales();
    for (int from = 0; from < points.length; from += BLOCK) {
      int m = Math.min(BLOCK, points.length - from);
      double[][] s = new double[m][];
      for (int c = 0; c < m; c++) s[c] = kernel.scale(points[from + c], l);
      double[][] b = new double[n][m];
      double[] mu = new double[m];
      double[] explained = new double[m];
      for (int i = 0; i < n; i++) {
        double[] bi = b[i];
        double a = alpha[i];
        for (int c = 0; c < m; c++) {
          double k = signal * Matern52.correlation(Matern52.distance(s[c], scaled[i]));
          bi[c] = k;
          mu[c] += k * a;
        }
        // Row i of L^-1 K*: subtract the solved rows above it, then divide by the diagonal.
        double[] li = lower[i];
        for (int j = 0; j < i; j++) {
          double lij = li[j];
          double[] bj = b[j];
          for (int c = 0; c < m; c++) bi[c] -= lij * bj[c];
        }
        double lii = li[i];
        for (int c = 0; c < m; c++) {
          double w = bi[c] / lii;
          bi[c] = w;
          explained[c] += w * w;
        }
      }
      for (int c = 0; c < m; c++) {
        mean[from + c] = mu[c];
        variance[from + c] = Math.max(MIN_VARIANCE, signal - explained[c]);
      }
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
    solveLower(w);
    double explained = 0;
    for (int i = 0; i < n; i++) explained += w[i] * w[i];
    solveUpper(w);
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

  /**
   * b := L^-1 b, column by column: each b[i] receives the same subtractions, in the same order
   * (j = 0, 1, ...), as in the row-by-row dot products of EJML's {@code solveL}, but the inner
   * loop runs along a row of L^T and over independent entries, which the JIT vectorizes.
   */
  private void solveLower(double[] b) {
    int n = b.length;
    for (int j = 0; j < n; j++) {
      double[] uj = upper[j];
      double bj = b[j] / uj[j];
      b[j] = bj;
      for (int i = j + 1; i < n; i++) b[i] -= uj[i] * bj;
    }
  }

  /**
   * b := L^-T b. Up to {@link #EXACT_ORDER_UP_TO} observations each b[i] is a dot product with a
   * row of L^T, summed in the order of EJML's {@code solveTranL}, so studies of that size give the
   * points recorded in the bench tables bit for bit. Beyond, where this solve dominates the
   * refinement, the same sums are accumulated column by column (in reverse order, so they differ
   * in round-off only): independent entries instead of one chain of dependent additions, which
   * the JIT vectorizes.
   */
  private void solveUpper(double[] b) {
    int n = b.length;
    if (n <= EXACT_ORDER_UP_TO) {
      for (int i = n - 1; i >= 0; i--) {
        double[] ui = upper[i];
        double sum = b[i];
        for (int k = i + 1; k < n; k++) sum -= ui[k] * b[k];
        b[i] = sum / ui[i];
      }
      return;
    }
    for (int k = n - 1; k >= 0; k--) {
      double[] lk = lower[k];
      double bk = b[k] / lk[k];
      b[k] = bk;
      for (int i = 0; i < k; i++) b[i] -= lk[i] * bk;
    }
  }

  /** The largest value the model was given, the incumbent of expected improvement. */
  double bestObserved() {
    double best = Double.NEGATIVE_INFINITY;
    for (double v : y) best = Math.max(best, v);
    return best;
  }
}
