package dev.tunelab.scheduler.search.samplers.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MarginalLikelihoodTest {

    @Test
    void gradientMatchesFiniteDifferences() {
        SplittableRandom rng = new SplittableRandom(3);
        // Two floats and a three-way choice (one-hot, one shared lengthscale).
        Matern52 kernel = new Matern52(new int[] {0, 1, 2, 2, 2}, 3);
        double[][] x = new double[15][];
        double[] y = new double[15];
        for (int i = 0; i < x.length; i++) {
            int cat = rng.nextInt(3);
            x[i] = new double[] {
                rng.nextDouble(), rng.nextDouble(), cat == 0 ? 1 : 0, cat == 1 ? 1 : 0, cat == 2 ? 1 : 0
            };
            y[i] = Math.sin(5 * x[i][0]) + x[i][1] * x[i][1] + 0.3 * cat;
        }
        MarginalLikelihood f = new MarginalLikelihood(kernel, x, y);
        double[] theta = {Math.log(0.3), Math.log(0.7), Math.log(1.5), Math.log(1.2), Math.log(0.01)};
        double[] grad = new double[theta.length];
        f.valueAndGradient(theta, grad);
        double h = 1e-6;
        for (int i = 0; i < theta.length; i++) {
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (f.valueAndGradient(up, new double[theta.length])
                            - f.valueAndGradient(down, new double[theta.length]))
                    / (2 * h);
            assertEquals(numeric, grad[i], 1e-5 * Math.max(1, Math.abs(numeric)), "component " + i);
        }
    }

    @Test
    void fitFindsTheLengthscalesThatMatter() {
        SplittableRandom rng = new SplittableRandom(5);
        Matern52 kernel = new Matern52(new int[] {0, 1}, 2);
        double[][] x = new double[40][];
        double[] y = new double[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {rng.nextDouble(), rng.nextDouble()};
            y[i] = Math.sin(6 * x[i][0]);
        }
        Hyperparameters hp = HyperparameterFit.fit(kernel, x, standardized(y), new SplittableRandom(1));
        // The function ignores x1, so its lengthscale should be far longer than x0's.
        double[] l = hp.lengthscales();
        assertEquals(true, l[1] > 5 * l[0], "lengthscales " + l[0] + ", " + l[1]);
        assertEquals(true, hp.noise() < 1e-2, "noise " + hp.noise());
    }

    static double[] standardized(double[] y) {
        double mean = 0;
        for (double v : y) mean += v / y.length;
        double var = 0;
        for (double v : y) var += (v - mean) * (v - mean) / y.length;
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) out[i] = (y[i] - mean) / Math.sqrt(var);
        return out;
    }
}
