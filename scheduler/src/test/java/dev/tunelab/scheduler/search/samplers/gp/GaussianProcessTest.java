package dev.tunelab.scheduler.search.samplers.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaussianProcessTest {
    private static final Matern52 KERNEL = new Matern52(new int[] {0, 1}, 2);
    private static final double[][] X = {{0.1, 0.2}, {0.5, 0.5}, {0.9, 0.3}, {0.3, 0.8}};
    private static final double[] Y = {1.0, -0.5, 0.25, 2.0};
    private static final Hyperparameters HP = new Hyperparameters(new double[] {0.3, 0.4}, 1.5, 1e-8);

    @Test
    void noiselessDataIsInterpolated() {
        GaussianProcess gp = GaussianProcess.condition(KERNEL, HP, X, Y);
        double[] mean = new double[X.length];
        double[] variance = new double[X.length];
        gp.predict(X, mean, variance);
        for (int i = 0; i < X.length; i++) {
            assertEquals(Y[i], mean[i], 1e-6);
            assertTrue(variance[i] < 1e-6, "variance at an observation " + variance[i]);
        }
    }

    @Test
    void batchedPredictionsAgreeWithOnePointAtATime() {
        // More points than one block of the batched solve, so block boundaries are crossed too.
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(4);
        double[][] points = new double[300][];
        for (int p = 0; p < points.length; p++) points[p] = new double[] {rnd.nextDouble(), rnd.nextDouble()};
        Hyperparameters hp = new Hyperparameters(new double[] {0.3, 0.4}, 1.5, 1e-3);
        GaussianProcess gp = GaussianProcess.condition(KERNEL, hp, X, Y);
        double[] mean = new double[points.length];
        double[] variance = new double[points.length];
        gp.predict(points, mean, variance);
        double[] out = new double[2];
        for (int p = 0; p < points.length; p++) {
            gp.predictWithGradient(points[p], out, new double[2], new double[2]);
            assertEquals(out[0], mean[p], 1e-12);
            assertEquals(out[1], variance[p], 1e-12);
        }
    }

    @Test
    void farFromDataThePriorReturns() {
        GaussianProcess gp = GaussianProcess.condition(KERNEL, HP, X, Y);
        double[] mean = new double[1];
        double[] variance = new double[1];
        gp.predict(new double[][] {{50, 50}}, mean, variance);
        assertEquals(0, mean[0], 1e-9);
        assertEquals(1.5, variance[0], 1e-9);
    }

    @Test
    void singlePointMeanAndVarianceFollowTheClosedForm() {
        // One observation: mean = k(x, x0) / (s2 + noise) * y0, variance = s2 - k^2 / (s2 + noise).
        Hyperparameters hp = new Hyperparameters(new double[] {0.5, 0.5}, 2, 0.1);
        GaussianProcess gp = GaussianProcess.condition(KERNEL, hp, new double[][] {{0.2, 0.2}}, new double[] {3});
        double k = 2 * Matern52.correlation(Math.hypot(0.3 / 0.5, 0.4 / 0.5));
        double[] mean = new double[1];
        double[] variance = new double[1];
        gp.predict(new double[][] {{0.5, 0.6}}, mean, variance);
        assertEquals(k / 2.1 * 3, mean[0], 1e-12);
        assertEquals(2 - k * k / 2.1, variance[0], 1e-12);
    }

    @Test
    void meanAndVarianceGradientsMatchFiniteDifferences() {
        GaussianProcess gp =
                GaussianProcess.condition(KERNEL, new Hyperparameters(new double[] {0.3, 0.4}, 1.5, 1e-3), X, Y);
        double[] point = {0.42, 0.61};
        double[] out = new double[2];
        double[] dMean = new double[2];
        double[] dVariance = new double[2];
        gp.predictWithGradient(point, out, dMean, dVariance);
        double h = 1e-6;
        for (int c = 0; c < 2; c++) {
            double[] up = point.clone();
            double[] down = point.clone();
            up[c] += h;
            down[c] -= h;
            double[] mu = new double[2];
            double[] var = new double[2];
            gp.predict(new double[][] {up, down}, mu, var);
            assertEquals((mu[0] - mu[1]) / (2 * h), dMean[c], 1e-6);
            assertEquals((var[0] - var[1]) / (2 * h), dVariance[c], 1e-6);
        }
    }

    @Test
    void pendingPointsLieWithTheWorstValueAndLoseTheirVariance() {
        GaussianProcess gp =
                GaussianProcess.condition(KERNEL, new Hyperparameters(new double[] {0.3, 0.4}, 1.5, 1e-6), X, Y);
        double[][] pending = {{0.35, 0.75}};
        GaussianProcess liar = gp.withLies(pending, -0.5);
        double[] before = new double[1];
        double[] after = new double[1];
        double[] varBefore = new double[1];
        double[] varAfter = new double[1];
        gp.predict(pending, before, varBefore);
        liar.predict(pending, after, varAfter);
        assertTrue(before[0] > 1, "near the best observation the mean is high: " + before[0]);
        assertEquals(-0.5, after[0], 1e-4);
        assertTrue(varBefore[0] > 1e-3 && varAfter[0] < 1e-5, varBefore[0] + " -> " + varAfter[0]);
        assertEquals(2.0, liar.bestObserved(), 0, "a lie never becomes the incumbent");
    }

    @Test
    void liesExtendTheFactorToTheSamePosteriorAsConditioningOnEverything() {
        Hyperparameters hp = new Hyperparameters(new double[] {0.3, 0.4}, 1.5, 1e-4);
        double[][] pending = {{0.35, 0.75}, {0.7, 0.1}};
        double[][] all = {X[0], X[1], X[2], X[3], pending[0], pending[1]};
        double[] values = {Y[0], Y[1], Y[2], Y[3], -0.5, -0.5};
        double[][] points = {{0.2, 0.9}, {0.6, 0.4}, {0.36, 0.74}};
        double[] mean = new double[3];
        double[] variance = new double[3];
        double[] expectedMean = new double[3];
        double[] expectedVariance = new double[3];
        try (GaussianProcess observed = GaussianProcess.condition(KERNEL, hp, X, Y);
                GaussianProcess extended = observed.withLies(pending, -0.5);
                GaussianProcess refactored = GaussianProcess.condition(KERNEL, hp, all, values)) {
            extended.predict(points, mean, variance);
            refactored.predict(points, expectedMean, expectedVariance);
        }
        for (int p = 0; p < 3; p++) {
            assertEquals(expectedMean[p], mean[p], 1e-10);
            assertEquals(expectedVariance[p], variance[p], 1e-10);
        }
    }
}
