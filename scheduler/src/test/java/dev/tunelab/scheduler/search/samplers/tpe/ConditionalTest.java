package dev.tunelab.scheduler.search.samplers.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.search.StudyHistory;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.study.Direction;
import dev.tunelab.scheduler.search.samplers.RandomSampler;
import dev.tunelab.scheduler.search.samplers.Samplers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Conditional parameters: each group is modelled on the trials in which it was active. */
class ConditionalTest {
    static final SearchSpace SPACE = ParamGroupTest.space();

    static Map<String, Object> point(int layers, String opt, Double momentum, double lr) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("layers", layers);
        if (layers >= 2) {
            p.put("units_2", 32);
            p.put("dropout_2", 0.1);
        }
        p.put("opt", opt);
        if (momentum != null) p.put("momentum", momentum);
        p.put("lr", lr);
        return p;
    }

    /**
     * Adam trials all beat SGD trials; among SGD trials, momentum near 0.9 is best. Split on all
     * trials, no SGD trial would be good and momentum would learn nothing.
     */
    static StudyHistory history() {
        SplittableRandom rng = new SplittableRandom(3);
        List<StudyHistory.Trial> trials = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            boolean sgd = i % 2 == 1;
            double m = rng.nextDouble(0, 0.99);
            double value = sgd ? 1 + Math.abs(m - 0.9) : rng.nextDouble(0, 0.5);
            trials.add(new StudyHistory.Trial(
                    i, point(1 + i % 3, sgd ? "sgd" : "adam", sgd ? m : null, 1e-3), true, value));
        }
        return new StudyHistory(Direction.MINIMIZE, trials);
    }

    @Test
    void aBranchsParametersAreTunedAmongTheTrialsOfThatBranch() {
        ParamGroup momentum = ParamGroup.of(SPACE).get(2);
        StudyHistory h = history();
        int near = 0;
        for (int i = 0; i < 50; i++) {
            double m = (Double) new TpeSampler(0)
                    .sampleGroup(SPACE, momentum, h, Samplers.streamFor(0, 100 + i))
                    .get("momentum");
            if (Math.abs(m - 0.9) < 0.15) near++;
        }
        // A uniform draw lands within 0.15 of 0.9 about a quarter of the time.
        assertTrue(near >= 35, near + " of 50 momenta within 0.15 of 0.9");
    }

    @Test
    void aGroupWithFewerThanTenFinishedTrialsIsDrawnAtRandom() {
        List<StudyHistory.Trial> trials = new ArrayList<>(history().trials().subList(0, 18));
        ParamGroup momentum = ParamGroup.of(SPACE).get(2);
        StudyHistory h = new StudyHistory(Direction.MINIMIZE, trials);
        // Nine SGD trials: the momentum model waits for a tenth.
        assertEquals(
                9,
                trials.stream().filter(t -> t.params().containsKey("momentum")).count());
        double m = (Double) new TpeSampler(0)
                .sampleGroup(SPACE, momentum, h, Samplers.streamFor(0, 18))
                .get("momentum");
        double uniform = (Double) new RandomSampler()
                .suggest(momentum.unconditional(SPACE), h, Samplers.streamFor(0, 18))
                .orElseThrow()
                .get("momentum");
        assertEquals(uniform, m);
    }

    @Test
    void suggestionsHoldExactlyTheActiveParameters() {
        StudyHistory h = history();
        int sgd = 0;
        for (int i = 0; i < 60; i++) {
            Map<String, Object> p = new TpeSampler(0)
                    .suggest(SPACE, h, Samplers.streamFor(0, 60 + i))
                    .orElseThrow();
            int layers = (Integer) p.get("layers");
            assertEquals(layers >= 2, p.containsKey("units_2"), p.toString());
            assertEquals(layers >= 2, p.containsKey("dropout_2"), p.toString());
            assertEquals("sgd".equals(p.get("opt")), p.containsKey("momentum"), p.toString());
            assertEquals(SPACE.activeOnly(p), p, "in the space's order");
            if ("sgd".equals(p.get("opt"))) sgd++;
        }
        // Adam won every comparison, so the parent's group should mostly pick it.
        assertTrue(sgd < 15, sgd + " of 60 suggestions chose sgd");
    }
}
