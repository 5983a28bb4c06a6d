package dev.tunelab.core.analysis;

import java.util.Arrays;

/**
 * The fANOVA main effects of one regression tree (Hutter, Hoos and Leyton-Brown, "An Efficient
 * Approach for Assessing Hyperparameter Importance", ICML 2014, §3): under the uniform measure on
 * the domain box, the share of the tree's prediction variance that each feature explains alone.
 *
 * <p>The leaves partition the box into sub-boxes. Fixing feature i at x, the leaves whose box
 * contains x on axis i partition the remaining axes, so the marginal prediction at x is their
 * values weighted by the volume fraction of their box on the other axes. That marginal is a step
 * function over the cells cut by the tree's thresholds on feature i; each leaf adds its weighted
 * value to a contiguous run of cells, which a difference array collects in O(leaves · log cells)
 * per feature instead of leaves × cells.
 */
final class MainEffects {
    private MainEffects() {}

    /**
     * Var(marginal_i) / Var(prediction) for each feature i, or null when the tree predicts one
     * constant (a tree with zero variance says nothing about importance).
     *
     * @param lower the domain box's lower corner
     * @param upper its upper corner; every side must be longer than 0
     */
    static double[] varianceFractions(RegressionTree tree, double[] lower, double[] upper) {
        int d = lower.length;
        Leaves leaves = new Leaves(tree, lower, upper);
        int n = leaves.count;
        // frac[l * d + f]: the share of axis f that leaf l covers.
        double[] frac = new double[n * d];
        double[] volume = new double[n];
        double mean = 0;
        for (int l = 0; l < n; l++) {
            double v = 1;
            for (int f = 0; f < d; f++) {
                int k = l * d + f;
                frac[k] = (leaves.hi[k] - leaves.lo[k]) / (upper[f] - lower[f]);
                v *= frac[k];
            }
            volume[l] = v;
            mean += v * leaves.value[l];
        }
        double total = 0;
        for (int l = 0; l < n; l++) total += volume[l] * square(leaves.value[l] - mean);
        if (!(total > 0)) return null;

        double[] fractions = new double[d];
        for (int f = 0; f < d; f++) {
            double[] cuts = cuts(tree, f, lower[f], upper[f]);
            double[] diff = new double[cuts.length];
            for (int l = 0; l < n; l++) {
                double other = 1;
                for (int g = 0; g < d; g++) if (g != f) other *= frac[l * d + g];
                double contribution = other * leaves.value[l];
                diff[Arrays.binarySearch(cuts, leaves.lo[l * d + f])] += contribution;
                diff[Arrays.binarySearch(cuts, leaves.hi[l * d + f])] -= contribution;
            }
            double marginal = 0;
            double variance = 0;
            for (int c = 0; c + 1 < cuts.length; c++) {
                marginal += diff[c];
                variance += (cuts[c + 1] - cuts[c]) / (upper[f] - lower[f]) * square(marginal - mean);
            }
            // A main effect never exceeds the total; rounding may nudge it past, so cap it.
            fractions[f] = Math.min(1, variance / total);
        }
        return fractions;
    }

    /** The domain bounds and every threshold the tree uses on feature f, sorted and distinct. */
    private static double[] cuts(RegressionTree tree, int f, double lower, double upper) {
        double[] cuts = new double[tree.nodes() + 2];
        int k = 0;
        cuts[k++] = lower;
        cuts[k++] = upper;
        for (int node = 0; node < tree.nodes(); node++) if (tree.feature[node] == f) cuts[k++] = tree.threshold[node];
        Arrays.sort(cuts, 0, k);
        int distinct = 0;
        for (int i = 0; i < k; i++) if (distinct == 0 || cuts[i] != cuts[distinct - 1]) cuts[distinct++] = cuts[i];
        return Arrays.copyOf(cuts, distinct);
    }

    private static double square(double v) {
        return v * v;
    }

    /** Each leaf's box ({@code lo}, {@code hi}, flattened leaf-major) and value. */
    private static final class Leaves {
        final int d;
        final double[] lo;
        final double[] hi;
        final double[] value;
        int count;

        Leaves(RegressionTree tree, double[] lower, double[] upper) {
            d = lower.length;
            int capacity = tree.nodes() / 2 + 1;
            lo = new double[capacity * d];
            hi = new double[capacity * d];
            value = new double[capacity];
            if (tree.nodes() > 0) walk(tree, 0, lower.clone(), upper.clone());
        }

        private void walk(RegressionTree tree, int node, double[] boxLo, double[] boxHi) {
            int f = tree.feature[node];
            if (f < 0) {
                System.arraycopy(boxLo, 0, lo, count * d, d);
                System.arraycopy(boxHi, 0, hi, count * d, d);
                value[count++] = tree.value[node];
                return;
            }
            double t = tree.threshold[node];
            double savedHi = boxHi[f];
            boxHi[f] = t;
            walk(tree, tree.left[node], boxLo, boxHi);
            boxHi[f] = savedHi;
            double savedLo = boxLo[f];
            boxLo[f] = t;
            walk(tree, tree.right[node], boxLo, boxHi);
            boxLo[f] = savedLo;
        }
    }
}
