package dev.tunelab.bench;

import dev.tunelab.core.search.PrunerSpec;
import dev.tunelab.core.search.SearchNames;
import dev.tunelab.scheduler.search.pruners.Pruners;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Epochs spent and best value reached by each pruner on recorded learning curves, over several
 * arrival orders of the same trials (the order decides what a pruner has seen when it judges).
 *
 * <p>Run: {@code bench/pruners.sh [orders=20] [slots=4]}; {@code bench/pruners.sh record [trials]
 * [epochs]} trains new curves first (needs Debian's python3-sklearn for the digits data).
 */
public final class PrunerBench {
    static final Path CURVES = Path.of("bench/results/digits-curves.csv");

    private PrunerBench() {}

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("record")) {
            int trials = args.length > 1 ? Integer.parseInt(args[1]) : 60;
            int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 27;
            CurveRecorder.record(trials, epochs, CURVES);
            return;
        }
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int slots = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        List<double[]> curves = read(CURVES);
        int epochs = curves.get(0).length;
        double bestPossible =
                curves.stream().mapToDouble(c -> c[epochs - 1]).max().orElseThrow();
        System.out.printf(
                "%d recorded curves of %d epochs (%s), %d trials at once, %d arrival orders; best final value of all: %.4f%n%n",
                curves.size(), epochs, CURVES, slots, orders, bestPossible);
        System.out.println(
                "| pruner | epochs spent (median) | share of no pruning | best completed val_accuracy (median [q1, q3]) | trials pruned (median) |");
        System.out.println("|---|---|---|---|---|");
        Map<String, PrunerSpec> pruners = new java.util.LinkedHashMap<>();
        pruners.put(SearchNames.NONE, PrunerSpec.NONE);
        pruners.put(SearchNames.MEDIAN, PrunerSpec.median(1, 5));
        pruners.put(SearchNames.ASHA, PrunerSpec.halving(SearchNames.ASHA, 1, 3));
        pruners.put(SearchNames.HYPERBAND, PrunerSpec.halving(SearchNames.HYPERBAND, 1, 3));
        double noneEpochs = 0;
        for (var e : pruners.entrySet()) {
            double[] spent = new double[orders];
            double[] best = new double[orders];
            double[] pruned = new double[orders];
            for (int o = 0; o < orders; o++) {
                List<double[]> order = new ArrayList<>(curves);
                Collections.shuffle(order, new Random(o + 1));
                var out =
                        PrunerReplay.run(order, Pruners.of(e.getValue(), epochs).orElse(null), epochs, slots);
                spent[o] = out.epochs();
                best[o] = out.bestCompleted();
                pruned[o] = out.pruned();
            }
            double median = SamplerBench.quantile(spent, 0.5);
            if (e.getKey().equals(SearchNames.NONE)) noneEpochs = median;
            System.out.printf(
                    "| %s | %.0f | %.0f%% | %.4f [%.4f, %.4f] | %.0f |%n",
                    e.getKey(),
                    median,
                    100 * median / noneEpochs,
                    SamplerBench.quantile(best, 0.5),
                    SamplerBench.quantile(best, 0.25),
                    SamplerBench.quantile(best, 0.75),
                    SamplerBench.quantile(pruned, 0.5));
        }
    }

    static List<double[]> read(Path file) throws IOException {
        Map<Integer, TreeMap<Integer, Double>> byTrial = new TreeMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", 4);
            byTrial.computeIfAbsent(Integer.parseInt(f[0]), k -> new TreeMap<>())
                    .put(Integer.parseInt(f[1]), Double.parseDouble(f[2]));
        }
        List<double[]> curves = new ArrayList<>();
        for (TreeMap<Integer, Double> c : byTrial.values())
            curves.add(c.values().stream().mapToDouble(Double::doubleValue).toArray());
        return curves;
    }
}
