package dev.tunelab.scheduler.samplers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.sampling.Sampler;
import dev.tunelab.core.sampling.StudyHistory;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.study.Direction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every sampler promises; each sampler's test extends this (STYLE.md, point 6). */
abstract class SamplerContract {
  static final SearchSpace SPACE = new SearchSpace(ordered(
      "units", new Param.IntParam(4, 64, 4),
      "act", new Param.ChoiceParam(List.of("relu", "tanh", "elu")),
      "rate", new Param.ChoiceParam(List.of(0.0, 0.25))));

  /** The sampler of a study with this seed. */
  abstract Sampler sampler(long seed);

  /** Runs {@code n} suggestions the way the scheduler does: one stream per trial number. */
  List<Map<String, Object>> run(SearchSpace space, long seed, int n) {
    List<StudyHistory.Trial> trials = new ArrayList<>();
    List<Map<String, Object>> points = new ArrayList<>();
    for (int number = 0; number < n; number++) {
      Optional<Map<String, Object>> p = sampler(seed).suggest(space, new StudyHistory(Direction.MAXIMIZE, trials),
          Samplers.streamFor(seed, number));
      if (p.isEmpty()) break;
      points.add(p.get());
      trials.add(new StudyHistory.Trial(number, p.get(), true, (double) number));
    }
    return points;
  }

  @Test
  void sameSeedSamePoints() {
    assertEquals(run(SPACE, 42, 20), run(SPACE, 42, 20));
  }

  @Test
  void pointsLieInsideTheSpaceWithTheRightTypes() {
    for (Map<String, Object> p : run(SPACE, 7, 40)) {
      assertEquals(SPACE.params().keySet(), p.keySet());
      int units = assertInstanceOf(Integer.class, p.get("units"));
      assertTrue(units >= 4 && units <= 64 && units % 4 == 0, "units " + units);
      assertTrue(List.of("relu", "tanh", "elu").contains(p.get("act")));
      assertTrue(List.of(0.0, 0.25).contains(p.get("rate")));
    }
  }

  static Map<String, Param> ordered(Object... kv) {
    Map<String, Param> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (Param) kv[i + 1]);
    return m;
  }
}
