package dev.tunelab.bench;

import dev.tunelab.core.search.Sampler;
import dev.tunelab.core.search.StudyHistory;
import dev.tunelab.core.study.Direction;
import dev.tunelab.scheduler.search.samplers.Samplers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One seeded minimization of a test function through the same Sampler interface, history and
 * per-trial random streams that the scheduler uses, one trial at a time.
 */
final class SearchRun {
    private SearchRun() {}

    /** The best value found after each evaluation (index i: after i + 1 evaluations). */
    static double[] bestSoFar(String algorithm, TestFunction f, long seed, int evaluations) {
        Sampler sampler = Samplers.forStudy(algorithm, seed);
        List<StudyHistory.Trial> trials = new ArrayList<>();
        double[] best = new double[evaluations];
        double min = Double.POSITIVE_INFINITY;
        for (int n = 0; n < evaluations; n++) {
            Optional<Map<String, Object>> point = sampler.suggest(
                    f.searchSpace(), new StudyHistory(Direction.MINIMIZE, trials), Samplers.streamFor(seed, n));
            if (point.isEmpty()) throw new IllegalStateException(algorithm + " ran out of points on " + f);
            double y = f.value(point.get());
            trials.add(new StudyHistory.Trial(n, point.get(), true, y));
            min = Math.min(min, y);
            best[n] = min;
        }
        return best;
    }
}
