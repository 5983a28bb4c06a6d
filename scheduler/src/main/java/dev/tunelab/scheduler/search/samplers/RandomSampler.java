package dev.tunelab.scheduler.search.samplers;

import dev.tunelab.core.search.OutcomeBlindSampler;
import dev.tunelab.core.search.StudyHistory;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Independent uniform draws: integers uniformly over their steps, floats uniformly (or uniformly in
 * log space), choices uniformly. The baseline every other sampler must beat (Bergstra and Bengio,
 * "Random Search for Hyper-Parameter Optimization", JMLR 2012). Never exhausted.
 */
public final class RandomSampler implements OutcomeBlindSampler {

    @Override
    public Optional<Map<String, Object>> suggest(SearchSpace space, StudyHistory history, RandomGenerator rng) {
        Map<String, Object> point = new LinkedHashMap<>();
        space.params().forEach((name, p) -> {
            if (space.isActive(name, point)) point.put(name, draw(p, rng));
        });
        return Optional.of(point);
    }

    static Object draw(Param p, RandomGenerator rng) {
        if (p instanceof Param.IntParam i) {
            return i.valueAt(rng.nextInt(i.size()));
        }
        if (p instanceof Param.FloatParam f) {
            if (f.min() == f.max()) return f.min();
            if (f.log()) {
                double lo = Math.log(f.min());
                double hi = Math.log(f.max());
                return Math.min(f.max(), Math.max(f.min(), Math.exp(lo + rng.nextDouble() * (hi - lo))));
            }
            return f.min() + rng.nextDouble() * (f.max() - f.min());
        }
        Param.ChoiceParam c = (Param.ChoiceParam) p;
        return c.values().get(rng.nextInt(c.values().size()));
    }
}
