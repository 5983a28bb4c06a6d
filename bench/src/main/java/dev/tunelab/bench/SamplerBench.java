package dev.tunelab.bench;

import dev.tunelab.core.search.SearchNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Search quality of TuneLab's samplers on the test functions: for each function and sampler, {@code
 * seeds} seeded runs of {@code evaluations} evaluations; prints the median and quartiles of the
 * best value after 25, 50 and 100 evaluations as a Markdown table.
 *
 * <p>Run: {@code bench/samplers.sh [seeds] [evaluations] [samplers...]}. System properties: {@code
 * functions} restricts the functions (names as in the table, comma- or space-separated, or {@code
 * tuning} / {@code heldout} for either set, see {@link TestFunction}); {@code firstSeed} (default
 * 1) shifts the seeds, so that runs on seeds never looked at while tuning (1001 onwards) come from
 * the same code.
 */
public final class SamplerBench {
    static final int[] CHECKPOINTS = {25, 50, 100};

    private SamplerBench() {}

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int evaluations = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        List<String> samplers = args.length > 2
                ? List.of(args).subList(2, args.length)
                : List.of(SearchNames.RANDOM, SearchNames.SOBOL);
        long firstSeed = Long.getLong("firstSeed", 1);
        List<TestFunction> functions = functions(System.getProperty("functions"));
        System.out.printf(
                "SamplerBench: seeds %d-%d, %d evaluations, samplers %s, functions %s%n%n",
                firstSeed,
                firstSeed + seeds - 1,
                evaluations,
                String.join(" ", samplers),
                String.join(
                        " ",
                        functions.stream()
                                .map(f -> f.name().toLowerCase(Locale.ROOT))
                                .toList()));
        StringBuilder header = new StringBuilder("| function | sampler |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (int c : CHECKPOINTS) {
            if (c > evaluations) continue;
            header.append(" best after ").append(c).append(" (median [q1, q3]) |");
            rule.append("---|");
        }
        System.out.println(header);
        System.out.println(rule);
        for (TestFunction f : functions) {
            for (String sampler : samplers) {
                double[][] runs = new double[seeds][];
                for (int s = 0; s < seeds; s++) runs[s] = SearchRun.bestSoFar(sampler, f, firstSeed + s, evaluations);
                StringBuilder row =
                        new StringBuilder("| " + f.name().toLowerCase(Locale.ROOT) + " | " + sampler + " |");
                for (int c : CHECKPOINTS) {
                    if (c > evaluations) continue;
                    double[] at = new double[seeds];
                    for (int s = 0; s < seeds; s++) at[s] = runs[s][c - 1];
                    row.append(String.format(
                            " %.4g [%.4g, %.4g] |", quantile(at, 0.5), quantile(at, 0.25), quantile(at, 0.75)));
                }
                System.out.println(row);
            }
        }
    }

    /**
     * The functions named in {@code names} (lowercase, as the table prints them; {@code tuning} and
     * {@code heldout} stand for either set), or all when blank.
     */
    static List<TestFunction> functions(String names) {
        if (names == null || names.isBlank()) return List.of(TestFunction.values());
        List<TestFunction> out = new ArrayList<>();
        for (String n : names.trim().split("[, ]+")) {
            switch (n) {
                case "tuning" ->
                    Arrays.stream(TestFunction.values())
                            .filter(f -> !f.heldOut())
                            .forEach(out::add);
                case "heldout" ->
                    Arrays.stream(TestFunction.values())
                            .filter(TestFunction::heldOut)
                            .forEach(out::add);
                default -> out.add(TestFunction.valueOf(n.toUpperCase(Locale.ROOT)));
            }
        }
        return out.stream().distinct().toList();
    }

    /** Linear interpolation between order statistics (numpy's default). */
    static double quantile(double[] values, double q) {
        double[] v = values.clone();
        Arrays.sort(v);
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }
}
