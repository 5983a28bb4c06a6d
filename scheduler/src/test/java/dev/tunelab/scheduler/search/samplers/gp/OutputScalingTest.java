package dev.tunelab.scheduler.search.samplers.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OutputScalingTest {

    @Test
    void keepsTheOrderAndPutsTheWorstAtZero() {
        double[] values = {3, -1, 10, 0.5, 2, -4};
        double[] y = OutputScaling.apply(values);
        assertEquals(0, y[5], 0);
        for (int i = 0; i < values.length; i++) {
            for (int j = 0; j < values.length; j++) {
                if (values[i] < values[j]) assertTrue(y[i] < y[j], i + " vs " + j);
            }
        }
    }

    @Test
    void aFewDisastrousTrialsNoLongerDominateTheScale() {
        // Minimizing something like a loss: most trials between 0 and 1, three that blew up. Signed
        // for maximization, the disasters form a long lower tail.
        SplittableRandom rng = new SplittableRandom(1);
        double[] values = new double[40];
        for (int i = 0; i < values.length; i++) values[i] = -rng.nextDouble();
        values[0] = -300;
        values[1] = -150;
        values[2] = -80;
        double[] plain = OutputScaling.standardize(values);
        double[] warped = OutputScaling.apply(values);
        // The ordinary trials spread over a far larger share of the unit-variance scale once warped.
        double plainRange = range(plain, 3);
        double warpedRange = range(warped, 3);
        assertTrue(warpedRange > 5 * plainRange, plainRange + " vs " + warpedRange);
    }

    @Test
    void yeoJohnsonIsTheIdentityAtOneAndInvertsItsJacobianTerm() {
        for (double v : new double[] {-3, -0.5, 0, 0.7, 4}) assertEquals(v, YeoJohnson.transform(v, 1), 1e-12);
        assertEquals(Math.log1p(2.0), YeoJohnson.transform(2, 0), 1e-12);
        assertEquals(-Math.log1p(2.0), YeoJohnson.transform(-2, 2), 1e-12);
        // Symmetric data is already as normal as it gets: the fitted exponent stays near 1.
        double[] symmetric = {-2, -1, -0.5, 0, 0.5, 1, 2};
        assertEquals(1, YeoJohnson.fit(symmetric, -2, 4), 0.3);
    }

    private static double range(double[] y, int from) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = from; i < y.length; i++) {
            lo = Math.min(lo, y[i]);
            hi = Math.max(hi, y[i]);
        }
        return hi - lo;
    }
}
