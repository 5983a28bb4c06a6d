package dev.tunelab.scheduler.search.pruners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.search.Decision;
import dev.tunelab.core.search.Pruner;
import dev.tunelab.core.search.TrialCurve;
import dev.tunelab.core.study.Direction;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MedianPrunerTest extends PrunerContract {
    @Override
    Pruner pruner() {
        return new MedianPruner(2, 5);
    }

    @Test
    void waitsForWarmupAndForEnoughCompletedTrials() {
        Pruner p = pruner();
        assertEquals(
                3,
                stoppedAt(p, Direction.MAXIMIZE, 50, e -> 0.1, finished(p)),
                "first chance is after 2 warm-up epochs");
        List<TrialCurve> four = finished(p).subList(0, 4);
        assertEquals(0, stoppedAt(p, Direction.MAXIMIZE, 50, e -> 0.1, four), "4 completed trials are not enough");
    }

    @Test
    void comparesTheTrialsBestValueWithTheMedianOfCompletedTrialsAtThatEpoch() {
        Pruner p = new MedianPruner(0, 3);
        List<TrialCurve> others =
                List.of(point(1, 0.5, true), point(2, 0.6, true), point(3, 0.7, true), point(4, 0.99, false));
        TreeMap<Integer, Double> good = new TreeMap<>(java.util.Map.of(1, 0.65, 2, 0.55));
        assertFalse(
                p.decide(Direction.MAXIMIZE, 2, new TrialCurve(9, 0, false, good), others)
                        .prune(),
                "best 0.65 ≥ median 0.6");
        TreeMap<Integer, Double> bad = new TreeMap<>(java.util.Map.of(1, 0.5, 2, 0.55));
        Decision d = p.decide(Direction.MAXIMIZE, 2, new TrialCurve(9, 0, false, bad), others);
        assertTrue(d.prune());
        assertTrue(d.reason().contains("median"), d.reason());
    }

    private static TrialCurve point(int number, double at2, boolean completed) {
        return new TrialCurve(number, 0, completed, new TreeMap<>(java.util.Map.of(2, at2)));
    }
}
