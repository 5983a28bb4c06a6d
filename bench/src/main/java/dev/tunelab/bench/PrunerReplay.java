package dev.tunelab.bench;

import dev.tunelab.core.search.Decision;
import dev.tunelab.core.search.Pruner;
import dev.tunelab.core.search.TrialCurve;
import dev.tunelab.core.study.Direction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays recorded curves through a pruner the way the service meets them: {@code slots} trials
 * train at once, every epoch takes one tick, the pruner sees what other trials had reported by
 * then, and a stopped trial's slot goes to the next trial at once.
 */
final class PrunerReplay {
    record Outcome(long epochs, double bestCompleted, int completed, int pruned) {}

    private PrunerReplay() {}

    /**
     * @param curves the recorded curves in arrival order; each runs to {@code epochs} unless pruned
     */
    static Outcome run(List<double[]> curves, Pruner pruner, int epochs, int slots) {
        Deque<Integer> waiting = new ArrayDeque<>();
        for (int i = 0; i < curves.size(); i++) waiting.add(i);
        Map<Integer, TreeMap<Integer, Double>> seen = new LinkedHashMap<>();
        Map<Integer, Boolean> completed = new LinkedHashMap<>();
        List<Integer> running = new ArrayList<>();
        long spent = 0;
        int pruned = 0;
        double best = Double.NEGATIVE_INFINITY;
        while (!waiting.isEmpty() || !running.isEmpty()) {
            while (running.size() < slots && !waiting.isEmpty()) {
                int t = waiting.poll();
                running.add(t);
                seen.put(t, new TreeMap<>());
                completed.put(t, false);
            }
            for (int t : List.copyOf(running)) {
                int epoch = seen.get(t).size() + 1;
                double v = curves.get(t)[epoch - 1];
                seen.get(t).put(epoch, v);
                spent++;
                if (epoch == epochs) {
                    completed.put(t, true);
                    best = Math.max(best, v);
                    running.remove(Integer.valueOf(t));
                    continue;
                }
                if (pruner == null) continue;
                List<TrialCurve> others = new ArrayList<>();
                for (var e : seen.entrySet()) {
                    if (e.getKey() != t)
                        others.add(new TrialCurve(
                                e.getKey(), pruner.bracketFor(e.getKey()), completed.get(e.getKey()), e.getValue()));
                }
                Decision d = pruner.decide(
                        Direction.MAXIMIZE, epoch, new TrialCurve(t, pruner.bracketFor(t), false, seen.get(t)), others);
                if (d.prune()) {
                    pruned++;
                    running.remove(Integer.valueOf(t));
                }
            }
        }
        int done = (int) completed.values().stream().filter(b -> b).count();
        return new Outcome(spent, best, done, pruned);
    }
}
