package dev.tunelab.scheduler.search.samplers.tpe;

import java.util.random.RandomGenerator;

/**
 * Gaussians truncated to a numeric range; with a step, each kernel is discretized so a value's
 * probability is the kernel's mass over that value's cell (Optuna's treatment of int and stepped
 * ranges). Every observation's kernel has the same width, from Scott's rule for a d-dimensional
 * product kernel: the observations' standard deviation times n^(−1/(d+4)) (Scott, "Multivariate
 * Density Estimation", 1992, §6.3; the "scott" bandwidth of Watanabe 2023, §3.3). It is clipped to
 * [range / min(100, n + 2), range], the "magic clip" of Bergstra et al. 2011 that keeps a few
 * agreeing observations from making needle-thin kernels. A prior kernel at the centre is as wide as
 * the range.
 *
 * <p>Optuna's multivariate rule, 0.2·range·n^(−1/(d+4)), ignores where the observations lie: five
 * good trials huddled in a corner get kernels as wide as five spread over the whole range, so l(x)
 * stays nearly as broad as the prior. Following their spread lets l sharpen once the good trials
 * agree. On the bench's test functions (100 seeds, best after 50 evaluations) it did better than
 * Optuna's rule on Branin, Hartmann-6, Ackley-5 and the mixed function and as well on the other
 * two. A single observation has no spread and keeps Optuna's width.
 */
final class GaussianKernels implements Kernels {
    private static final double SIGMA0 = 0.2;

    private final double[] mus;
    private final double[] sigmas;
    private final double low;
    private final double high;
    private final double step;

    /** log of each kernel's mass inside [low, high]: what truncation divides by. */
    private final double[] logInside;

    /** −log(σ√(2π)) − logInside, the continuous density's constant part. */
    private final double[] logNorm;

    private GaussianKernels(double[] mus, double[] sigmas, double low, double high, double step) {
        this.mus = mus;
        this.sigmas = sigmas;
        this.low = low;
        this.high = high;
        this.step = step;
        logInside = new double[mus.length];
        logNorm = new double[mus.length];
        for (int k = 0; k < mus.length; k++) {
            logInside[k] = Normal.logMass((low - mus[k]) / sigmas[k], (high - mus[k]) / sigmas[k]);
            logNorm[k] = -Math.log(sigmas[k]) - Normal.LOG_SQRT_2PI - logInside[k];
        }
    }

    /**
     * Kernels centred on {@code centres} over [low, high], one more for the prior.
     *
     * @param step 0 for a continuous range; else the width of each value's cell (the range then runs
     *     half a step beyond the first and last value)
     * @param dims how many dimensions the mixture models jointly
     */
    static GaussianKernels fit(double[] centres, double low, double high, double step, int dims) {
        int n = centres.length;
        double range = high - low;
        double sigma = n < 2 ? SIGMA0 * range : spread(centres) * Math.pow(n, -1.0 / (dims + 4));
        sigma = Math.min(range, Math.max(range / Math.min(100.0, n + 2), sigma));
        double[] mus = new double[n + 1];
        double[] sigmas = new double[n + 1];
        for (int i = 0; i < n; i++) {
            mus[i] = centres[i];
            sigmas[i] = sigma;
        }
        mus[n] = 0.5 * (low + high);
        sigmas[n] = range;
        return new GaussianKernels(mus, sigmas, low, high, step);
    }

    /** Sample standard deviation. */
    private static double spread(double[] xs) {
        double mean = 0;
        for (double x : xs) mean += x / xs.length;
        double squares = 0;
        for (double x : xs) squares += (x - mean) * (x - mean);
        return Math.sqrt(squares / (xs.length - 1));
    }

    @Override
    public int size() {
        return mus.length;
    }

    @Override
    public void addLogPdf(double x, double[] acc) {
        if (step == 0) {
            for (int k = 0; k < mus.length; k++) {
                double z = (x - mus[k]) / sigmas[k];
                acc[k] += logNorm[k] - 0.5 * z * z;
            }
            return;
        }
        double half = 0.5 * step;
        for (int k = 0; k < mus.length; k++) {
            acc[k] += Normal.logMass((x - half - mus[k]) / sigmas[k], (x + half - mus[k]) / sigmas[k]) - logInside[k];
        }
    }

    @Override
    public double sample(int k, RandomGenerator rng) {
        double x = Normal.truncated(mus[k], sigmas[k], low, high, rng);
        if (step == 0) return x;
        // Snap to the value whose cell holds x; the top edge belongs to the last value.
        double first = low + 0.5 * step;
        long last = Math.round((high - low) / step) - 1;
        long index = Math.min(last, Math.max(0, (long) Math.floor((x - low) / step)));
        return first + index * step;
    }
}
