package dev.tunelab.scheduler.search.pruners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.search.Pruner;
import dev.tunelab.core.search.TrialCurve;
import dev.tunelab.core.study.Direction;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class HyperbandPrunerTest extends PrunerContract {
    @Override
    Pruner pruner() {
        return new HyperbandPruner(1, 3, EPOCHS);
    }

    @Test
    void bracketsRunFromAggressiveToPatientAndTheAggressiveOnesGetMoreTrials() {
        HyperbandPruner p = new HyperbandPruner(1, 3, EPOCHS);
        assertEquals(3, p.brackets(), "first rungs at epochs 1, 3 and 9");
        int[] count = new int[3];
        for (int n = 0; n < 1000; n++) count[p.bracketFor(n)]++;
        assertTrue(count[0] > count[1] && count[1] > count[2], java.util.Arrays.toString(count));
        assertEquals(p.bracketFor(17), new HyperbandPruner(1, 3, EPOCHS).bracketFor(17), "fixed by the trial number");
    }

    @Test
    void trialsAreComparedWithinTheirBracketOnly() {
        HyperbandPruner p = new HyperbandPruner(1, 3, EPOCHS);
        List<TrialCurve> otherBracket = List.of(
                new TrialCurve(0, 1, false, new TreeMap<>(Map.of(1, 0.9, 3, 0.9))),
                new TrialCurve(1, 1, false, new TreeMap<>(Map.of(1, 0.95, 3, 0.95))));
        assertFalse(p.decide(
                        Direction.MAXIMIZE, 1, new TrialCurve(5, 0, false, new TreeMap<>(Map.of(1, 0.1))), otherBracket)
                .prune());
        List<TrialCurve> same = List.of(new TrialCurve(0, 0, false, new TreeMap<>(Map.of(1, 0.9))));
        assertTrue(p.decide(Direction.MAXIMIZE, 1, new TrialCurve(5, 0, false, new TreeMap<>(Map.of(1, 0.1))), same)
                .prune());
        assertFalse(
                p.decide(
                                Direction.MAXIMIZE,
                                1,
                                new TrialCurve(5, 1, false, new TreeMap<>(Map.of(1, 0.1))),
                                otherBracket)
                        .prune(),
                "bracket 1 has no rung at epoch 1");
    }
}
