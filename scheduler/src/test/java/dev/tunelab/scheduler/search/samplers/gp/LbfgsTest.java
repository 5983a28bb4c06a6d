package dev.tunelab.scheduler.search.samplers.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LbfgsTest {
    /** Rosenbrock's valley, minimum 0 at (1, 1). */
    private static final Lbfgs.Objective ROSENBROCK = (x, g) -> {
        double a = x[1] - x[0] * x[0];
        double b = 1 - x[0];
        g[0] = -400 * x[0] * a - 2 * b;
        g[1] = 200 * a;
        return 100 * a * a + b * b;
    };

    @Test
    void findsAnInteriorMinimum() {
        Lbfgs.Result r = new Lbfgs(200, 1e-12)
                .minimize(ROSENBROCK, new double[] {-1.2, 1}, new double[] {-2, -2}, new double[] {2, 2});
        assertEquals(1, r.x()[0], 1e-4);
        assertEquals(1, r.x()[1], 1e-4);
    }

    @Test
    void stopsOnTheBoundWhenTheMinimumIsOutside() {
        // Minimum of (x - 3)^2 + (y + 1)^2 over [0, 1]^2 is at (1, 0).
        Lbfgs.Result r = new Lbfgs(100, 1e-12)
                .minimize(
                        (x, g) -> {
                            g[0] = 2 * (x[0] - 3);
                            g[1] = 2 * (x[1] + 1);
                            return (x[0] - 3) * (x[0] - 3) + (x[1] + 1) * (x[1] + 1);
                        },
                        new double[] {0.5, 0.5},
                        new double[] {0, 0},
                        new double[] {1, 1});
        assertEquals(1, r.x()[0], 0);
        assertEquals(0, r.x()[1], 0);
        assertEquals(5, r.value(), 1e-12);
    }
}
