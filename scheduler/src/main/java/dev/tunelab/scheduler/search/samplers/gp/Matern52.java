package dev.tunelab.scheduler.search.samplers.gp;

import java.util.Arrays;

/**
 * The Matérn kernel with smoothness 5/2 and one lengthscale per parameter (automatic relevance
 * determination): k(x, x') = s2 (1 + sqrt5 r + 5/3 r^2) exp(-sqrt5 r), r^2 = sum_c ((x_c - x'_c) /
 * l_g(c))^2. Twice differentiable, so rougher than the squared exponential and a better match for
 * objectives of real experiments (Snoek, Larochelle and Adams, "Practical Bayesian Optimization of
 * Machine Learning Algorithms", NeurIPS 2012, §3.1).
 *
 * <p>A categorical parameter's one-hot columns share its lengthscale ({@code group}), so the model
 * has one relevance per parameter, as the user wrote the space.
 */
final class Matern52 {
    private static final double SQRT5 = Math.sqrt(5);

    /** For each column, the parameter (lengthscale index) it belongs to. */
    private final int[] group;

    private final int groups;

    Matern52(int[] group, int groups) {
        this.group = group.clone();
        this.groups = groups;
    }

    int groups() {
        return groups;
    }

    int groupOf(int column) {
        return group[column];
    }

    /** The correlation (kernel divided by s2) at scaled distance r. */
    static double correlation(double r) {
        return correlation(r, decay(r));
    }

    /** exp(-sqrt5 r), the factor {@link #correlation} and {@link #slope} share: one exp for both. */
    static double decay(double r) {
        return Math.exp(-SQRT5 * r);
    }

    static double correlation(double r, double decay) {
        return (1 + SQRT5 * r + 5.0 / 3.0 * r * r) * decay;
    }

    /**
     * f(r) = (5/3)(1 + sqrt5 r) exp(-sqrt5 r): the correlation's derivative with respect to log l_g
     * is f(r) * (squared scaled distance in group g), and with respect to x_c it is -f(r) (x_c -
     * x'_c) / l_c^2. Neither divides by r, so both are smooth at r = 0.
     */
    static double slope(double r) {
        return slope(r, decay(r));
    }

    static double slope(double r, double decay) {
        return 5.0 / 3.0 * (1 + SQRT5 * r) * decay;
    }

    /** Each column divided by its lengthscale, so distances in the result are scaled distances. */
    double[][] scale(double[][] x, double[] lengthscales) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) out[i] = scale(x[i], lengthscales);
        return out;
    }

    double[] scale(double[] x, double[] lengthscales) {
        double[] out = new double[x.length];
        for (int c = 0; c < x.length; c++) out[c] = x[c] / lengthscales[group[c]];
        return out;
    }

    /** Rows transposed: one array of n values per column, the layout {@link #covariances} reads. */
    static double[][] byColumn(double[][] rows) {
        int n = rows.length;
        int cols = n == 0 ? 0 : rows[0].length;
        double[][] out = new double[cols][n];
        for (int i = 0; i < n; i++) for (int c = 0; c < cols; c++) out[c][i] = rows[i][c];
        return out;
    }

    /**
     * Scaled distances from the scaled point {@code s} to each of the n rows held by column ({@link
     * #byColumn}) into {@code r}: a column at a time, so the loops run over contiguous arrays and the
     * JIT vectorizes them; the sums are taken in the same order as {@link #distance}.
     */
    static void distances(double[] s, double[][] columns, double[] r) {
        int n = r.length;
        Arrays.fill(r, 0);
        for (int c = 0; c < s.length; c++) {
            double sc = s[c];
            double[] col = columns[c];
            for (int i = 0; i < n; i++) {
                double diff = sc - col[i];
                r[i] += diff * diff;
            }
        }
        for (int i = 0; i < n; i++) r[i] = Math.sqrt(r[i]);
    }

    static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int c = 0; c < a.length; c++) {
            double diff = a[c] - b[c];
            sum += diff * diff;
        }
        return Math.sqrt(sum);
    }

    /**
     * s2 times the correlation matrix of already scaled rows, n x n (symmetric, so row- and
     * column-major alike).
     */
    static double[] gram(double[][] scaled, double signal) {
        int n = scaled.length;
        double[] k = new double[n * n];
        for (int i = 0; i < n; i++) {
            k[i * n + i] = signal;
            for (int j = 0; j < i; j++) {
                double v = signal * correlation(distance(scaled[i], scaled[j]));
                k[i * n + j] = v;
                k[j * n + i] = v;
            }
        }
        return k;
    }
}
