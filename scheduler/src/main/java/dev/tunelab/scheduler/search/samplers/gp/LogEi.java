package dev.tunelab.scheduler.search.samplers.gp;

import org.apache.commons.math3.special.Erf;

/**
 * The logarithm of expected improvement over an incumbent, for a Gaussian posterior, computed so
 * that it stays finite and smooth where EI itself underflows to zero. Plain EI is flat (exactly 0
 * in floating point) over most of the space once the model is confident, which leaves an optimizer
 * nothing to climb; its logarithm keeps the ordering and the gradient (Ament et al., "Unexpected
 * Improvements to Expected Improvement for Bayesian Optimization", NeurIPS 2023).
 *
 * <p>With z = (mean - incumbent) / sd, EI = sd * h(z) where h(z) = phi(z) + z Phi(z). For z well
 * below zero h is a difference of two nearly equal numbers; there we write h(z) = phi(z) (1 - |z|
 * R(|z|)) with R the Mills ratio, and past |z| = 20 use the asymptotic series of 1 - |z| R(|z|),
 * which never cancels.
 */
final class LogEi {
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double SQRT2 = Math.sqrt(2);

    /** Past this the asymptotic series is accurate to double precision in a few terms. */
    private static final double FAR = -20;

    private LogEi() {}

    /**
     * log EI for posterior mean {@code mean}, standard deviation {@code sd} (> 0), incumbent {@code
     * best}.
     */
    static double value(double mean, double sd, double best) {
        return Math.log(sd) + logH((mean - best) / sd);
    }

    /**
     * log EI and its partial derivatives with respect to mean and sd: {@code out[0]} = d/dmean,
     * {@code out[1]} = d/dsd.
     */
    static double valueAndPartials(double mean, double sd, double best, double[] out) {
        double z = (mean - best) / sd;
        double logH = logH(z);
        // d log h / dz = Phi(z) / h(z); d log EI / dsd = (1/sd) (1 - z Phi(z) / h(z)) = phi(z) / (sd
        // h(z)).
        out[0] = Math.exp(logPhi(z) - logH) / sd;
        out[1] = Math.exp(logPdf(z) - logH) / sd;
        return Math.log(sd) + logH;
    }

    /** log h(z), h(z) = phi(z) + z Phi(z). */
    static double logH(double z) {
        if (z > -1) return Math.log(Math.exp(logPdf(z)) + z * Math.exp(logPhi(z)));
        return logPdf(z) + Math.log(oneMinusZMills(-z));
    }

    /** 1 - t R(t) for t >= 1, R(t) = Phi(-t) / phi(t); about 1 / t^2 for large t. */
    private static double oneMinusZMills(double t) {
        if (-t > FAR) {
            double mills = 0.5 * Erf.erfc(t / SQRT2) * Math.exp(t * t / 2 + LOG_SQRT_2PI);
            return 1 - t * mills;
        }
        // 1 - t R(t) = sum_{k>=1} (-1)^(k+1) (2k-1)!! / t^(2k), asymptotic; at t >= 20 the terms fall
        // by
        // at least a factor 400/(2k+1) each.
        double inv = 1 / (t * t);
        double term = inv;
        double sum = 0;
        for (int k = 1; k <= 8; k++) {
            sum += term;
            term *= -(2 * k + 1) * inv;
        }
        return sum;
    }

    /** log Phi(z), the standard normal CDF, accurate in the far lower tail. */
    static double logPhi(double z) {
        if (z > FAR) return Math.log(0.5 * Erf.erfc(-z / SQRT2));
        // Phi(z) = phi(z) R(|z|), R(t) ~ (1/t)(1 - 1/t^2 + 3/t^4 - ...).
        double t = -z;
        double inv = 1 / (t * t);
        double term = 1;
        double sum = 0;
        for (int k = 0; k <= 8; k++) {
            sum += term;
            term *= -(2 * k + 1) * inv;
        }
        return logPdf(z) - Math.log(t) + Math.log(sum);
    }

    static double logPdf(double z) {
        return -0.5 * z * z - LOG_SQRT_2PI;
    }
}
