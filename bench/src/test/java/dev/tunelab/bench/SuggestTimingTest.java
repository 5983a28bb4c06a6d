package dev.tunelab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.sampling.StudyHistory;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTimingTest {

  @Test
  void historyHoldsNCompletedTrialsWithTheirTrueValues() {
    List<StudyHistory.Trial> trials = SuggestTiming.randomTrials(300);
    assertEquals(300, trials.size());
    for (int i = 0; i < trials.size(); i++) {
      StudyHistory.Trial t = trials.get(i);
      assertEquals(i, t.number());
      assertTrue(t.finished());
      assertEquals(SuggestTiming.FUNCTION.value(t.params()), t.objective());
      for (Object x : t.params().values()) assertTrue((Double) x >= 0 && (Double) x <= 1, "inside [0, 1]^6: " + x);
    }
    assertEquals(trials, SuggestTiming.randomTrials(300), "the same history for every sampler");
  }

  @Test
  void timesASuggestion() {
    double seconds = SuggestTiming.secondsPerSuggestion("random", 10, 3);
    assertTrue(seconds >= 0 && seconds < 1, "a random draw takes well under a second: " + seconds);
  }

  @Test
  void functionsCanBeNamedAsTheTablePrintsThem() {
    assertEquals(List.of(TestFunction.BRANIN, TestFunction.MIXED), SamplerBench.functions("branin, mixed"));
    assertEquals(List.of(TestFunction.values()), SamplerBench.functions(null));
  }
}
