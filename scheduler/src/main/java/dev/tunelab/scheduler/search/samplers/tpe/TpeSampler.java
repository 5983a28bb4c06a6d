package dev.tunelab.scheduler.search.samplers.tpe;

import dev.tunelab.core.search.Sampler;
import dev.tunelab.core.search.StudyHistory;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.scheduler.search.samplers.RandomSampler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Tree-structured Parzen estimator, multivariate. The finished trials are split into the best 10%
 * (at most 25) and the rest; a Parzen mixture is fitted to each, l(x) to the good and g(x) to the
 * rest, and of 24 candidates drawn from l the most promising is suggested (Bergstra et al.,
 * "Algorithms for Hyper-Parameter Optimization", NeurIPS 2011). The mixtures are joint: each
 * component is a product of kernels over all dimensions around one trial, as in Optuna's {@code
 * TPESampler(multivariate=True)}, whose defaults this follows (gamma, 24 candidates, prior weight
 * 1, the magic clip, weights that fade for old trials; see Watanabe, "Tree-Structured Parzen
 * Estimator: Understanding Its Algorithm Components and Their Roles for Better Empirical
 * Performance", 2023). Log ranges are modelled in log space, integers by discretized Gaussians,
 * choices by smoothed categorical kernels.
 *
 * <p>Two choices differ from Optuna's, each measured on the bench functions on seeds other than the
 * bench's own. Kernel widths follow the trials' spread (Scott's rule, {@link GaussianKernels}), not
 * the range alone. And the candidate with the largest l(x) − g(x) wins, not the largest l(x)/g(x):
 * both reward what good trials favour and the rest do not, but in five or more dimensions a few
 * dozen trials leave g tiny almost everywhere away from the data, so the ratio is decided by how
 * small g is and favours candidates far from the rest over candidates the good trials back. The
 * difference weighs the same evidence in absolute density and follows where good trials concentrate
 * (density differences stay well behaved where both densities are small; Sugiyama et al.,
 * "Density-Difference Estimation", Neural Computation 2013). With p = γl + (1−γ)g the density of
 * all trials and π = γl/p the chance that x is good, l − g = p·(π/γ − (1−π)/(1−γ)): confidence in
 * "good" weighted by how much evidence there is at x. In three blocks of 100 seeds the median best
 * after 50 evaluations went from −2.80 to −2.96 on Hartmann-6, 12.0 to 10.4 on Ackley-5, 2.7 to 1.8
 * on Levy-5 and 0.47 to 0.20 on the mixed function; Branin and Rosenbrock stayed level.
 *
 * <p>Choose it for budgets from a few dozen trials up, for spaces with integers, choices and
 * conditional parameters, or many parallel slots; a suggestion costs a few milliseconds at a
 * thousand trials. The first 10 finished trials are random ({@link RandomSampler}).
 *
 * <p>Conditional parameters: parameters that share a condition are active in the same trials and
 * form a group ({@link ParamGroup}). Groups are visited in the space's order and a group is sampled
 * only when its condition holds for the values chosen so far, so a point never holds an inactive
 * parameter. Each group has its own joint model, fitted to the trials in which it was active and
 * split by their values alone, so a branch's parameters are tuned among the trials of that branch
 * (Optuna's {@code group=True} decomposition does the same, but splits on all trials); the choice
 * of branch itself is made by the parent's group. A group with fewer than 10 finished trials is
 * drawn at random.
 *
 * <p>Parallel slots: trials still running belong to the rest as if they had the worst value
 * (Optuna's {@code constant_liar}), so a suggestion avoids the points already being evaluated.
 * Failed trials (finished, no value) are ignored. All randomness comes from the trial's stream, so
 * the same history and stream give the same point.
 */
public final class TpeSampler implements Sampler {
    static final int STARTUP_TRIALS = 10;
    static final int CANDIDATES = 24;

    private final RandomSampler random = new RandomSampler();

    /**
     * @param studySeed unused: each trial's stream already derives from it, and no other state is
     *     kept; taken so that every seeded sampler is built the same way
     */
    public TpeSampler(long studySeed) {}

    @Override
    public Optional<Map<String, Object>> suggest(SearchSpace space, StudyHistory history, RandomGenerator rng) {
        long valued = history.trials().stream()
                .filter(t ->
                        t.finished() && t.objective() != null && !t.objective().isNaN())
                .count();
        if (valued < STARTUP_TRIALS) return random.suggest(space, history, rng);
        Map<String, Object> point = new LinkedHashMap<>();
        for (ParamGroup group : ParamGroup.of(space)) {
            if (group.active(point)) point.putAll(sampleGroup(space, group, history, rng));
        }
        return Optional.of(space.activeOnly(point));
    }

    /** Values for the parameters of one active group. */
    Map<String, Object> sampleGroup(SearchSpace space, ParamGroup group, StudyHistory history, RandomGenerator rng) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Dimension> dims = new ArrayList<>();
        for (String name : group.names()) {
            Param p = space.params().get(name);
            Dimension d = Dimension.of(name, p);
            if (d == null) values.put(name, Dimension.onlyValue(p));
            else dims.add(d);
        }
        if (dims.isEmpty()) return values;
        Split split = Split.of(dims, history);
        if (split.finished() < STARTUP_TRIALS) {
            values.putAll(
                    random.suggest(group.unconditional(space), history, rng).orElseThrow());
            return values;
        }
        ParzenEstimator good = ParzenEstimator.fit(dims, split.below(), Split.weights(split.below().length));
        ParzenEstimator rest = ParzenEstimator.fit(dims, split.above(), Split.weights(split.above().length));
        double[] best = mostPromising(good, rest, rng);
        for (int j = 0; j < dims.size(); j++)
            values.put(dims.get(j).name(), dims.get(j).external(best[j]));
        return values;
    }

    /**
     * Of {@link #CANDIDATES} draws from l, the one with the largest l(x) − g(x). Densities are
     * compared after dividing all of them by the largest, which leaves the order unchanged and keeps
     * exp from underflowing however many dimensions there are.
     */
    static double[] mostPromising(ParzenEstimator good, ParzenEstimator rest, RandomGenerator rng) {
        double[][] xs = new double[CANDIDATES][];
        double[] logL = new double[CANDIDATES];
        double[] logG = new double[CANDIDATES];
        double top = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CANDIDATES; c++) {
            xs[c] = good.sample(rng);
            logL[c] = good.logPdf(xs[c]);
            logG[c] = rest.logPdf(xs[c]);
            top = Math.max(top, Math.max(logL[c], logG[c]));
        }
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < CANDIDATES; c++) {
            double score = Math.exp(logL[c] - top) - Math.exp(logG[c] - top);
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return xs[best];
    }
}
