package dev.tunelab.scheduler.search.pruners;

import dev.tunelab.core.search.Decision;
import dev.tunelab.core.search.Pruner;
import dev.tunelab.core.search.TrialCurve;
import dev.tunelab.core.study.Direction;
import java.util.Arrays;
import java.util.List;

/**
 * Stops a trial whose best value so far is worse than the median of completed trials at the same
 * epoch (Golovin et al., "Google Vizier", KDD 2017, §3.2.1; Optuna's MedianPruner). It waits {@code
 * warmupEpochs} epochs per trial and {@code minTrials} completed trials, because early curves and
 * few references make the median noisy.
 */
public final class MedianPruner implements Pruner {
    private final int warmupEpochs;
    private final int minTrials;

    public MedianPruner(int warmupEpochs, int minTrials) {
        this.warmupEpochs = warmupEpochs;
        this.minTrials = minTrials;
    }

    @Override
    public Decision decide(Direction direction, int epoch, TrialCurve trial, List<TrialCurve> others) {
        if (epoch <= warmupEpochs) return Decision.keep(-1);
        double[] reference = others.stream()
                .filter(o -> o.completed() && o.values().containsKey(epoch))
                .mapToDouble(o -> o.values().get(epoch))
                .toArray();
        if (reference.length < minTrials) return Decision.keep(-1);
        double best = trial.values().headMap(epoch, true).values().stream()
                .reduce(direction == Direction.MAXIMIZE ? Math::max : Math::min)
                .orElse(Double.NaN);
        double median = median(reference);
        if (Double.isNaN(best) || direction.better(median, best)) {
            return Decision.stop(
                    -1,
                    String.format(
                            "median rule at epoch %d: best %.4g is worse than the median %.4g of %d completed trials",
                            epoch, best, median, reference.length));
        }
        return Decision.keep(-1);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
