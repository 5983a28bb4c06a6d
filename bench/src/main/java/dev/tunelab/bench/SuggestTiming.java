package dev.tunelab.bench;

import dev.tunelab.core.search.Sampler;
import dev.tunelab.core.search.SearchNames;
import dev.tunelab.core.search.StudyHistory;
import dev.tunelab.core.study.Direction;
import dev.tunelab.scheduler.search.samplers.Samplers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Seconds per suggestion of TuneLab's samplers as a study grows, measured exactly as {@code
 * bench/optuna/optuna_bench.py timing} measures Optuna's, so that {@code bench/suggest-timing.sh}
 * can put both in one table:
 *
 * <ul>
 *   <li>The same history: n completed trials of {@link TestFunction#HARTMANN6} at the first n
 *       points of an additive recurrence (Roberts' R6 sequence, {@link #historyPoint}), which both
 *       languages compute to the same bits.
 *   <li>The same timed region, with the history in it: one call is everything the engine does to
 *       turn its stored trials into a new one and to store the result, and nothing else. Here that
 *       is building the {@link StudyHistory} the sampler sees, {@code suggest}, and adding the
 *       finished trial; in Optuna it is {@code ask()} (which reads the stored trials) and {@code
 *       tell()}. Evaluating the function is outside it on both sides.
 *   <li>The same warm-up: {@link #WARM_UP_CALLS} calls on a 100-trial history before anything is
 *       timed (the JIT compiles here, torch and Optuna load lazily there), then per size one
 *       untimed call and {@code calls} timed ones, of which the median is printed.
 * </ul>
 *
 * <p>Run: {@code SuggestTiming [--trials 10,100,300,1000] [--calls 3] samplers...}; the script pins
 * it to one core and repeats it.
 */
public final class SuggestTiming {
    static final TestFunction FUNCTION = TestFunction.HARTMANN6;
    static final long SEED = 1;

    /**
     * Untimed calls on a 100-trial history before the first timed one; optuna_bench.py uses the same.
     */
    static final int WARM_UP_CALLS = 20;

    static final int WARM_UP_TRIALS = 100;

    /**
     * Fractional parts of 1/phi^(j+1), phi the root of x^7 = x + 1 (Roberts 2018); the Python copy
     * holds the same literals.
     */
    static final double[] R6 = {
        0.8986537126286992,
        0.8075784952213447,
        0.7257334129697596,
        0.6521830259439715,
        0.5860866975779692,
        0.5266889867007356
    };

    private SuggestTiming() {}

    public static void main(String[] args) {
        int[] sizes = {10, 100, 300, 1000};
        int calls = 3;
        List<String> samplers = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--trials" ->
                    sizes = Arrays.stream(args[++i].split("[, ]+"))
                            .mapToInt(Integer::parseInt)
                            .toArray();
                case "--calls" -> calls = Integer.parseInt(args[++i]);
                default -> samplers.add(args[i]);
            }
        }
        if (samplers.isEmpty()) samplers = List.of(SearchNames.TPE, SearchNames.BAYESIAN);
        System.out.printf(
                "SuggestTiming: Java %s, %d processor(s) visible, warm-up %d calls at %d trials, median of %d calls%n%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                WARM_UP_CALLS,
                WARM_UP_TRIALS,
                calls);
        StringBuilder header = new StringBuilder("| sampler |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int n : sizes) {
            header.append(" s/suggestion at ").append(n).append(" trials |");
            rule.append("---|");
        }
        System.out.println(header);
        System.out.println(rule);
        for (String sampler : samplers) {
            Sampler s = Samplers.forStudy(sampler, SEED);
            timedCalls(s, FUNCTION::value, history(WARM_UP_TRIALS), WARM_UP_CALLS);
            StringBuilder row = new StringBuilder("| " + sampler + " |");
            for (int n : sizes) {
                List<StudyHistory.Trial> trials = history(n);
                timedCalls(s, FUNCTION::value, trials, 1);
                row.append(String.format(
                        " %.4g |", SamplerBench.quantile(timedCalls(s, FUNCTION::value, trials, calls), 0.5)));
            }
            System.out.println(row);
        }
    }

    /** Point {@code i} of the shared history: x_j = frac(0.5 + (i + 1) R6_j), in [0, 1)^6. */
    static Map<String, Object> historyPoint(int i) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int j = 0; j < R6.length; j++) p.put("x" + j, (0.5 + (i + 1) * R6[j]) % 1.0);
        return p;
    }

    /** {@code n} finished trials at the shared points with their true values, numbered from 0. */
    static List<StudyHistory.Trial> history(int n) {
        List<StudyHistory.Trial> trials = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> point = historyPoint(i);
            trials.add(new StudyHistory.Trial(i, point, true, FUNCTION.value(point)));
        }
        return trials;
    }

    /**
     * Seconds of each of {@code calls} suggestions, each added to {@code trials} with its value so
     * the next sees one more trial. See the class comment for what is inside the timed region.
     */
    static double[] timedCalls(
            Sampler sampler,
            ToDoubleFunction<Map<String, Object>> objective,
            List<StudyHistory.Trial> trials,
            int calls) {
        double[] seconds = new double[calls];
        for (int call = 0; call < calls; call++) {
            int number = trials.size();
            long start = System.nanoTime();
            StudyHistory history = new StudyHistory(Direction.MINIMIZE, trials);
            Map<String, Object> point = sampler.suggest(
                            FUNCTION.searchSpace(), history, Samplers.streamFor(SEED, number))
                    .orElseThrow(() -> new IllegalStateException(sampler + " suggested nothing"));
            long suggested = System.nanoTime();
            double value = objective.applyAsDouble(point);
            long evaluated = System.nanoTime();
            trials.add(new StudyHistory.Trial(number, point, true, value));
            long stored = System.nanoTime();
            seconds[call] = ((suggested - start) + (stored - evaluated)) / 1e9;
        }
        return seconds;
    }
}
