package dev.tunelab.scheduler.search.samplers.gp;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * The Yeo-Johnson power transform (Yeo and Johnson, "A new family of power transformations to
 * improve normality or symmetry", Biometrika 2000) with its exponent chosen by maximum likelihood,
 * applied to standardized values. Monotone, so the best trial stays the best.
 */
final class YeoJohnson {
    private YeoJohnson() {}

    /** The exponent in [{@code lo}, {@code hi}] under which {@code y} looks most normal. */
    static double fit(double[] y, double lo, double hi) {
        if (lo == hi) return lo;
        UnivariateObjectiveFunction objective = new UnivariateObjectiveFunction(lambda -> logLikelihood(y, lambda));
        return new BrentOptimizer(1e-6, 1e-8)
                .optimize(new MaxEval(200), objective, GoalType.MAXIMIZE, new SearchInterval(lo, hi))
                .getPoint();
    }

    /** Profile log likelihood of the exponent, constants dropped. */
    static double logLikelihood(double[] y, double lambda) {
        int n = y.length;
        double mean = 0;
        double[] t = new double[n];
        double jacobian = 0;
        for (int i = 0; i < n; i++) {
            t[i] = transform(y[i], lambda);
            mean += t[i] / n;
            jacobian += Math.signum(y[i]) * Math.log1p(Math.abs(y[i]));
        }
        double var = 0;
        for (double v : t) var += (v - mean) * (v - mean) / n;
        return -0.5 * n * Math.log(Math.max(var, 1e-300)) + (lambda - 1) * jacobian;
    }

    static double transform(double y, double lambda) {
        if (y >= 0) {
            return Math.abs(lambda) < 1e-12 ? Math.log1p(y) : (Math.pow(y + 1, lambda) - 1) / lambda;
        }
        return Math.abs(lambda - 2) < 1e-12 ? -Math.log1p(-y) : -(Math.pow(1 - y, 2 - lambda) - 1) / (2 - lambda);
    }
}
