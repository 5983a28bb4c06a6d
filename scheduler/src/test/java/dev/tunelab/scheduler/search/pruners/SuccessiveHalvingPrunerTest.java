package dev.tunelab.scheduler.search.pruners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.search.Decision;
import dev.tunelab.core.search.Pruner;
import dev.tunelab.core.search.TrialCurve;
import dev.tunelab.core.study.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SuccessiveHalvingPrunerTest extends PrunerContract {
    @Override
    Pruner pruner() {
        return new SuccessiveHalvingPruner(1, 3, EPOCHS);
    }

    @Test
    void rungsSitAtMinEpochsTimesPowersOfEtaBeforeTheLastEpoch() {
        SuccessiveHalvingPruner p = new SuccessiveHalvingPruner(1, 3, EPOCHS);
        assertEquals(List.of(1, 3, 9, -1), List.of(p.rungEpoch(0), p.rungEpoch(1), p.rungEpoch(2), p.rungEpoch(3)));
        assertEquals(
                -1, new SuccessiveHalvingPruner(2, 2, 8).rungEpoch(2), "epoch 8 is the end of training, not a rung");
    }

    @Test
    void onlyTheTopThirdOfArrivalsGoesOnAndThePassedRungIsReported() {
        Pruner p = new SuccessiveHalvingPruner(1, 3, EPOCHS);
        List<TrialCurve> others = new ArrayList<>();
        for (int i = 0; i < 8; i++) others.add(new TrialCurve(i, 0, false, new TreeMap<>(Map.of(1, 0.1 * (i + 1)))));
        // With 9 arrivals at rung 0, the 3 best (0.8, 0.7 and this trial's) go on; the cut-off is the
        // third.
        Decision third =
                p.decide(Direction.MAXIMIZE, 1, new TrialCurve(9, 0, false, new TreeMap<>(Map.of(1, 0.65))), others);
        assertEquals(Decision.keep(0), third);
        Decision fourth =
                p.decide(Direction.MAXIMIZE, 1, new TrialCurve(9, 0, false, new TreeMap<>(Map.of(1, 0.55))), others);
        assertTrue(fourth.prune());
        assertEquals(-1, fourth.rung());
        Decision between = p.decide(
                Direction.MAXIMIZE, 2, new TrialCurve(9, 0, false, new TreeMap<>(Map.of(1, 0.65, 2, 0.1))), others);
        assertEquals(Decision.keep(0), between, "epoch 2 is no rung: nothing is judged");
    }

    @Test
    void minimizingKeepsTheSmallest() {
        Pruner p = new SuccessiveHalvingPruner(1, 2, EPOCHS);
        List<TrialCurve> others = List.of(new TrialCurve(0, 0, false, new TreeMap<>(Map.of(1, 0.2))));
        assertFalse(p.decide(Direction.MINIMIZE, 1, new TrialCurve(1, 0, false, new TreeMap<>(Map.of(1, 0.1))), others)
                .prune());
        assertTrue(p.decide(Direction.MINIMIZE, 1, new TrialCurve(1, 0, false, new TreeMap<>(Map.of(1, 0.3))), others)
                .prune());
    }
}
