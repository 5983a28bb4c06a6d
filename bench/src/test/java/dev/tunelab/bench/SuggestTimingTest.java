package dev.tunelab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.search.Sampler;
import dev.tunelab.core.search.StudyHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestTimingTest {

    /**
     * The Java half of the cross-check in optuna_bench.py's check mode, which asserts the same
     * values.
     */
    @Test
    void historyIsTheSequenceThePythonSideUses() {
        assertEquals(0.3986537126286991, (Double) SuggestTiming.historyPoint(0).get("x0"));
        assertEquals(
                0.026688986700735606, (Double) SuggestTiming.historyPoint(0).get("x5"));
        List<StudyHistory.Trial> trials = SuggestTiming.history(1000);
        assertEquals(1000, trials.size());
        assertEquals(-0.07415827272382709, trials.get(0).objective());
        assertEquals(-0.017876981590561735, trials.get(1).objective());
        assertEquals(-0.03754373337125725, trials.get(999).objective());
        for (int i = 0; i < trials.size(); i++) {
            assertEquals(i, trials.get(i).number());
            assertTrue(trials.get(i).finished());
        }
    }

    /**
     * A sampler that takes 40 ms and a function that takes 80 ms: the timed region holds the
     * suggestion and not the evaluation, and every call adds its trial for the next one to see.
     */
    @Test
    void timesTheSuggestionWithItsHistoryAndNotTheEvaluation() {
        List<Integer> seen = new ArrayList<>();
        Sampler slow = (space, history, rng) -> {
            seen.add(history.trials().size());
            sleep(40);
            return Optional.of(SuggestTiming.historyPoint(history.trials().size()));
        };
        List<StudyHistory.Trial> trials = SuggestTiming.history(10);
        double[] seconds = SuggestTiming.timedCalls(
                slow,
                p -> {
                    sleep(80);
                    return 1.5;
                },
                trials,
                3);
        for (double s : seconds)
            assertTrue(s >= 0.040 && s < 0.115, "40 ms of suggestion, without the 80 ms evaluation: " + s);
        assertEquals(List.of(10, 11, 12), seen, "each call sees the trials before it");
        assertEquals(13, trials.size());
        assertEquals(1.5, trials.get(12).objective());
    }

    @Test
    void functionsCanBeNamedAsTheTablePrintsThem() {
        assertEquals(List.of(TestFunction.BRANIN, TestFunction.MIXED), SamplerBench.functions("branin, mixed"));
        assertEquals(List.of(TestFunction.values()), SamplerBench.functions(null));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
