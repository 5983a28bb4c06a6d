package dev.tunelab.scheduler.search.samplers.tpe;

import java.util.random.RandomGenerator;

/**
 * Kernels over the indices of a choice: each observation puts weight 1 on its own choice plus
 * {@code priorWeight/(n+1)} on every choice, then is normalized, so no choice ever has zero
 * probability and the smoothing fades as observations accumulate (Optuna's categorical kernel); the
 * prior component is uniform.
 */
final class CategoricalKernels implements Kernels {
    private final int choices;

    /** log P(choice c | component k) at [k * choices + c]. */
    private final double[] logProbs;

    private final double[] probs;

    private CategoricalKernels(int choices, double[] probs) {
        this.choices = choices;
        this.probs = probs;
        logProbs = new double[probs.length];
        for (int i = 0; i < probs.length; i++) logProbs[i] = Math.log(probs[i]);
    }

    static CategoricalKernels fit(double[] centres, int choices, double priorWeight) {
        int n = centres.length;
        double[] probs = new double[(n + 1) * choices];
        double smooth = priorWeight / (n + 1);
        double total = 1 + choices * smooth;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < choices; c++) probs[i * choices + c] = smooth / total;
            probs[i * choices + (int) centres[i]] += 1 / total;
        }
        for (int c = 0; c < choices; c++) probs[n * choices + c] = 1.0 / choices;
        return new CategoricalKernels(choices, probs);
    }

    @Override
    public int size() {
        return probs.length / choices;
    }

    @Override
    public void addLogPdf(double x, double[] acc) {
        int c = (int) x;
        for (int k = 0; k < acc.length; k++) acc[k] += logProbs[k * choices + c];
    }

    @Override
    public double sample(int k, RandomGenerator rng) {
        double u = rng.nextDouble();
        int base = k * choices;
        for (int c = 0; c < choices - 1; c++) {
            u -= probs[base + c];
            if (u < 0) return c;
        }
        return choices - 1;
    }
}
