package dev.tunelab.scheduler.samplers.gp;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;

/**
 * The negative log posterior of the hyperparameters (log marginal likelihood of a zero-mean GP
 * plus {@link KernelPrior}) and its analytic gradient, in log-parameter space, for {@link Lbfgs}.
 * The gradient is the usual 1/2 tr((alpha alpha^T - K^-1) dK/dtheta) (Rasmussen and Williams,
 * "Gaussian Processes for Machine Learning", 2006, eq. 5.9).
 */
final class MarginalLikelihood implements Lbfgs.Objective {
  private static final double LOG_2PI = Math.log(2 * Math.PI);
  private static final double SQRT5 = Math.sqrt(5);

  private final Matern52 kernel;
  private final double[][] x;
  private final double[] y;

  MarginalLikelihood(Matern52 kernel, double[][] x, double[] y) {
    this.kernel = kernel;
    this.x = x;
    this.y = y;
  }

  @Override
  public double valueAndGradient(double[] theta, double[] grad) {
    int n = x.length;
    int groups = kernel.groups();
    Hyperparameters hp = Hyperparameters.fromLog(theta);
    double signal = hp.signal();
    double[][] scaled = kernel.scale(x, hp.lengthscales());
    // One pass over the pairs gives both the kernel and, for the gradient, s2 f(r) (Matern52.slope).
    DMatrixRMaj k = new DMatrixRMaj(n, n);
    double[] slope = new double[n * n];
    for (int i = 0; i < n; i++) {
      k.unsafe_set(i, i, signal + hp.noise());
      for (int j = 0; j < i; j++) {
        double r = Matern52.distance(scaled[i], scaled[j]);
        double e = Math.exp(-SQRT5 * r);
        double v = signal * (1 + SQRT5 * r + 5.0 / 3.0 * r * r) * e;
        k.unsafe_set(i, j, v);
        k.unsafe_set(j, i, v);
        slope[i * n + j] = signal * 5.0 / 3.0 * (1 + SQRT5 * r) * e;
      }
    }
    LinearSolverChol_DDRM solver = new LinearSolverChol_DDRM(new CholeskyDecompositionInner_DDRM(true));
    // The decomposition overwrites its input; the gradient needs K itself.
    if (!solver.setA(k.copy())) return Double.POSITIVE_INFINITY;
    DMatrixRMaj lower = solver.getDecomposition().getT(null);
    DMatrixRMaj alpha = new DMatrixRMaj(n, 1);
    solver.solve(new DMatrixRMaj(n, 1, true, y), alpha);
    DMatrixRMaj inverse = new DMatrixRMaj(n, n);
    solver.invert(inverse);

    double fit = 0;
    double logDet = 0;
    for (int i = 0; i < n; i++) {
      fit += y[i] * alpha.data[i];
      logDet += Math.log(lower.unsafe_get(i, i));
    }
    double lml = -0.5 * fit - logDet - 0.5 * n * LOG_2PI;

    // d lml / d theta = 1/2 tr(W dK/dtheta), W = alpha alpha^T - K^-1; W and dK are symmetric, so
    // the off-diagonal pairs count twice.
    Arrays.fill(grad, 0);
    double traceW = 0;
    double traceWK = 0;
    int cols = x[0].length;
    for (int i = 0; i < n; i++) {
      double a = alpha.data[i];
      double wii = a * a - inverse.unsafe_get(i, i);
      traceW += wii;
      traceWK += wii * signal;
      double[] si = scaled[i];
      for (int j = 0; j < i; j++) {
        double wij = a * alpha.data[j] - inverse.unsafe_get(i, j);
        traceWK += 2 * wij * k.unsafe_get(i, j);
        double common = wij * slope[i * n + j];
        double[] sj = scaled[j];
        for (int c = 0; c < cols; c++) {
          double diff = si[c] - sj[c];
          grad[kernel.groupOf(c)] += common * diff * diff;
        }
      }
    }
    grad[groups] = 0.5 * traceWK;
    grad[groups + 1] = 0.5 * hp.noise() * traceW;

    double logPosterior = lml + KernelPrior.logDensity(theta, grad);
    for (int i = 0; i < grad.length; i++) grad[i] = -grad[i];
    return -logPosterior;
  }
}
