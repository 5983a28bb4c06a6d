package dev.tunelab.scheduler.search.samplers.gp;

import dev.tunelab.core.search.Sampler;
import dev.tunelab.core.search.StudyHistory;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.study.Direction;
import dev.tunelab.scheduler.search.samplers.SobolSampler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Bayesian optimization with a Gaussian process. After a Sobol start of max(5, d + 1) points (d
 * parameters), each suggestion fits a GP with a Matérn 5/2 ARD kernel to the finished trials
 * (inputs in the unit cube by {@link SpaceEncoding}, outputs warped by {@link OutputScaling},
 * hyperparameters by maximum a posteriori in {@link HyperparameterFit}) and returns the maximizer
 * of log expected improvement ({@link AcquisitionSearch}). Choose it when trials are expensive and
 * the budget is tens to a few hundred trials over up to a couple of dozen parameters: it spends
 * tens of milliseconds per suggestion where random search spends microseconds, and pays that back
 * in fewer trials. For thousands of cheap trials, TPE or random search fit better.
 *
 * <p>Trials still running are handled with a constant liar (see {@link GaussianProcess#withLies}):
 * the model pretends they returned the worst value so far, so suggestions for parallel slots spread
 * out. Failed trials (no objective, or NaN) lie the same way, so the same point is not proposed
 * again and its neighbourhood loses appeal. Nothing is cached between calls: the same history and
 * random stream give the same point.
 *
 * <p>References: Snoek, Larochelle and Adams, "Practical Bayesian Optimization of Machine Learning
 * Algorithms", NeurIPS 2012; Ament et al., "Unexpected Improvements to Expected Improvement for
 * Bayesian Optimization", NeurIPS 2023; Optuna's GPSampler for the overall shape.
 *
 * @param studySeed the study's seed, which fixes the Sobol start's net
 */
public record GpSampler(long studySeed) implements Sampler {
    @Override
    public Optional<Map<String, Object>> suggest(SearchSpace space, StudyHistory history, RandomGenerator rng) {
        int d = space.params().size();
        if (d == 0) return Optional.of(new LinkedHashMap<>());
        SpaceEncoding encoding = new SpaceEncoding(space);
        List<double[]> observedX = new ArrayList<>();
        List<Double> observedY = new ArrayList<>();
        List<double[]> pending = new ArrayList<>();
        double sign = history.direction() == Direction.MINIMIZE ? -1 : 1;
        for (StudyHistory.Trial t : history.trials()) {
            double[] u = encoding.encode(t.params());
            if (t.finished() && t.objective() != null && Double.isFinite(t.objective())) {
                observedX.add(u);
                observedY.add(sign * t.objective());
            } else {
                pending.add(u);
            }
        }
        if (history.trials().size() < Math.max(5, d + 1) || observedY.size() < 2) {
            // The same net as the sobol sampler, so a study's start does not depend on its algorithm.
            return new SobolSampler(studySeed).suggest(space, history, rng);
        }

        double[][] x = observedX.toArray(new double[0][]);
        double[] values = new double[observedY.size()];
        for (int i = 0; i < values.length; i++) values[i] = observedY.get(i);
        double[] y = OutputScaling.apply(values);
        Matern52 kernel = encoding.kernel();
        Hyperparameters hp = HyperparameterFit.fit(kernel, x, y, rng);
        int incumbent = 0;
        for (int i = 1; i < y.length; i++) if (y[i] > y[incumbent]) incumbent = i;
        // OutputScaling puts the worst observation at 0: running and failed trials lie with it.
        try (GaussianProcess observed = GaussianProcess.condition(kernel, hp, x, y);
                GaussianProcess gp = observed.withLies(pending.toArray(new double[0][]), 0)) {
            AcquisitionSearch search = new AcquisitionSearch(gp, encoding, gp.bestObserved());
            double[] raw = search.maximize(candidates(gp.size()), List.of(x[incumbent]), rng);
            return Optional.of(encoding.decode(raw));
        }
    }

    /**
     * Screening candidates: 2048 (as Optuna's GPSampler) up to 100 observations, then fewer, as 2048
     * (100/n)^2 but at least 256, so the screen costs about the same O(candidates n^2) at any size.
     * With hundreds of observations the maximizer is usually found by refining from the incumbent and
     * the best screened points, not in a gap that only a dense screen reveals; this keeps the screen
     * at 300 trials to a few milliseconds.
     */
    static int candidates(int n) {
        return n <= 100 ? 2048 : Math.max(256, (int) (2048 * Math.pow(100.0 / n, 2)));
    }
}
