package dev.tunelab.scheduler.search.samplers;

import dev.tunelab.core.search.OutcomeBlindSampler;
import dev.tunelab.core.search.StudyHistory;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Quasi-random points that fill the unit cube far more evenly than independent draws, mapped onto
 * the space (log ranges in log space, integers and choices by equal-width cells). Choose it over
 * random for small budgets, or as the start of a model-based search. The sequence is Sobol's (Joe
 * and Kuo direction numbers, via Commons Math) with a random digital shift fixed by the study's
 * seed (Owen, "Monte Carlo variance of scrambled net quadrature", 1997, §2): every study gets its
 * own net and keeps the net's balance. Trial n takes point n, so no state is kept.
 *
 * @param studySeed fixes the digital shift, the same for every trial of the study
 */
public record SobolSampler(long studySeed) implements OutcomeBlindSampler {

    @Override
    public Optional<Map<String, Object>> suggest(SearchSpace space, StudyHistory history, RandomGenerator rng) {
        int d = space.params().size();
        Map<String, Object> point = new LinkedHashMap<>();
        if (d == 0) return Optional.of(point);
        // Trial n takes index n, so the first 2^k trials form a whole net; the shift moves index 0 off
        // the origin.
        double[] u = new SobolSequenceGenerator(d).skipTo(history.trials().size());
        SplittableRandom shifts = new SplittableRandom(studySeed);
        int k = 0;
        for (Map.Entry<String, Param> e : space.params().entrySet()) {
            point.put(e.getKey(), map(e.getValue(), DigitalShift.apply(u[k++], DigitalShift.word(shifts.nextLong()))));
        }
        // Every dimension keeps its coordinate so the net stays balanced; inactive ones are dropped.
        return Optional.of(space.activeOnly(point));
    }

    static Object map(Param p, double u) {
        if (p instanceof Param.IntParam i) return i.valueAt(Math.min(i.size() - 1, (int) (u * i.size())));
        if (p instanceof Param.FloatParam f) {
            if (!f.log()) return f.min() + u * (f.max() - f.min());
            double lo = Math.log(f.min());
            return Math.min(f.max(), Math.max(f.min(), Math.exp(lo + u * (Math.log(f.max()) - lo))));
        }
        Param.ChoiceParam c = (Param.ChoiceParam) p;
        return c.values()
                .get(Math.min(c.values().size() - 1, (int) (u * c.values().size())));
    }
}
