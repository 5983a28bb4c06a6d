package dev.tunelab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Java half of the cross-check with bench/optuna/optuna_bench.py, which reimplements these
 * functions for Optuna: its {@code check} mode asserts the same values at the same points, so a
 * change to either copy fails one side.
 */
class TestFunctionValuesTest {

    static void at(TestFunction f, double expected, double... x) {
        assertEquals(expected, f.value(TestFunctionTest.point(x)), 1e-12 * Math.max(1, Math.abs(expected)), f.name());
    }

    @Test
    void continuousFunctionsMatchThePythonCopy() {
        at(TestFunction.BRANIN, 308.12909601160663, -5, 0);
        at(TestFunction.BRANIN, 145.87219087939556, 10, 15);
        at(TestFunction.BRANIN, 23.83598250444723, 1.25, 7.5);
        at(TestFunction.HARTMANN6, -0.00508911288366444, 0, 0, 0, 0, 0, 0);
        at(TestFunction.HARTMANN6, -3.408539273427753e-5, 1, 1, 1, 1, 1, 1);
        at(TestFunction.HARTMANN6, -1.4069105761385297, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6);
        at(TestFunction.ROSENBROCK2, 90036.0, -5, -5);
        at(TestFunction.ROSENBROCK2, 810081.0, 10, 10);
        at(TestFunction.ROSENBROCK2, 225.25, 0.5, -1.25);
        at(TestFunction.ACKLEY5, 21.570311151282485, -32.768, -32.768, -32.768, -32.768, -32.768);
        at(TestFunction.ACKLEY5, 21.570311151282485, 32.768, 32.768, 32.768, 32.768, 32.768);
        at(TestFunction.ACKLEY5, 12.758374472847947, 1.5, -2.25, 3, -0.5, 7.75);
        at(TestFunction.LEVY5, 334.65623580738435, -10, -10, -10, -10, -10);
        at(TestFunction.LEVY5, 224.19136446610025, 10, 10, 10, 10, 10);
        at(TestFunction.LEVY5, 14.015796527551432, 1.5, -2.25, 3, -0.5, 7.75);
    }

    @Test
    void heldOutFunctionsMatchThePythonCopy() {
        at(TestFunction.STYBLINSKI10, 1000.0, -5, -5, -5, -5, -5, -5, -5, -5, -5, -5);
        at(TestFunction.STYBLINSKI10, 1250.0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5);
        at(TestFunction.STYBLINSKI10, -39.431640625, 1.5, -2.25, 3, -0.5, 4.75, -4, 0.25, 2, -1, 3.5);
        at(TestFunction.STEP5, 125.0, -5.12, -5.12, -5.12, -5.12, -5.12);
        at(TestFunction.STEP5, 29.0, 0.49, -0.5, 1.5, -2.6, 4.4);
        at(TestFunction.RASTRIGIN4, 115.69885490314357, -5.12, -5.12, -5.12, -5.12);
        at(TestFunction.RASTRIGIN4, 115.69885490314357, 5.12, 5.12, 5.12, 5.12);
        at(TestFunction.RASTRIGIN4, 66.5625, 1.5, -2.25, 3, -0.5);
        assertEquals(
                1.004926739095822,
                TestFunction.HPO_MIXED.value(Map.of(
                        "optimizer",
                        "sgd",
                        "lr",
                        1e-5,
                        "batch",
                        16,
                        "layers",
                        1,
                        "units",
                        8,
                        "dropout",
                        0.0,
                        "activation",
                        "sigmoid")),
                1e-12);
        assertEquals(
                0.5706847962038931,
                TestFunction.HPO_MIXED.value(Map.of(
                        "optimizer",
                        "rmsprop",
                        "lr",
                        1.0,
                        "batch",
                        256,
                        "layers",
                        6,
                        "units",
                        512,
                        "dropout",
                        0.7,
                        "activation",
                        "tanh")),
                1e-12);
        assertEquals(
                0.06924002477032803,
                TestFunction.HPO_MIXED.value(Map.of(
                        "optimizer",
                        "momentum",
                        "lr",
                        0.0123,
                        "batch",
                        64,
                        "layers",
                        4,
                        "units",
                        100,
                        "dropout",
                        0.25,
                        "activation",
                        "sigmoid")),
                1e-12);
    }

    @Test
    void mixedMatchesThePythonCopy() {
        assertEquals(
                45.379462137331565,
                TestFunction.MIXED.value(Map.of("x", -5.0, "n", 0, "m", -10, "shape", "sin")),
                1e-12);
        assertEquals(44.4, TestFunction.MIXED.value(Map.of("x", 5.0, "n", 20, "m", 10, "shape", "abs")), 1e-12);
        assertEquals(7.35, TestFunction.MIXED.value(Map.of("x", 2.5, "n", 3, "m", 4, "shape", "quad")), 1e-12);
        assertEquals(
                8.003319380011666,
                TestFunction.MIXED.value(Map.of("x", -0.75, "n", 11, "m", -8, "shape", "sin")),
                1e-12);
    }
}
