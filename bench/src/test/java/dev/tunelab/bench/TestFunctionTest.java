package dev.tunelab.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestFunctionTest {

    static Map<String, Object> point(double... x) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < x.length; i++) p.put("x" + i, x[i]);
        return p;
    }

    @Test
    void knownMinimizersReachTheStatedMinimum() {
        assertEquals(0.397887, TestFunction.BRANIN.value(point(Math.PI, 2.275)), 1e-5);
        assertEquals(0.397887, TestFunction.BRANIN.value(point(9.42478, 2.475)), 1e-5);
        assertEquals(
                -3.32237,
                TestFunction.HARTMANN6.value(point(0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573)),
                1e-5);
        assertEquals(0, TestFunction.ROSENBROCK2.value(point(1, 1)), 1e-12);
        assertEquals(0, TestFunction.ACKLEY5.value(point(0, 0, 0, 0, 0)), 1e-12);
        assertEquals(0, TestFunction.LEVY5.value(point(1, 1, 1, 1, 1)), 1e-12);
        assertEquals(0, TestFunction.MIXED.value(Map.of("x", 1.0, "n", 7, "m", -3, "shape", "quad")), 1e-12);
        double st = -2.9035340277711783;
        assertEquals(
                -391.66165703771415,
                TestFunction.STYBLINSKI10.value(point(st, st, st, st, st, st, st, st, st, st)),
                1e-9);
        assertEquals(0, TestFunction.STEP5.value(point(0.4, -0.5, 0, 0.49, -0.2)), 0);
        assertEquals(0, TestFunction.RASTRIGIN4.value(point(0, 0, 0, 0)), 1e-12);
        assertEquals(
                0,
                TestFunction.HPO_MIXED.value(Map.of(
                        "optimizer",
                        "adam",
                        "lr",
                        1e-3,
                        "batch",
                        32,
                        "layers",
                        3,
                        "units",
                        128,
                        "dropout",
                        1.0 / 3,
                        "activation",
                        "relu")),
                1e-12);
    }

    @Test
    void theSetsSplitTheFunctions() {
        assertEquals(
                List.of(
                        TestFunction.BRANIN,
                        TestFunction.HARTMANN6,
                        TestFunction.ROSENBROCK2,
                        TestFunction.ACKLEY5,
                        TestFunction.LEVY5,
                        TestFunction.MIXED),
                SamplerBench.functions("tuning"));
        assertEquals(
                List.of(TestFunction.STYBLINSKI10, TestFunction.STEP5, TestFunction.RASTRIGIN4, TestFunction.HPO_MIXED),
                SamplerBench.functions("heldout"));
        assertEquals(List.of(TestFunction.MIXED, TestFunction.STEP5), SamplerBench.functions("mixed step5 mixed"));
    }

    @Test
    void minimaAreLowerBounds() {
        for (TestFunction f : TestFunction.values()) {
            for (double y : SearchRun.bestSoFar("random", f, 1, 200)) assertTrue(y >= f.minimum() - 1e-6, f + " " + y);
        }
    }

    @Test
    void runsAreReproducibleAndImprove() {
        double[] a = SearchRun.bestSoFar("sobol", TestFunction.BRANIN, 4, 64);
        assertArrayEquals(a, SearchRun.bestSoFar("sobol", TestFunction.BRANIN, 4, 64));
        assertTrue(a[63] <= a[0]);
        assertTrue(a[63] < 3, "64 Sobol points come near Branin's minimum: " + a[63]);
    }
}
