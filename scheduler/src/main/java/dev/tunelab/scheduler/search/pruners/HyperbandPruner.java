package dev.tunelab.scheduler.search.pruners;

import dev.tunelab.core.search.Decision;
import dev.tunelab.core.search.Pruner;
import dev.tunelab.core.search.TrialCurve;
import dev.tunelab.core.study.Direction;
import java.util.List;

/**
 * Hyperband (Li et al., JMLR 2018) run asynchronously: several successive-halving brackets, from
 * aggressive (first rung at {@code minEpochs}) to patient (first rung late, or none), so a study is
 * not hostage to one guess of how early curves can be judged. Trials join brackets in proportion to
 * Hyperband's bracket sizes, fixed by the trial number so a restart assigns the same ones.
 */
public final class HyperbandPruner implements Pruner {
    private final SuccessiveHalvingPruner[] brackets;
    private final int[] share;
    private final int total;

    public HyperbandPruner(int minEpochs, int eta, int maxEpochs) {
        int n = 1;
        for (long e = (long) minEpochs * eta; e <= maxEpochs; e *= eta) n++;
        brackets = new SuccessiveHalvingPruner[n];
        share = new int[n];
        int sum = 0;
        for (int s = 0; s < n; s++) {
            brackets[s] = new SuccessiveHalvingPruner(minEpochs, eta, maxEpochs, s, s);
            // Hyperband starts ceil((s_max + 1) / (s + 1) · η^s) configurations in its bracket with s
            // halvings.
            int halvings = n - 1 - s;
            share[s] = (int) Math.ceil(n / (double) (halvings + 1) * Math.pow(eta, halvings));
            sum += share[s];
        }
        total = sum;
    }

    public int brackets() {
        return brackets.length;
    }

    @Override
    public int bracketFor(int trialNumber) {
        int slot = Math.floorMod(trialNumber, total);
        for (int s = 0; s < share.length; s++) {
            if (slot < share[s]) return s;
            slot -= share[s];
        }
        return share.length - 1;
    }

    @Override
    public Decision decide(Direction direction, int epoch, TrialCurve trial, List<TrialCurve> others) {
        int b = Math.min(Math.max(trial.bracket(), 0), brackets.length - 1);
        return brackets[b].decide(direction, epoch, trial, others);
    }
}
