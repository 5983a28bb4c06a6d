package dev.tunelab.scheduler.search.samplers.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.search.StudyHistory;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.study.Direction;
import dev.tunelab.scheduler.search.samplers.Samplers;
import dev.tunelab.scheduler.search.samplers.SobolSampler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class GpSamplerTest {
    private static final SearchSpace SQUARE =
            SpaceEncodingTest.space("x", new Param.FloatParam(0, 1, false), "y", new Param.FloatParam(0, 1, false));

    /** A smooth bowl with its minimum at (0.3, 0.7). */
    private static double bowl(Map<String, Object> p) {
        double x = (Double) p.get("x") - 0.3;
        double y = (Double) p.get("y") - 0.7;
        return x * x + y * y;
    }

    private static List<StudyHistory.Trial> run(
            Direction direction, ToDoubleFunction<Map<String, Object>> f, long seed, int n) {
        List<StudyHistory.Trial> trials = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> p = new GpSampler(seed)
                    .suggest(SQUARE, new StudyHistory(direction, trials), Samplers.streamFor(seed, i))
                    .orElseThrow();
            trials.add(new StudyHistory.Trial(i, p, true, f.applyAsDouble(p)));
        }
        return trials;
    }

    @Test
    void startsWithTheSobolNet() {
        List<StudyHistory.Trial> trials = run(Direction.MINIMIZE, GpSamplerTest::bowl, 4, 5);
        List<StudyHistory.Trial> sobol = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> p = new SobolSampler(4)
                    .suggest(SQUARE, new StudyHistory(Direction.MINIMIZE, sobol), Samplers.streamFor(4, i))
                    .orElseThrow();
            sobol.add(new StudyHistory.Trial(i, p, true, 0.0));
            assertEquals(p, trials.get(i).params());
        }
    }

    @Test
    void minimizesAndMaximizes() {
        double best = run(Direction.MINIMIZE, GpSamplerTest::bowl, 1, 20).stream()
                .mapToDouble(StudyHistory.Trial::objective)
                .min()
                .orElseThrow();
        assertTrue(best < 1e-3, "minimum found " + best);
        double bestMax = run(Direction.MAXIMIZE, p -> -bowl(p), 1, 20).stream()
                .mapToDouble(StudyHistory.Trial::objective)
                .max()
                .orElseThrow();
        assertTrue(bestMax > -1e-3, "maximum found " + bestMax);
    }

    @Test
    void sameHistoryAndStreamSamePoint() {
        List<StudyHistory.Trial> trials = run(Direction.MINIMIZE, GpSamplerTest::bowl, 2, 8);
        StudyHistory h = new StudyHistory(Direction.MINIMIZE, trials);
        Map<String, Object> a =
                new GpSampler(2).suggest(SQUARE, h, Samplers.streamFor(2, 8)).orElseThrow();
        Map<String, Object> b =
                new GpSampler(2).suggest(SQUARE, h, Samplers.streamFor(2, 8)).orElseThrow();
        assertEquals(a, b);
    }

    @Test
    void parallelSuggestionsDoNotCollapse() {
        List<StudyHistory.Trial> trials = new ArrayList<>(run(Direction.MINIMIZE, GpSamplerTest::bowl, 3, 10));
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            int number = trials.size();
            Map<String, Object> p = new GpSampler(3)
                    .suggest(SQUARE, new StudyHistory(Direction.MINIMIZE, trials), Samplers.streamFor(3, number))
                    .orElseThrow();
            batch.add(p);
            // The scheduler records each suggestion as a running trial before asking for the next.
            trials.add(new StudyHistory.Trial(number, p, false, null));
        }
        for (int i = 0; i < batch.size(); i++) {
            for (int j = 0; j < i; j++) {
                double dx =
                        (Double) batch.get(i).get("x") - (Double) batch.get(j).get("x");
                double dy =
                        (Double) batch.get(i).get("y") - (Double) batch.get(j).get("y");
                // A converged model would put all four within 1e-3 of the optimum without the lies.
                assertTrue(Math.hypot(dx, dy) > 0.05, "suggestions " + j + " and " + i + " crowd together: " + batch);
            }
        }
    }

    @Test
    void failedTrialsAreIgnoredByTheModelAndNotRepeated() {
        List<StudyHistory.Trial> trials = new ArrayList<>(run(Direction.MINIMIZE, GpSamplerTest::bowl, 6, 10));
        StudyHistory before = new StudyHistory(Direction.MINIMIZE, trials);
        Map<String, Object> next = new GpSampler(6)
                .suggest(SQUARE, before, Samplers.streamFor(6, 10))
                .orElseThrow();
        trials.add(new StudyHistory.Trial(10, next, true, null));
        trials.add(new StudyHistory.Trial(11, Map.of("x", 0.5, "y", 0.5), true, Double.NaN));
        Map<String, Object> retry = new GpSampler(6)
                .suggest(SQUARE, new StudyHistory(Direction.MINIMIZE, trials), Samplers.streamFor(6, 10))
                .orElseThrow();
        assertNotEquals(next, retry);
    }

    @Test
    void choicesAndIntegersComeBackAsTheirTypes() {
        SearchSpace mixed = SpaceEncodingTest.space(
                "n",
                new Param.IntParam(0, 20, 2),
                "kind",
                new Param.ChoiceParam(List.of("a", "b", 3)),
                "x",
                new Param.FloatParam(1, 100, true));
        List<StudyHistory.Trial> trials = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Map<String, Object> p = new GpSampler(8)
                    .suggest(mixed, new StudyHistory(Direction.MINIMIZE, trials), Samplers.streamFor(8, i))
                    .orElseThrow();
            int n = (Integer) p.get("n");
            assertTrue(n % 2 == 0 && n >= 0 && n <= 20, p.toString());
            assertTrue(List.of("a", "b", 3).contains(p.get("kind")), p.toString());
            double x = (Double) p.get("x");
            assertTrue(x >= 1 && x <= 100, p.toString());
            double y = Math.abs(n - 6) + ("b".equals(p.get("kind")) ? 0 : 3) + Math.abs(Math.log10(x) - 1);
            trials.add(new StudyHistory.Trial(i, p, true, y));
        }
    }
}
