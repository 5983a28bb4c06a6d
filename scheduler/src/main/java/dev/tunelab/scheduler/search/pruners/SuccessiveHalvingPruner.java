package dev.tunelab.scheduler.search.pruners;

import dev.tunelab.core.search.Decision;
import dev.tunelab.core.search.Pruner;
import dev.tunelab.core.search.TrialCurve;
import dev.tunelab.core.study.Direction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Asynchronous successive halving (Li et al., "A System for Massively Parallel Hyperparameter
 * Tuning", MLSys 2020). Rung r sits at epoch {@code minEpochs · η^(s + r)}; a trial reaching a rung
 * goes on only while it is in the top 1/η of the trials of its bracket that reached the same rung,
 * judged at the moment it arrives, so no trial ever waits for a rung to fill. With fewer than η
 * arrivals only the best so far goes on (as Optuna's SuccessiveHalvingPruner). {@code s} is the
 * bracket's early-stopping rate; plain ASHA uses 0. The last epoch is never a rung.
 */
public final class SuccessiveHalvingPruner implements Pruner {
    private final int minEpochs;
    private final int eta;
    private final int maxEpochs;
    private final int rate;
    private final int bracket;

    public SuccessiveHalvingPruner(int minEpochs, int eta, int maxEpochs) {
        this(minEpochs, eta, maxEpochs, 0, 0);
    }

    SuccessiveHalvingPruner(int minEpochs, int eta, int maxEpochs, int rate, int bracket) {
        if (minEpochs < 1 || eta < 2) throw new IllegalArgumentException("minEpochs >= 1 and reductionFactor >= 2");
        this.minEpochs = minEpochs;
        this.eta = eta;
        this.maxEpochs = maxEpochs;
        this.rate = rate;
        this.bracket = bracket;
    }

    /** The epoch of rung {@code r}, or -1 when it would reach the end of training (or overflow). */
    int rungEpoch(int r) {
        long e = minEpochs;
        for (int k = 0; k < rate + r; k++) {
            e *= eta;
            if (e >= maxEpochs) return -1;
        }
        return e >= maxEpochs ? -1 : (int) e;
    }

    @Override
    public Decision decide(Direction direction, int epoch, TrialCurve trial, List<TrialCurve> others) {
        int passed = -1;
        for (int r = 0; rungEpoch(r) > 0 && rungEpoch(r) <= epoch; r++) {
            if (rungEpoch(r) < epoch) {
                passed = r;
                continue;
            }
            Double value = trial.values().get(epoch);
            if (value == null || value.isNaN())
                return Decision.stop(passed, "no value at rung " + r + " (epoch " + epoch + ")");
            List<Double> arrived = new ArrayList<>();
            arrived.add(value);
            for (TrialCurve o : others) {
                Double v = o.bracket() == bracket ? o.values().get(epoch) : null;
                if (v != null && !v.isNaN()) arrived.add(v);
            }
            Comparator<Double> bestFirst =
                    direction == Direction.MAXIMIZE ? Comparator.reverseOrder() : Comparator.naturalOrder();
            arrived.sort(bestFirst);
            int k = Math.max(0, arrived.size() / eta - 1);
            double threshold = arrived.get(k);
            if (direction.better(threshold, value)) {
                return Decision.stop(
                        passed,
                        String.format(
                                "%s at rung %d (epoch %d): %.4g is outside the top 1/%d of %d trials (needs %.4g)",
                                bracketLabel(), r, epoch, value, eta, arrived.size(), threshold));
            }
            passed = r;
        }
        return Decision.keep(passed);
    }

    private String bracketLabel() {
        return rate == 0 && bracket == 0 ? "successive halving" : "hyperband bracket " + bracket;
    }
}
