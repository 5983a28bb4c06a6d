package dev.tunelab.scheduler.search.samplers.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Matern52Test {

    @Test
    void slopeIsTheDerivativeOfTheCorrelationDividedByMinusR() {
        double h = 1e-6;
        for (double r : new double[] {1e-3, 0.1, 0.5, 1, 2.5, 6}) {
            double numeric = (Matern52.correlation(r + h) - Matern52.correlation(r - h)) / (2 * h);
            assertEquals(numeric, -r * Matern52.slope(r), 1e-8, "r = " + r);
        }
        assertEquals(1, Matern52.correlation(0), 0);
    }

    @Test
    void lengthscalesAreSharedWithinAGroup() {
        // Columns 1 and 2 are one categorical's one-hot pair.
        Matern52 k = new Matern52(new int[] {0, 1, 1}, 2);
        double[] scaled = k.scale(new double[] {0.5, 1, 0}, new double[] {0.25, 2});
        assertEquals(2, scaled[0], 0);
        assertEquals(0.5, scaled[1], 0);
        assertEquals(0, scaled[2], 0);
    }

    @Test
    void gramIsSymmetricWithTheSignalOnTheDiagonal() {
        double[][] x = {{0, 0}, {1, 0}, {0, 2}};
        double[] gram = Matern52.gram(x, 3);
        for (int i = 0; i < 3; i++) {
            assertEquals(3, gram[i * 3 + i], 0);
            for (int j = 0; j < 3; j++) assertEquals(gram[i * 3 + j], gram[j * 3 + i], 0);
        }
        assertEquals(3 * Matern52.correlation(Math.sqrt(5)), gram[1 * 3 + 2], 1e-15);
    }
}
