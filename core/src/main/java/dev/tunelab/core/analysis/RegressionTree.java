package dev.tunelab.core.analysis;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A CART regression tree (Breiman, Friedman, Olshen and Stone, "Classification and Regression
 * Trees", 1984) as one member of a random forest (Breiman, "Random Forests", Machine Learning
 * 2001): grown on a bootstrap sample, each split the best squared-error split among a random subset
 * of the features. Used by {@link FanovaImportance}; see there for the settings.
 *
 * <p>Every feature keeps the tree's rows presorted, and a split partitions those orders stably, so
 * growing costs O(rows × features) per level of the tree instead of a sort at every node. Bootstrap
 * duplicates are carried as a count per row rather than as repeated rows. Splits fall between two
 * distinct values, so every leaf holds at least one sample (a minimum leaf size of 1).
 */
final class RegressionTree {
    /** A node with fewer samples than this (counting bootstrap duplicates) becomes a leaf. */
    static final int MIN_SAMPLES_SPLIT = 2;

    /** Split feature of each node, or -1 at a leaf; node 0 is the root. */
    final int[] feature;

    /** Rows with {@code x[feature] <= threshold} go left. */
    final double[] threshold;

    final int[] left;
    final int[] right;

    /** Mean objective of the node's samples, which is the prediction at a leaf. */
    final double[] value;

    private RegressionTree(int[] feature, double[] threshold, int[] left, int[] right, double[] value) {
        this.feature = feature;
        this.threshold = threshold;
        this.left = left;
        this.right = right;
        this.value = value;
    }

    int nodes() {
        return feature.length;
    }

    /** The mutable state of one growth; discarded once the tree is built. */
    static final class Grower {
        final double[][] x;
        final double[] y;
        final int[] counts;

        /**
         * {@code order[feature]}: the tree's rows sorted by that feature; a node owns one segment of
         * each.
         */
        final int[][] order;

        final int[] buffer;
        final boolean[] goesLeft;

        /** Feature indices, reshuffled in part at each node to pick its candidates. */
        final int[] candidates;

        final int featuresPerSplit;
        final int maxDepth;
        final SplittableRandom rng;

        int[] feature = new int[16];
        double[] threshold = new double[16];
        int[] left = new int[16];
        int[] right = new int[16];
        double[] value = new double[16];
        int size;

        /**
         * A growth of one tree; {@link #tree} grows it.
         *
         * @param x {@code x[feature][row]}
         * @param y objective per row
         * @param counts how often the bootstrap drew each row; rows drawn 0 times are left out
         * @param sorted every row, ordered by each feature ({@code sorted[feature]})
         * @param featuresPerSplit how many features (that vary within the node) each split considers
         * @param maxDepth the depth below which no node splits
         */
        Grower(
                double[][] x,
                double[] y,
                int[] counts,
                int[][] sorted,
                int featuresPerSplit,
                int maxDepth,
                SplittableRandom rng) {
            this.x = x;
            this.y = y;
            this.counts = counts;
            this.featuresPerSplit = featuresPerSplit;
            this.maxDepth = maxDepth;
            this.rng = rng;
            int d = sorted.length;
            int drawn = 0;
            for (int c : counts) if (c > 0) drawn++;
            order = new int[d][drawn];
            for (int f = 0; f < d; f++) {
                int k = 0;
                for (int r : sorted[f]) if (counts[r] > 0) order[f][k++] = r;
            }
            buffer = new int[drawn];
            goesLeft = new boolean[y.length];
            candidates = new int[d];
            for (int f = 0; f < d; f++) candidates[f] = f;
        }

        /** Grows the tree. */
        RegressionTree tree() {
            if (order.length > 0 && order[0].length > 0) grow(0, order[0].length, 0);
            int n = size;
            return new RegressionTree(
                    Arrays.copyOf(feature, n),
                    Arrays.copyOf(threshold, n),
                    Arrays.copyOf(left, n),
                    Arrays.copyOf(right, n),
                    Arrays.copyOf(value, n));
        }

        /** Grows the subtree over segment [start, end) and returns its root's index. */
        int grow(int start, int end, int depth) {
            int node = newNode();
            double w = 0;
            double s = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = start; i < end; i++) {
                int r = order[0][i];
                w += counts[r];
                s += counts[r] * y[r];
                lo = Math.min(lo, y[r]);
                hi = Math.max(hi, y[r]);
            }
            value[node] = s / w;
            if (depth >= maxDepth || w < MIN_SAMPLES_SPLIT || lo == hi) return node;
            if (!findSplit(node, start, end, w, s)) return node;
            int mid = partition(start, end, feature[node], threshold[node]);
            // Grow into locals first: the recursion may replace the arrays.
            int l = grow(start, mid, depth + 1);
            int r = grow(mid, end, depth + 1);
            left[node] = l;
            right[node] = r;
            return node;
        }

        /**
         * Sets the node's feature and threshold to the best split among up to {@code featuresPerSplit}
         * random features that vary in the segment; false when none varies. Like scikit-learn, it keeps
         * drawing past constant features, so a node splits whenever some feature can split it.
         */
        boolean findSplit(int node, int start, int end, double w, double s) {
            int d = candidates.length;
            int tried = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < d && tried < featuresPerSplit; i++) {
                int j = i + rng.nextInt(d - i);
                int f = candidates[j];
                candidates[j] = candidates[i];
                candidates[i] = f;
                int[] rows = order[f];
                double[] col = x[f];
                if (col[rows[start]] == col[rows[end - 1]]) continue;
                tried++;
                double wl = 0;
                double sl = 0;
                for (int k = start; k < end - 1; k++) {
                    int r = rows[k];
                    wl += counts[r];
                    sl += counts[r] * y[r];
                    double a = col[r];
                    double b = col[rows[k + 1]];
                    if (a == b) continue;
                    // Maximising sl²/wl + sr²/wr is minimising the children's summed squared error.
                    double sr = s - sl;
                    double score = sl * sl / wl + sr * sr / (w - wl);
                    if (score > bestScore) {
                        bestScore = score;
                        feature[node] = f;
                        threshold[node] = EncodedTrials.threshold(a, b);
                    }
                }
            }
            return tried > 0;
        }

        /**
         * Stably partitions every feature's segment into left then right; returns where right starts.
         */
        int partition(int start, int end, int f, double t) {
            int nLeft = 0;
            for (int i = start; i < end; i++) {
                int r = order[f][i];
                goesLeft[r] = x[f][r] <= t;
                if (goesLeft[r]) nLeft++;
            }
            for (int[] rows : order) {
                int l = start;
                int r = 0;
                for (int i = start; i < end; i++) {
                    int row = rows[i];
                    if (goesLeft[row]) rows[l++] = row;
                    else buffer[r++] = row;
                }
                System.arraycopy(buffer, 0, rows, l, r);
            }
            return start + nLeft;
        }

        int newNode() {
            if (size == feature.length) {
                int n = size * 2;
                feature = Arrays.copyOf(feature, n);
                threshold = Arrays.copyOf(threshold, n);
                left = Arrays.copyOf(left, n);
                right = Arrays.copyOf(right, n);
                value = Arrays.copyOf(value, n);
            }
            feature[size] = -1;
            left[size] = -1;
            right[size] = -1;
            return size++;
        }
    }
}
