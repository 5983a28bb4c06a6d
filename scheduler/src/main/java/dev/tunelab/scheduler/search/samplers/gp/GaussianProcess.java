package dev.tunelab.scheduler.search.samplers.gp;

import java.util.Arrays;
import org.bytedeco.javacpp.DoublePointer;

/**
 * A zero-mean Gaussian process conditioned on observations with fixed hyperparameters: the Cholesky
 * factor of the kernel matrix is computed once, after which the posterior mean costs O(n) and the
 * variance O(n^2) per point (Rasmussen and Williams, Algorithm 2.1). The factor and the solves are
 * OpenBLAS's ({@link CholeskyFactor}); a batch of points is one multi-column solve. Not
 * thread-safe: predictions reuse a native scratch buffer. Holds native memory until {@link #close}.
 */
final class GaussianProcess implements AutoCloseable {
    /** Posterior variances are clamped here; below it, round-off dominates. */
    private static final double MIN_VARIANCE = 1e-12;

    /**
     * Points per multi-column solve: wide enough for the library's blocked kernels, narrow enough
     * that the block (n x 256 doubles, 2 MB at 1,000 observations) stays in cache.
     */
    private static final int BLOCK = 256;

    private final Matern52 kernel;
    private final Hyperparameters hp;
    private final double[][] x;
    private final double[] y;
    private final double[][] scaled;

    /** {@code scaled} by column ({@link Matern52#byColumn}). */
    private final double[][] columns;

    private final CholeskyFactor factor;
    private final double[] alpha;
    private DoublePointer scratch;

    private GaussianProcess(
            Matern52 kernel, Hyperparameters hp, double[][] x, double[] y, double[][] scaled, CholeskyFactor factor) {
        this.kernel = kernel;
        this.hp = hp;
        this.x = x;
        this.y = y;
        this.scaled = scaled;
        this.columns = Matern52.byColumn(scaled);
        this.factor = factor;
        int n = x.length;
        DoublePointer a = scratch(n);
        a.put(y, 0, n);
        factor.solveLower(a, 1);
        factor.solveUpper(a, 1);
        this.alpha = new double[n];
        a.get(alpha, 0, n);
    }

    /** The posterior given observations {@code y} at unit-cube rows {@code x}. */
    static GaussianProcess condition(Matern52 kernel, Hyperparameters hp, double[][] x, double[] y) {
        int n = x.length;
        double[][] scaled = kernel.scale(x, hp.lengthscales());
        double[] gram = Matern52.gram(scaled, hp.signal());
        // The noise floor keeps the matrix positive definite in exact arithmetic; the jitter loop only
        // guards against round-off with many near-duplicate points.
        double jitter = 0;
        for (int attempt = 0; attempt < 8; attempt++) {
            double[] k = gram.clone();
            for (int i = 0; i < n; i++) k[i * n + i] += hp.noise() + jitter;
            CholeskyFactor factor = CholeskyFactor.of(k, n);
            if (factor != null) return new GaussianProcess(kernel, hp, x, y, scaled, factor);
            jitter = jitter == 0 ? 1e-8 * hp.signal() : jitter * 10;
        }
        throw new IllegalStateException("kernel matrix is not positive definite even with jitter");
    }

    int size() {
        return x.length;
    }

    /**
     * Posterior mean and variance of the latent function at each row of {@code points}: the
     * covariances of {@link #BLOCK} points at a time with the observations form the columns of one
     * right-hand side, solved against L in one call.
     */
    void predict(double[][] points, double[] mean, double[] variance) {
        int n = x.length;
        double signal = hp.signal();
        double[] l = hp.lengthscales();
        int width = Math.min(BLOCK, points.length);
        double[] block = new double[n * width];
        DoublePointer b = scratch(n * width);
        double[] r = new double[n];
        for (int first = 0; first < points.length; first += width) {
            int cols = Math.min(width, points.length - first);
            for (int c = 0; c < cols; c++) {
                Matern52.distances(kernel.scale(points[first + c], l), columns, r);
                double m = 0;
                int offset = c * n;
                for (int i = 0; i < n; i++) {
                    double k = signal * Matern52.correlation(r[i]);
                    block[offset + i] = k;
                    m += k * alpha[i];
                }
                mean[first + c] = m;
            }
            b.put(block, 0, n * cols);
            factor.solveLower(b, cols);
            b.get(block, 0, n * cols);
            for (int c = 0; c < cols; c++) {
                double explained = 0;
                int offset = c * n;
                for (int i = 0; i < n; i++) explained += block[offset + i] * block[offset + i];
                variance[first + c] = Math.max(MIN_VARIANCE, signal - explained);
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
        double[] distances = new double[n];
        Matern52.distances(s, columns, distances);
        double m = 0;
        for (int i = 0; i < n; i++) {
            double r = distances[i];
            double decay = Matern52.decay(r);
            k[i] = hp.signal() * Matern52.correlation(r, decay);
            slope[i] = hp.signal() * Matern52.slope(r, decay);
            m += k[i] * alpha[i];
        }
        DoublePointer b = scratch(n);
        b.put(k, 0, n);
        factor.solveLower(b, 1);
        double[] w = new double[n];
        b.get(w, 0, n);
        double explained = 0;
        for (int i = 0; i < n; i++) explained += w[i] * w[i];
        factor.solveUpper(b, 1);
        b.get(w, 0, n);
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
     * posterior mean, leaves a converged model free to propose the same optimum to every slot a hair
     * apart. Hyperparameters are kept, so lies never shape the kernel.
     *
     * <p>The observations' factor is extended by the pending rows ({@link CholeskyFactor#extend}),
     * O(n^2 p) instead of refactoring all n + p rows.
     */
    GaussianProcess withLies(double[][] pending, double lie) {
        if (pending.length == 0) return this;
        int n = x.length;
        int p = pending.length;
        double[][] xs = new double[n + p][];
        double[] ys = new double[xs.length];
        System.arraycopy(x, 0, xs, 0, n);
        System.arraycopy(pending, 0, xs, n, p);
        System.arraycopy(y, 0, ys, 0, n);
        Arrays.fill(ys, n, ys.length, lie);
        double signal = hp.signal();
        double[][] pendingScaled = kernel.scale(pending, hp.lengthscales());
        double[] cross = new double[n * p];
        for (int r = 0; r < p; r++) {
            for (int i = 0; i < n; i++)
                cross[r * n + i] = signal * Matern52.correlation(Matern52.distance(pendingScaled[r], scaled[i]));
        }
        double[] corner = Matern52.gram(pendingScaled, signal);
        for (int r = 0; r < p; r++) corner[r * p + r] += hp.noise();
        CholeskyFactor extended = factor.extend(cross, corner, p);
        // Round-off with a pending point on top of an observation: refactor with the jitter loop.
        if (extended == null) return condition(kernel, hp, xs, ys);
        double[][] allScaled = new double[n + p][];
        System.arraycopy(scaled, 0, allScaled, 0, n);
        System.arraycopy(pendingScaled, 0, allScaled, n, p);
        return new GaussianProcess(kernel, hp, xs, ys, allScaled, extended);
    }

    /** A native buffer of at least {@code size} doubles, reused between calls. */
    private DoublePointer scratch(int size) {
        if (scratch == null || scratch.capacity() < size) {
            if (scratch != null) scratch.close();
            scratch = CholeskyFactor.allocate(size);
        }
        return scratch;
    }

    /** Frees the factor and the scratch buffer; the model answers nothing afterwards. Idempotent. */
    @Override
    public void close() {
        factor.close();
        if (scratch != null) scratch.close();
        scratch = null;
    }

    /** The largest value the model was given, the incumbent of expected improvement. */
    double bestObserved() {
        double best = Double.NEGATIVE_INFINITY;
        for (double v : y) best = Math.max(best, v);
        return best;
    }
}
