package dev.tunelab.scheduler.search.samplers.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.search.Sampler;
import dev.tunelab.core.search.StudyHistory;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.study.Direction;
import dev.tunelab.scheduler.search.samplers.RandomSampler;
import dev.tunelab.scheduler.search.samplers.Samplers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** How the sampler searches: seeded runs through the scheduler's per-trial streams. */
class TpeSearchTest {
    static final SearchSpace BOWL = new SearchSpace(ordered(
            "x",
            new Param.FloatParam(-5, 5, false),
            "y",
            new Param.FloatParam(-5, 5, false),
            "z",
            new Param.FloatParam(-5, 5, false)));

    /** A shifted quadratic bowl, minimum 0 at (1, -2, 0.5). */
    static double bowl(Map<String, Object> p) {
        double x = (Double) p.get("x") - 1;
        double y = (Double) p.get("y") + 2;
        double z = (Double) p.get("z") - 0.5;
        return x * x + y * y + z * z;
    }

    /** The trials of a sequential run: each suggestion is evaluated before the next. */
    static List<StudyHistory.Trial> run(
            Sampler sampler,
            SearchSpace space,
            Direction direction,
            ToDoubleFunction<Map<String, Object>> f,
            long seed,
            int n) {
        List<StudyHistory.Trial> trials = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> p = sampler.suggest(
                            space, new StudyHistory(direction, trials), Samplers.streamFor(seed, i))
                    .orElseThrow();
            trials.add(new StudyHistory.Trial(i, p, true, f.applyAsDouble(p)));
        }
        return trials;
    }

    static double best(List<StudyHistory.Trial> trials, Direction direction) {
        return trials.stream()
                .mapToDouble(StudyHistory.Trial::objective)
                .reduce(direction == Direction.MINIMIZE ? Math::min : Math::max)
                .orElseThrow();
    }

    @Test
    void beatsRandomOnAQuadraticBowl() {
        int wins = 0;
        double[] tpe = new double[10];
        double[] random = new double[10];
        for (int s = 0; s < 10; s++) {
            tpe[s] = best(
                    run(new TpeSampler(s), BOWL, Direction.MINIMIZE, TpeSearchTest::bowl, s, 60), Direction.MINIMIZE);
            random[s] = best(
                    run(new RandomSampler(), BOWL, Direction.MINIMIZE, TpeSearchTest::bowl, s, 60), Direction.MINIMIZE);
            if (tpe[s] < random[s]) wins++;
        }
        Arrays.sort(tpe);
        Arrays.sort(random);
        assertTrue(wins >= 9, "TPE better in " + wins + " of 10 seeds");
        assertTrue(tpe[5] < random[5] / 4, "median best: TPE " + tpe[5] + ", random " + random[5]);
    }

    @Test
    void maximizingClimbsTheNegatedBowl() {
        int wins = 0;
        for (int s = 0; s < 10; s++) {
            double tpe =
                    best(run(new TpeSampler(s), BOWL, Direction.MAXIMIZE, p -> -bowl(p), s, 60), Direction.MAXIMIZE);
            double random =
                    best(run(new RandomSampler(), BOWL, Direction.MAXIMIZE, p -> -bowl(p), s, 60), Direction.MAXIMIZE);
            if (tpe > random) wins++;
        }
        assertTrue(wins >= 9, "TPE better in " + wins + " of 10 seeds");
    }

    @Test
    void theFirstTenFinishedTrialsAreExactlyRandomSearch() {
        List<StudyHistory.Trial> trials = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            StudyHistory h = new StudyHistory(Direction.MINIMIZE, trials);
            Map<String, Object> p =
                    new TpeSampler(4).suggest(BOWL, h, Samplers.streamFor(4, i)).orElseThrow();
            assertEquals(
                    new RandomSampler()
                            .suggest(BOWL, h, Samplers.streamFor(4, i))
                            .orElseThrow(),
                    p);
            // Running and failed trials do not end the random start.
            trials.add(new StudyHistory.Trial(trials.size(), p, i % 3 != 0, i % 3 == 1 ? null : bowl(p)));
        }
        long valued = trials.stream()
                .filter(t -> t.finished() && t.objective() != null)
                .count();
        assertTrue(valued < 10);
        Map<String, Object> next = new TpeSampler(4)
                .suggest(BOWL, new StudyHistory(Direction.MINIMIZE, trials), Samplers.streamFor(4, 10))
                .orElseThrow();
        assertEquals(
                new RandomSampler()
                        .suggest(BOWL, new StudyHistory(Direction.MINIMIZE, trials), Samplers.streamFor(4, 10))
                        .orElseThrow(),
                next);
    }

    @Test
    void sameHistoryAndStreamGiveTheSamePointAndOtherStreamsAnother() {
        List<StudyHistory.Trial> trials = run(new TpeSampler(1), BOWL, Direction.MINIMIZE, TpeSearchTest::bowl, 1, 30);
        StudyHistory h = new StudyHistory(Direction.MINIMIZE, trials);
        Map<String, Object> a =
                new TpeSampler(1).suggest(BOWL, h, Samplers.streamFor(1, 30)).orElseThrow();
        assertEquals(
                a, new TpeSampler(1).suggest(BOWL, h, Samplers.streamFor(1, 30)).orElseThrow());
        assertNotEquals(
                a, new TpeSampler(1).suggest(BOWL, h, Samplers.streamFor(1, 31)).orElseThrow());
    }

    @Test
    void parallelSuggestionsSpreadOutInsteadOfPilingUp() {
        // Eight free slots after 30 finished trials: each suggestion joins the history as a running
        // trial before the next is made, as the scheduler does. Treated as bad, running trials push
        // later suggestions away; ignoring them, all eight would be drawn by the same l/g.
        double withLiar = 0;
        double ignoring = 0;
        for (long s = 0; s < 10; s++) {
            List<StudyHistory.Trial> done =
                    run(new TpeSampler(s), BOWL, Direction.MINIMIZE, TpeSearchTest::bowl, s, 30);
            List<StudyHistory.Trial> trials = new ArrayList<>(done);
            List<Map<String, Object>> parallel = new ArrayList<>();
            List<Map<String, Object>> blind = new ArrayList<>();
            for (int slot = 0; slot < 8; slot++) {
                int number = 30 + slot;
                Map<String, Object> p = new TpeSampler(s)
                        .suggest(BOWL, new StudyHistory(Direction.MINIMIZE, trials), Samplers.streamFor(s, number))
                        .orElseThrow();
                trials.add(new StudyHistory.Trial(number, p, false, null));
                parallel.add(p);
                blind.add(new TpeSampler(s)
                        .suggest(BOWL, new StudyHistory(Direction.MINIMIZE, done), Samplers.streamFor(s, number))
                        .orElseThrow());
            }
            withLiar += closestPair(parallel);
            ignoring += closestPair(blind);
        }
        assertTrue(
                withLiar > 1.5 * ignoring,
                "closest pair, summed over seeds: "
                        + withLiar
                        + " with running trials, "
                        + ignoring
                        + " ignoring them");
    }

    @Test
    void followsWhereGoodTrialsConcentrateRatherThanWhereTheRestAreAbsent() {
        // Five good trials near 0.3 among forty others spread over [0, 0.7]: nothing was tried above
        // 0.7, so g is tiny there. Ranked by l/g, 40 of these 100 suggestions went there (candidates
        // from l's prior component); ranked by l - g, they keep to the good trials.
        SearchSpace line = new SearchSpace(ordered("x", new Param.FloatParam(0, 1, false)));
        List<StudyHistory.Trial> trials = new ArrayList<>();
        for (int i = 0; i < 5; i++) trials.add(new StudyHistory.Trial(i, Map.of("x", 0.28 + 0.01 * i), true, 0.0));
        for (int i = 0; i < 40; i++)
            trials.add(new StudyHistory.Trial(5 + i, Map.of("x", 0.7 * i / 39), true, 1.0 + i % 7));
        StudyHistory h = new StudyHistory(Direction.MINIMIZE, trials);
        int near = 0;
        int far = 0;
        for (int i = 0; i < 100; i++) {
            double x = (Double) new TpeSampler(0)
                    .suggest(line, h, Samplers.streamFor(0, 45 + i))
                    .orElseThrow()
                    .get("x");
            if (Math.abs(x - 0.3) < 0.1) near++;
            if (x > 0.7) far++;
        }
        assertTrue(near >= 90, near + " of 100 within 0.1 of the good trials");
        assertTrue(far <= 5, far + " of 100 beyond 0.7");
    }

    private static double closestPair(List<Map<String, Object>> points) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                double d = 0;
                for (String k : List.of("x", "y", "z"))
                    d += Math.pow(
                            (Double) points.get(i).get(k)
                                    - (Double) points.get(j).get(k),
                            2);
                min = Math.min(min, Math.sqrt(d));
            }
        }
        return min;
    }

    static Map<String, Param> ordered(Object... kv) {
        Map<String, Param> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (Param) kv[i + 1]);
        return m;
    }
}
