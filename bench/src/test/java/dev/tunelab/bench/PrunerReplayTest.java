package dev.tunelab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.scheduler.search.pruners.SuccessiveHalvingPruner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrunerReplayTest {
    /** Ten curves that level off at 0.1, 0.2, ..., 1.0. */
    static List<double[]> curves() {
        List<double[]> out = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            double[] c = new double[9];
            for (int e = 0; e < 9; e++) c[e] = i / 10.0 * (1 - Math.exp(-(e + 1) / 2.0));
            out.add(c);
        }
        return out;
    }

    @Test
    void withoutAPrunerEveryTrialRunsEveryEpoch() {
        PrunerReplay.Outcome none = PrunerReplay.run(curves(), null, 9, 3);
        assertEquals(new PrunerReplay.Outcome(90, 1.0 * (1 - Math.exp(-4.5)), 10, 0), none);
    }

    @Test
    void ashaStopsTrialsThatArriveBehindBetterOnesButFinishesTheBest() {
        List<double[]> bestFirst = new ArrayList<>(curves());
        java.util.Collections.reverse(bestFirst);
        PrunerReplay.Outcome asha = PrunerReplay.run(bestFirst, new SuccessiveHalvingPruner(1, 3, 9), 9, 3);
        assertTrue(asha.epochs() < 60, "epochs " + asha.epochs());
        assertTrue(asha.pruned() >= 6, "pruned " + asha.pruned());
        assertEquals(bestFirst.get(0)[8], asha.bestCompleted(), 1e-12);
        PrunerReplay.Outcome ascending = PrunerReplay.run(curves(), new SuccessiveHalvingPruner(1, 3, 9), 9, 3);
        assertEquals(0, ascending.pruned(), "each newcomer beats everyone before it, so ASHA promotes them all");
    }
}
