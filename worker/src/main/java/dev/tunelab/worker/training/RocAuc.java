package dev.tunelab.worker.training;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Exact area under the ROC curve, as the Mann–Whitney U statistic: the probability that a random
 * positive scores above a random negative, ties counting one half. Scores are ranked once (average
 * ranks for ties), so it is O(n log n) and equals scikit-learn's {@code roc_auc_score}, unlike
 * DL4J's thresholded {@code ROC}, which bins the scores.
 *
 * <p>Reference: Hanley &amp; McNeil, "The meaning and use of the area under a ROC curve", Radiology
 * 143 (1982).
 */
public final class RocAuc {

    private RocAuc() {}

    /** The AUC, or NaN when one class is absent (the area is undefined). */
    public static double of(double[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double positiveRankSum = 0;
        long positives = 0;
        for (int start = 0; start < n; ) {
            int end = start;
            while (end + 1 < n && scores[order[end + 1]] == scores[order[start]]) end++;
            // Ranks start..end (1-based: start+1..end+1) share their average.
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                if (positive[order[k]]) {
                    positiveRankSum += rank;
                    positives++;
                }
            }
            start = end + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) return Double.NaN;
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
