package dev.tunelab.scheduler.search.samplers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.search.Sampler;
import dev.tunelab.core.search.StudyHistory;
import dev.tunelab.core.space.Condition;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.study.Direction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every sampler promises; each sampler's test extends this (STYLE.md, point 6). */
abstract class SamplerContract {
    static final SearchSpace SPACE = new SearchSpace(ordered(
            "units", new Param.IntParam(4, 64, 4),
            "act", new Param.ChoiceParam(List.of("relu", "tanh", "elu")),
            "rate", new Param.ChoiceParam(List.of(0.0, 0.25))));

    /**
     * Variable depth, an optimizer-specific parameter and a log range. Floats carry gridPoints so the
     * grid sampler runs the same contract.
     */
    static final SearchSpace CONDITIONAL = new SearchSpace(ordered(
            "layers", new Param.IntParam(1, 3, 1),
            "units_2", new Param.IntParam(8, 64, 8, null, new Condition("layers", null, 2.0, null)),
            "units_3", new Param.IntParam(8, 64, 8, null, new Condition("layers", null, 3.0, null)),
            "opt", new Param.ChoiceParam(List.of("adam", "sgd")),
            "momentum", new Param.FloatParam(0, 0.99, false, 2, new Condition("opt", List.of("sgd"), null, null)),
            "lr", new Param.FloatParam(1e-4, 1e-1, true, 3, null)));

    /** Peaks at lr = 10^-3.5, so a model-based sampler should spend time at small learning rates. */
    static double objective(Map<String, Object> p) {
        double lr = (Double) p.get("lr");
        return -Math.abs(Math.log10(lr) + 3.5)
                - ("sgd".equals(p.get("opt")) ? 0.2 : 0)
                + 0.01 * (Integer) p.get("layers");
    }

    /** The sampler of a study with this seed. */
    abstract Sampler sampler(long seed);

    /** Runs {@code n} suggestions the way the scheduler does: one stream per trial number. */
    List<Map<String, Object>> run(SearchSpace space, long seed, int n) {
        List<StudyHistory.Trial> trials = new ArrayList<>();
        List<Map<String, Object>> points = new ArrayList<>();
        for (int number = 0; number < n; number++) {
            Optional<Map<String, Object>> p = sampler(seed)
                    .suggest(space, new StudyHistory(Direction.MAXIMIZE, trials), Samplers.streamFor(seed, number));
            if (p.isEmpty()) break;
            points.add(p.get());
            trials.add(new StudyHistory.Trial(
                    number, p.get(), true, space == CONDITIONAL ? objective(p.get()) : (double) number));
        }
        return points;
    }

    /**
     * A sampler that says it reads no outcomes is given stale ones by the scheduler (its points kept
     * in memory): it must suggest the same points whether the trials' outcomes are known or not.
     */
    @Test
    void aSamplerThatReadsNoOutcomesIgnoresThem() {
        Sampler sampler = sampler(11);
        if (sampler.readsOutcomes()) return;
        List<StudyHistory.Trial> known = new ArrayList<>();
        List<StudyHistory.Trial> stale = new ArrayList<>();
        for (int number = 0; number < 12; number++) {
            Optional<Map<String, Object>> a = sampler(11)
                    .suggest(CONDITIONAL, new StudyHistory(Direction.MAXIMIZE, known), Samplers.streamFor(11, number));
            Optional<Map<String, Object>> b = sampler(11)
                    .suggest(CONDITIONAL, new StudyHistory(Direction.MAXIMIZE, stale), Samplers.streamFor(11, number));
            assertEquals(a, b, "trial " + number);
            if (a.isEmpty()) break;
            known.add(new StudyHistory.Trial(number, a.get(), true, objective(a.get())));
            stale.add(new StudyHistory.Trial(number, b.get(), false, null));
        }
    }

    @Test
    void sameSeedSamePoints() {
        assertEquals(run(SPACE, 42, 20), run(SPACE, 42, 20));
    }

    @Test
    void pointsLieInsideTheSpaceWithTheRightTypes() {
        for (Map<String, Object> p : run(SPACE, 7, 40)) {
            assertEquals(SPACE.params().keySet(), p.keySet());
            int units = assertInstanceOf(Integer.class, p.get("units"));
            assertTrue(units >= 4 && units <= 64 && units % 4 == 0, "units " + units);
            assertTrue(List.of("relu", "tanh", "elu").contains(p.get("act")));
            assertTrue(List.of(0.0, 0.25).contains(p.get("rate")));
        }
    }

    @Test
    void sameSeedSamePointsInAConditionalSpace() {
        assertEquals(run(CONDITIONAL, 5, 30), run(CONDITIONAL, 5, 30));
    }

    @Test
    void inactiveParametersAreAbsentAndActiveOnesPresent() {
        List<Map<String, Object>> points = run(CONDITIONAL, 11, 40);
        assertTrue(points.size() >= 12, "the space has at least 12 distinct points");
        for (Map<String, Object> p : points) {
            int layers = assertInstanceOf(Integer.class, p.get("layers"));
            assertTrue(layers >= 1 && layers <= 3);
            assertEquals(layers >= 2, p.containsKey("units_2"), p.toString());
            assertEquals(layers >= 3, p.containsKey("units_3"), p.toString());
            assertEquals("sgd".equals(p.get("opt")), p.containsKey("momentum"), p.toString());
            for (String units : List.of("units_2", "units_3")) {
                if (!p.containsKey(units)) continue;
                int u = assertInstanceOf(Integer.class, p.get(units), "ints are ints");
                assertTrue(u >= 8 && u <= 64 && u % 8 == 0, units + " " + u);
            }
            if (p.containsKey("momentum")) {
                double m = assertInstanceOf(Double.class, p.get("momentum"));
                assertTrue(m >= 0 && m <= 0.99, "momentum " + m);
            }
            assertEquals(
                    List.of("layers", "units_2", "units_3", "opt", "momentum", "lr").stream()
                            .filter(p::containsKey)
                            .toList(),
                    List.copyOf(p.keySet()),
                    "parameters keep the space's order");
        }
    }

    @Test
    void logRangesStayInsideAndAreSearchedInLogSpace() {
        List<Map<String, Object>> points = run(CONDITIONAL, 3, 40);
        long small = 0;
        for (Map<String, Object> p : points) {
            double lr = assertInstanceOf(Double.class, p.get("lr"));
            assertTrue(lr >= 1e-4 && lr <= 1e-1, "lr " + lr);
            if (lr < 1e-3) small++;
        }
        // Uniform in linear space puts under 1% of points below 1e-3; in log space a third.
        assertTrue(small >= 3, small + " of " + points.size() + " learning rates below 1e-3");
    }

    static Map<String, Param> ordered(Object... kv) {
        Map<String, Param> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (Param) kv[i + 1]);
        return m;
    }
}
