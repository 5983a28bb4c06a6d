package dev.tunelab.scheduler.samplers;

import dev.tunelab.core.sampling.Sampler;
import dev.tunelab.core.sampling.StudyHistory;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Every combination of the parameters' values, in a fixed order: the last parameter varies
 * fastest, values in the order written. Choose it for small finite spaces that must be covered
 * exactly. Rather than keep a cursor, it returns the first combination no trial holds yet (as
 * Optuna's GridSampler re-reads storage), so a restarted scheduler resumes where it was.
 */
public final class GridSampler implements Sampler {

  @Override
  public Optional<Map<String, Object>> suggest(SearchSpace space, StudyHistory history, RandomGenerator rng) {
    long size = space.gridSize();
    if (size <= 0) return Optional.empty();
    Set<Map<String, Object>> taken = new HashSet<>();
    for (StudyHistory.Trial t : history.trials()) taken.add(t.params());
    for (long index = 0; index < size; index++) {
      Map<String, Object> point = pointAt(space, index);
      if (!taken.contains(point)) return Optional.of(point);
    }
    return Optional.empty();
  }

  /** The combination at {@code index} of the enumeration order. */
  public static Map<String, Object> pointAt(SearchSpace space, long index) {
    List<Map.Entry<String, Param>> params = List.copyOf(space.params().entrySet());
    Object[] values = new Object[params.size()];
    long rest = index;
    for (int k = params.size() - 1; k >= 0; k--) {
      Param p = params.get(k).getValue();
      int n = p instanceof Param.IntParam i ? i.size() : ((Param.ChoiceParam) p).values().size();
      int at = (int) (rest % n);
      rest /= n;
      values[k] = p instanceof Param.IntParam i ? (Object) i.valueAt(at) : ((Param.ChoiceParam) p).values().get(at);
    }
    Map<String, Object> point = new LinkedHashMap<>();
    for (int k = 0; k < params.size(); k++) point.put(params.get(k).getKey(), values[k]);
    return point;
  }
}
