package dev.tunelab.scheduler.search.pruners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.search.Pruner;
import dev.tunelab.core.search.TrialCurve;
import dev.tunelab.core.study.Direction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

/** What every pruner promises; each pruner's test extends this. Budget: 20 epochs. */
abstract class PrunerContract {
    static final int EPOCHS = 20;

    abstract Pruner pruner();

    /** A curve rising towards {@code ceiling}, as accuracies do. */
    static TrialCurve curve(int number, boolean completed, int epochs, double ceiling, Pruner p) {
        Map<Integer, Double> v = new TreeMap<>();
        for (int e = 1; e <= epochs; e++) v.put(e, ceiling * (1 - Math.exp(-e / 3.0)));
        return new TrialCurve(number, p.bracketFor(number), completed, new TreeMap<>(v));
    }

    /** Ten completed trials of every bracket with ceilings 0.50 … 0.95. */
    List<TrialCurve> finished(Pruner p) {
        List<TrialCurve> out = new ArrayList<>();
        for (int i = 0; i < 30; i++) out.add(curve(i, true, EPOCHS, 0.5 + 0.05 * (i % 10), p));
        return out;
    }

    /** Runs a trial epoch by epoch until it is stopped; the epoch it was stopped at, or 0. */
    static int stoppedAt(Pruner p, Direction d, int number, IntToDoubleFunction value, List<TrialCurve> others) {
        TreeMap<Integer, Double> v = new TreeMap<>();
        for (int e = 1; e < EPOCHS; e++) {
            v.put(e, value.applyAsDouble(e));
            if (p.decide(d, e, new TrialCurve(number, p.bracketFor(number), false, v), others)
                    .prune()) return e;
        }
        return 0;
    }

    @Test
    void theBestTrialIsNeverStopped() {
        Pruner p = pruner();
        assertEquals(0, stoppedAt(p, Direction.MAXIMIZE, 100, e -> 0.99, finished(p)));
        assertEquals(0, stoppedAt(p, Direction.MINIMIZE, 100, e -> 0.01, finished(p)));
    }

    @Test
    void aTrialWorseThanEveryOtherIsStoppedEarly() {
        Pruner p = pruner();
        for (int number = 100; number < 100 + 12; number++) {
            int at = stoppedAt(p, Direction.MAXIMIZE, number, e -> 0.1, finished(p));
            // Hyperband's most patient bracket may not have a rung at all; every other one must stop it.
            if (at == 0)
                assertTrue(
                        p instanceof HyperbandPruner && p.bracketFor(number) > 0,
                        "trial " + number + " ran to the end");
            else assertTrue(at < EPOCHS / 2, "stopped only at epoch " + at);
        }
    }

    @Test
    void decisionsDependOnlyOnTheCurvesNotTheirOrder() {
        Pruner p = pruner();
        List<TrialCurve> others = finished(p);
        List<TrialCurve> shuffled = new ArrayList<>(others);
        Collections.shuffle(shuffled, new java.util.Random(3));
        for (int e = 1; e < EPOCHS; e++) {
            TrialCurve t = curve(7, false, e, 0.7, p);
            assertEquals(
                    p.decide(Direction.MAXIMIZE, e, t, others), pruner().decide(Direction.MAXIMIZE, e, t, shuffled));
        }
    }

    @Test
    void nothingIsStoppedWithoutOtherTrials() {
        Pruner p = pruner();
        for (int e = 1; e < EPOCHS; e++) {
            assertFalse(
                    p.decide(Direction.MAXIMIZE, e, curve(0, false, e, 0.3, p), List.of())
                            .prune(),
                    "epoch " + e);
        }
    }
}
