package dev.tunelab.scheduler.search.samplers.gp;

import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotrf_work;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotri_work;
import static org.bytedeco.openblas.global.openblas.LAPACKE_dpotrs_work;
import static org.bytedeco.openblas.global.openblas.LAPACK_COL_MAJOR;

import java.util.Arrays;

/**
 * The negative log posterior of the hyperparameters (log marginal likelihood of a zero-mean GP plus
 * {@link KernelPrior}) and its analytic gradient, in log-parameter space, for {@link Lbfgs}. The
 * gradient is the usual 1/2 tr((alpha alpha^T - K^-1) dK/dtheta) (Rasmussen and Williams, "Gaussian
 * Processes for Machine Learning", 2006, eq. 5.9). The factorization, solve and inverse are
 * LAPACK's ({@code dpotrf}, {@code dpotrs}, {@code dpotri}) from OpenBLAS.
 */
final class MarginalLikelihood implements Lbfgs.Objective {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final double SQRT5 = Math.sqrt(5);
    private static final byte LOWER = 'L';

    private final Matern52 kernel;
    private final double[][] x;
    private final double[] y;

    /** x by column, so the pair loops below run over contiguous arrays. */
    private final double[][] xColumns;

    // Work arrays reused by every evaluation of one fit (n x n, column-major lower triangles).
    private final double[] a;
    private final double[] kv;
    private final double[] slope;
    private final double[] common;

    MarginalLikelihood(Matern52 kernel, double[][] x, double[] y) {
        this.kernel = kernel;
        this.x = x;
        this.y = y;
        this.xColumns = Matern52.byColumn(x);
        int n = x.length;
        this.a = new double[n * n];
        this.kv = new double[n * n];
        this.slope = new double[n * n];
        this.common = new double[n];
    }

    @Override
    public double valueAndGradient(double[] theta, double[] grad) {
        int n = x.length;
        int groups = kernel.groups();
        int cols = xColumns.length;
        Hyperparameters hp = Hyperparameters.fromLog(theta);
        double signal = hp.signal();
        double[] l = hp.lengthscales();
        double[][] sc = new double[cols][n];
        for (int c = 0; c < cols; c++) {
            double inv = 1 / l[kernel.groupOf(c)];
            for (int i = 0; i < n; i++) sc[c][i] = xColumns[c][i] * inv;
        }
        // One pass over the pairs (i > j, a column j at a time) gives both the kernel and, for the
        // gradient, s2 f(r) (Matern52.slope). Only lower triangles are filled, which is all LAPACK
        // reads; kv keeps the kernel values, since the factorization overwrites a.
        double[] r = common;
        for (int j = 0; j < n; j++) {
            a[j * n + j] = signal + hp.noise();
            Arrays.fill(r, j + 1, n, 0);
            for (int c = 0; c < cols; c++) {
                double[] col = sc[c];
                double cj = col[j];
                for (int i = j + 1; i < n; i++) {
                    double diff = col[i] - cj;
                    r[i] += diff * diff;
                }
            }
            for (int i = j + 1; i < n; i++) {
                double d = Math.sqrt(r[i]);
                double e = Math.exp(-SQRT5 * d);
                double v = signal * (1 + SQRT5 * d + 5.0 / 3.0 * d * d) * e;
                a[j * n + i] = v;
                kv[j * n + i] = v;
                slope[j * n + i] = signal * 5.0 / 3.0 * (1 + SQRT5 * d) * e;
            }
        }
        if (LAPACKE_dpotrf_work(LAPACK_COL_MAJOR, LOWER, n, a, n) != 0) return Double.POSITIVE_INFINITY;
        double logDet = 0;
        for (int i = 0; i < n; i++) logDet += Math.log(a[i * n + i]);
        double[] alpha = y.clone();
        LAPACKE_dpotrs_work(LAPACK_COL_MAJOR, LOWER, n, 1, a, n, alpha, n);
        // K^-1 in place of L, lower triangle: (i, j), i >= j, at a[j * n + i].
        LAPACKE_dpotri_work(LAPACK_COL_MAJOR, LOWER, n, a, n);
        double[] inverse = a;

        double fit = 0;
        for (int i = 0; i < n; i++) fit += y[i] * alpha[i];
        double lml = -0.5 * fit - logDet - 0.5 * n * LOG_2PI;

        // d lml / d theta = 1/2 tr(W dK/dtheta), W = alpha alpha^T - K^-1; W and dK are symmetric, so
        // the off-diagonal pairs count twice.
        Arrays.fill(grad, 0);
        double traceW = 0;
        double traceWK = 0;
        for (int j = 0; j < n; j++) {
            double aj = alpha[j];
            double wjj = aj * aj - inverse[j * n + j];
            traceW += wjj;
            traceWK += wjj * signal;
            for (int i = j + 1; i < n; i++) {
                double wij = alpha[i] * aj - inverse[j * n + i];
                traceWK += 2 * wij * kv[j * n + i];
                common[i] = wij * slope[j * n + i];
            }
            for (int c = 0; c < cols; c++) {
                double[] col = sc[c];
                double cj = col[j];
                double sum = 0;
                for (int i = j + 1; i < n; i++) {
                    double diff = col[i] - cj;
                    sum += common[i] * diff * diff;
                }
                grad[kernel.groupOf(c)] += sum;
            }
        }
        grad[groups] = 0.5 * traceWK;
        grad[groups + 1] = 0.5 * hp.noise() * traceW;

        double logPosterior = lml + KernelPrior.logDensity(theta, grad);
        for (int i = 0; i < grad.length; i++) grad[i] = -grad[i];
        return -logPosterior;
    }
}
