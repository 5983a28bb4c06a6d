package dev.tunelab.scheduler.samplers.gp;

/**
 * The Cholesky factor of a symmetric positive definite matrix, A = L L^T, computed a row of L^T
 * (a column of L) at a time: row i of L^T is row i of A minus, for each k < i, L[i][k] times row k
 * of L^T, then scaled by 1 / L[i][i]. Each entry receives the same subtractions, in the same order,
 * as in EJML's {@code CholeskyDecompositionInner_DDRM} (the dot-product form), so the factor is
 * identical to the last bit; but here the inner loop is an update of one contiguous row, which the
 * JIT vectorizes, instead of a chain of dependent additions. Returns the rows of L and of L^T,
 * which {@link GaussianProcess}'s two triangular solves read.
 */
final class Cholesky {
  /** The rows of L (lower) and of L^T (upper), each n long, zeros outside the triangle. */
  record Factor(double[][] lower, double[][] upper) {}

  private Cholesky() {}

  /** The factor of the n x n row-major {@code a} (read only), or null if it is not positive definite. */
  static Factor decompose(double[] a, int n) {
    double[][] upper = new double[n][n];
    for (int i = 0; i < n; i++) {
      double[] ui = upper[i];
      System.arraycopy(a, i * n + i, ui, i, n - i);
      for (int k = 0; k < i; k++) {
        double[] uk = upper[k];
        double lik = uk[i];
        for (int j = i; j < n; j++) ui[j] -= uk[j] * lik;
      }
      double sum = ui[i];
      if (sum <= 0) return null;
      double diagonal = Math.sqrt(sum);
      double inverse = 1 / diagonal;
      ui[i] = diagonal;
      for (int j = i + 1; j < n; j++) ui[j] *= inverse;
    }
    double[][] lower = new double[n][n];
    for (int i = 0; i < n; i++) for (int k = 0; k <= i; k++) lower[i][k] = upper[k][i];
    return new Factor(lower, upper);
  }
}
