package dev.tunelab.bench;

import dev.tunelab.core.sampling.Sampler;
import dev.tunelab.core.sampling.StudyHistory;
import dev.tunelab.core.study.Direction;
import dev.tunelab.scheduler.samplers.Samplers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Seconds per suggestion of TuneLab's samplers as a study grows: for each sampler and each size n,
 * a minimization history of n completed trials of {@link TestFunction#HARTMANN6} at random points,
 * then the median time of a few {@code suggest} calls, each added to the history with its value.
 * {@code bench/optuna/optuna_bench.py timing} times Optuna's {@code ask()} the same way, and
 * {@code bench/search-vs-optuna.sh} prints both in one table.
 *
 * <p>Run: {@code SuggestTiming [--trials 10,100,300,1000] [--calls 3] samplers...}.
 */
public final class SuggestTiming {
  static final TestFunction FUNCTION = TestFunction.HARTMANN6;
  static final long SEED = 1;
  /** Enough calls on a mid-sized history for the JIT to compile the sampler's hot loops. */
  static final int WARM_UP_CALLS = 20;

  private SuggestTiming() {}

  public static void main(String[] args) {
    int[] sizes = {10, 100, 300, 1000};
    int calls = 3;
    List<String> samplers = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--trials" -> sizes = Arrays.stream(args[++i].split("[, ]+")).mapToInt(Integer::parseInt).toArray();
        case "--calls" -> calls = Integer.parseInt(args[++i]);
        default -> samplers.add(args[i]);
      }
    }
    if (samplers.isEmpty()) samplers = List.of("tpe", "bayesian");
    StringBuilder header = new StringBuilder("| sampler |");
    StringBuilder rule = new StringBuilder("|---|");
    for (int n : sizes) {
      header.append(" s/suggestion at ").append(n).append(" trials |");
      rule.append("---|");
    }
    System.out.println(header);
    System.out.println(rule);
    for (String sampler : samplers) {
      secondsPerSuggestion(sampler, 100, WARM_UP_CALLS);
      StringBuilder row = new StringBuilder("| " + sampler + " |");
      for (int n : sizes) row.append(String.format(" %.4g |", secondsPerSuggestion(sampler, n, calls)));
      System.out.println(row);
    }
  }

  /** {@code n} finished trials at random points with their true values, numbered from 0. */
  static List<StudyHistory.Trial> randomTrials(int n) {
    Sampler random = Samplers.forStudy("random", SEED);
    StudyHistory empty = new StudyHistory(Direction.MINIMIZE, List.of());
    List<StudyHistory.Trial> trials = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> point =
          random.suggest(FUNCTION.searchSpace(), empty, Samplers.streamFor(SEED, i)).orElseThrow();
      trials.add(new StudyHistory.Trial(i, point, true, FUNCTION.value(point)));
    }
    return trials;
  }

  /**
   * Median seconds of {@code calls} suggestions on a history of {@code completed} random trials,
   * after one untimed call (Optuna's side also discards its first ask, which loads lazily).
   * Building the immutable history is left out of the time: the scheduler has it before it asks.
   */
  static double secondsPerSuggestion(String algorithm, int completed, int calls) {
    Sampler sampler = Samplers.forStudy(algorithm, SEED);
    List<StudyHistory.Trial> trials = randomTrials(completed);
    double[] seconds = new double[calls];
    for (int call = -1; call < calls; call++) {
      int number = trials.size();
      StudyHistory history = new StudyHistory(Direction.MINIMIZE, trials);
      long start = System.nanoTime();
      Map<String, Object> point = sampler.suggest(FUNCTION.searchSpace(), history, Samplers.streamFor(SEED, number))
          .orElseThrow(() -> new IllegalStateException(algorithm + " suggested nothing"));
      long elapsed = System.nanoTime() - start;
      if (call >= 0) seconds[call] = elapsed / 1e9;
      trials.add(new StudyHistory.Trial(number, point, true, FUNCTION.value(point)));
    }
    return SamplerBench.quantile(seconds, 0.5);
  }
}
