package dev.tunelab.scheduler.search.samplers.gp;

/**
 * What the model sees of the objective values (already signed so that larger is better): they are
 * standardized, passed through a {@link YeoJohnson} power transform whose exponent makes them look
 * most normal, standardized again, and shifted so the worst is 0.
 *
 * <ul>
 *   <li>The power transform keeps a few disastrous trials (a diverged run, the far wall of a
 *       valley) from stretching the scale until the differences among good trials drown in the
 *       noise term; HEBO found this output warping the largest single gain in its ablation
 *       (Cowen-Rivers et al., "HEBO: Pushing the Limits of Sample-Efficient Hyper-parameter
 *       Optimisation", JAIR 2022, §5). The exponent is limited to [-2, 4].
 *   <li>The shift makes the GP's zero prior mean the worst value seen, so far from any data the
 *       model expects a poor trial rather than an average one. This curbs the pull of EI toward the
 *       corners of the cube, where variance is largest, and was the best constant mean in De Ath,
 *       Fieldsend and Everson, "What do you Mean? The Role of the Mean Function in Bayesian
 *       Optimisation", GECCO 2020, for five or more dimensions.
 * </ul>
 *
 * Every step is monotone, so the best trial stays the best.
 */
final class OutputScaling {
    static final double MIN_EXPONENT = -2;
    static final double MAX_EXPONENT = 4;

    private OutputScaling() {}

    static double[] apply(double[] values) {
        double[] y = standardize(values);
        double lambda = YeoJohnson.fit(y, MIN_EXPONENT, MAX_EXPONENT);
        for (int i = 0; i < y.length; i++) y[i] = YeoJohnson.transform(y[i], lambda);
        y = standardize(y);
        double worst = Double.POSITIVE_INFINITY;
        for (double v : y) worst = Math.min(worst, v);
        for (int i = 0; i < y.length; i++) y[i] -= worst;
        return y;
    }

    /** Zero mean and unit variance; all zeros when the values are all equal. */
    static double[] standardize(double[] values) {
        int n = values.length;
        double mean = 0;
        for (double v : values) mean += v;
        mean /= n;
        double var = 0;
        for (double v : values) var += (v - mean) * (v - mean);
        double sd = Math.sqrt(var / n);
        if (!(sd > 0)) sd = 1;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = (values[i] - mean) / sd;
        return out;
    }
}
