package dev.tunelab.scheduler.search.samplers.tpe;

import java.util.random.RandomGenerator;

/** The standard normal distribution, as the Parzen kernels need it. */
final class Normal {
    static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private Normal() {}

    /**
     * log(Φ(b) − Φ(a)) for a ≤ b. Both ends are moved into the lower tail before subtracting, so a
     * narrow cell far from the centre keeps its relative precision instead of cancelling to zero.
     */
    static double logMass(double a, double b) {
        double p;
        if (a > 0) p = cdf(-a) - cdf(-b);
        else if (b < 0) p = cdf(b) - cdf(a);
        else p = 1 - cdf(a) - cdf(-b);
        return Math.log(Math.max(p, 0));
    }

    static double cdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /**
     * Complementary error function with fractional error below 1.2e-7 everywhere, tails included
     * (Press et al., Numerical Recipes, 2nd ed., §6.2, Chebyshev fit). Commons Math's erfc is exact
     * to 1e-15 but a continued fraction per call; discrete kernels call this for every component.
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double poly = -1.26551223
                + t
                        * (1.00002368
                                + t
                                        * (0.37409196
                                                + t
                                                        * (0.09678418
                                                                + t
                                                                        * (-0.18628806
                                                                                + t
                                                                                        * (0.27886807
                                                                                                + t
                                                                                                        * (-1.13520398
                                                                                                                + t
                                                                                                                        * (1.48851587
                                                                                                                                + t
                                                                                                                                        * (-0.82215223
                                                                                                                                                + t
                                                                                                                                                        * 0.17087277))))))));
        double r = t * Math.exp(-z * z + poly);
        return x >= 0 ? r : 2 - r;
    }

    /**
     * A draw from N(mu, sigma²) restricted to [low, high]. Kernels are centred inside the range and
     * never wider than it, so at least a third of the plain draws land inside; rejection is exact and
     * needs no inverse CDF. The cap only guards against a misuse (a centre outside the range).
     */
    static double truncated(double mu, double sigma, double low, double high, RandomGenerator rng) {
        for (int attempt = 0; attempt < 1000; attempt++) {
            double x = mu + sigma * rng.nextGaussian();
            if (x >= low && x <= high) return x;
        }
        return Math.min(high, Math.max(low, mu));
    }
}
