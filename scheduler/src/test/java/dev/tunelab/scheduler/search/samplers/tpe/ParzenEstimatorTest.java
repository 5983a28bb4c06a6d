package dev.tunelab.scheduler.search.samplers.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.space.Param;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParzenEstimatorTest {
    private static final Dimension X = Dimension.of("x", new Param.FloatParam(-5, 10, false));
    private static final Dimension Y = Dimension.of("y", new Param.FloatParam(0, 1, false));

    @Test
    void aContinuousDensityIntegratesToOneEvenWithKernelsAtTheEdge() {
        ParzenEstimator pe =
                ParzenEstimator.fit(List.of(X), new double[][] {{-5}, {-4.9}, {3}, {10}}, Split.weights(4));
        int steps = 20_000;
        double h = 15.0 / steps;
        double integral = 0;
        for (int i = 0; i < steps; i++) integral += Math.exp(pe.logPdf(new double[] {-5 + (i + 0.5) * h})) * h;
        assertEquals(1.0, integral, 1e-3);
    }

    @Test
    void aJointDensityOverTwoDimensionsIntegratesToOne() {
        double[][] obs = {{0, 0.1}, {2, 0.9}, {9, 0.5}};
        ParzenEstimator pe = ParzenEstimator.fit(List.of(X, Y), obs, Split.weights(3));
        int steps = 400;
        double hx = 15.0 / steps;
        double hy = 1.0 / steps;
        double integral = 0;
        for (int i = 0; i < steps; i++) {
            for (int j = 0; j < steps; j++) {
                integral += Math.exp(pe.logPdf(new double[] {-5 + (i + 0.5) * hx, (j + 0.5) * hy})) * hx * hy;
            }
        }
        assertEquals(1.0, integral, 2e-3);
    }

    @Test
    void componentsKeepDimensionsTogether() {
        // Good trials at (-4, 0.1) and (9, 0.9): by symmetry, independent models per dimension give a
        // trial and the mixed corner (-4, 0.9) the same density; a joint model favours the trial.
        ParzenEstimator pe = ParzenEstimator.fit(
                List.of(X, Y), new double[][] {{-4, 0.1}, {9, 0.9}, {-4, 0.1}, {9, 0.9}}, Split.weights(4));
        double atTrial = pe.logPdf(new double[] {-4, 0.1});
        double atCorner = pe.logPdf(new double[] {-4, 0.9});
        assertTrue(atTrial - atCorner > 1.0, "log density at a trial " + atTrial + ", at a mixed corner " + atCorner);
    }

    @Test
    void integerProbabilitiesSumToOneAndSamplesStayOnTheGrid() {
        Dimension n = Dimension.of("n", new Param.IntParam(4, 64, 4));
        ParzenEstimator pe = ParzenEstimator.fit(List.of(n), new double[][] {{4}, {8}, {60}}, Split.weights(3));
        double total = 0;
        for (int v = 4; v <= 64; v += 4) total += Math.exp(pe.logPdf(new double[] {v}));
        assertEquals(1.0, total, 1e-6);
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 500; i++) {
            double x = pe.sample(rng)[0];
            assertTrue(x >= 4 && x <= 64 && x % 4 == 0, "sampled " + x);
            assertEquals((int) x, n.external(x));
        }
    }

    @Test
    void categoricalKernelsSumToOneAndNeverRuleOutAChoice() {
        Dimension c = Dimension.of("c", new Param.ChoiceParam(List.of("a", "b", "c", "d")));
        ParzenEstimator pe = ParzenEstimator.fit(List.of(c), new double[][] {{0}, {0}, {0}, {1}}, Split.weights(4));
        double total = 0;
        double[] p = new double[4];
        for (int k = 0; k < 4; k++) total += p[k] = Math.exp(pe.logPdf(new double[] {k}));
        assertEquals(1.0, total, 1e-9);
        assertTrue(p[0] > p[1] && p[1] > p[2], "observed choices weigh more: " + java.util.Arrays.toString(p));
        assertEquals(p[2], p[3], 1e-12);
        assertTrue(p[3] > 0.02, "unobserved choices keep the prior's share: " + p[3]);
    }

    @Test
    void logRangesAreModelledInLogSpace() {
        Dimension lr = Dimension.of("lr", new Param.FloatParam(1e-5, 1, true));
        assertEquals(Math.log(1e-3), lr.internal(1e-3), 1e-12);
        double[][] obs = new double[20][];
        for (int i = 0; i < obs.length; i++) obs[i] = new double[] {lr.internal(1e-3)};
        ParzenEstimator pe = ParzenEstimator.fit(List.of(lr), obs, Split.weights(obs.length));
        SplittableRandom rng = new SplittableRandom(2);
        int below = 0;
        int within = 0;
        for (int i = 0; i < 2000; i++) {
            double v = (Double) lr.external(pe.sample(rng)[0]);
            assertTrue(v >= 1e-5 && v <= 1);
            if (v < 1e-3) below++;
            if (v > 1e-4 && v < 1e-2) within++;
        }
        // A kernel in log space spreads by factors: symmetric around 1e-3 in decades, so about half
        // fall below it; in linear space nearly every draw would land above.
        assertTrue(below > 800 && below < 1200, below + " of 2000 below 1e-3");
        assertTrue(within > 1400, within + " of 2000 within a decade of 1e-3");
    }

    @Test
    void valuesOutsideTheRangeHaveNoCoordinate() {
        assertTrue(Double.isNaN(X.internal(11.0)));
        assertTrue(Double.isNaN(X.internal("3")));
        Dimension n = Dimension.of("n", new Param.IntParam(4, 64, 4));
        assertTrue(Double.isNaN(n.internal(6)), "6 is not on the grid 4, 8, ...");
        assertEquals(8.0, n.internal(8.0), "8.0 from JSON is the integer 8");
        Dimension c = Dimension.of("c", new Param.ChoiceParam(List.of(1, 2)));
        assertEquals(1.0, c.internal(2.0), "a numeric choice matches 2 and 2.0");
        assertEquals(null, Dimension.of("k", new Param.IntParam(3, 3, 1)), "one value is not a dimension");
    }
}
