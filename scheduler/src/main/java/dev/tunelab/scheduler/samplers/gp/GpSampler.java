package dev.tunelab.scheduler.samplers.gp;

import dev.tunelab.core.sampling.Sampler;
import dev.tunelab.core.sampling.StudyHistory;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.study.Direction;
import dev.tunelab.scheduler.samplers.SobolSampler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Bayesian optimization with a Gaussian process: after a Sobol start of max(5, d + 1) points, each
 * suggestion fits a GP with a Matérn 5/2 ARD kernel to the finished trials (hyperparameters by
 * maximum a posteriori, {@link HyperparameterFit}) and returns the maximizer of log expected
 * improvement ({@link AcquisitionSearch}). Choose it when trials are expensive and the budget is
 * tens to a few hundred trials over up to a couple of dozen parameters; it spends milliseconds per
 * suggestion where random search spends microseconds, and pays that back in fewer trials.
 *
 * <p>Trials still running are handled with the kriging believer (see {@link
 * GaussianProcess#withBeliefs}), so suggestions for parallel slots spread out; failed trials are
 * believed the same way, so the same point is not proposed again. Nothing is cached between
 * calls: the same history and random stream give the same point.
 *
 * <p>References: Snoek, Larochelle and Adams, "Practical Bayesian Optimization of Machine
 * Learning Algorithms", NeurIPS 2012; Ament et al., "Unexpected Improvements to Expected
 * Improvement for Bayesian Optimization", NeurIPS 2023; Optuna's GPSampler for the overall shape.
 */
public final class GpSampler implements Sampler {
  private final long studySeed;

  /** @param studySeed the study's seed, which fixes the Sobol start's net */
  public GpSampler(long studySeed) {
    this.studySeed = studySeed;
  }

  @Override
  public Optional<Map<String, Object>> suggest(SearchSpace space, StudyHistory history, RandomGenerator rng) {
    int d = space.params().size();
    if (d == 0) return Optional.of(new LinkedHashMap<>());
    SpaceEncoding encoding = new SpaceEncoding(space);
    List<double[]> observedX = new ArrayList<>();
    List<Double> observedY = new ArrayList<>();
    List<double[]> believed = new ArrayList<>();
    double sign = history.direction() == Direction.MINIMIZE ? -1 : 1;
    for (StudyHistory.Trial t : history.trials()) {
      double[] u = encoding.encode(t.params());
      if (t.finished() && t.objective() != null && Double.isFinite(t.objective())) {
        observedX.add(u);
        observedY.add(sign * t.objective());
      } else {
        believed.add(u);
      }
    }
    if (history.trials().size() < Math.max(5, d + 1) || observedY.size() < 2) {
      // The same net as the sobol sampler, so a study's start does not depend on its algorithm.
      return new SobolSampler(studySeed).suggest(space, history, rng);
    }

    double[][] x = observedX.toArray(new double[0][]);
    double[] y = standardize(observedY);
    Matern52 kernel = encoding.kernel();
    Hyperparameters hp = HyperparameterFit.fit(kernel, new KernelPrior(d), x, y, rng);
    GaussianProcess gp = GaussianProcess.condition(kernel, hp, x, y).withBeliefs(believed.toArray(new double[0][]));
    int incumbent = 0;
    for (int i = 1; i < y.length; i++) if (y[i] > y[incumbent]) incumbent = i;
    AcquisitionSearch search = new AcquisitionSearch(gp, encoding, gp.bestObserved());
    double[] raw = search.maximize(candidates(gp.size()), List.of(x[incumbent]), rng);
    return Optional.of(encoding.decode(raw));
  }

  /**
   * Screening candidates: 2048 while the model is small, fewer as scoring each costs O(n^2), so
   * the screen stays a bounded share of the time; local refinement does not depend on it.
   */
  static int candidates(int n) {
    return 2048;
  }

  /** Zero mean and unit variance, so one prior on the signal variance fits every objective. */
  private static double[] standardize(List<Double> values) {
    int n = values.size();
    double mean = 0;
    for (double v : values) mean += v;
    mean /= n;
    double var = 0;
    for (double v : values) var += (v - mean) * (v - mean);
    double sd = Math.sqrt(var / n);
    if (!(sd > 0)) sd = 1;
    double[] out = new double[n];
    for (int i = 0; i < n; i++) out[i] = (values.get(i) - mean) / sd;
    return out;
  }
}
