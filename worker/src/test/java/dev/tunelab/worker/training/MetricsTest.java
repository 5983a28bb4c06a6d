package dev.tunelab.worker.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void aucIsTheShareOfCorrectlyOrderedPairsWithTiesCountingHalf() {
        // scikit-learn's roc_auc_score example: 3 of 4 positive/negative pairs are ordered right.
        assertEquals(
                0.75, RocAuc.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}), 1e-12);
        // Positives {0.5, 0.9}, negatives {0.5, 0.2}: pairs 0.5/0.5 (tie, 1/2), three others right.
        assertEquals(
                3.5 / 4, RocAuc.of(new double[] {0.5, 0.5, 0.2, 0.9}, new boolean[] {true, false, false, true}), 1e-12);
        assertEquals(0.0, RocAuc.of(new double[] {0.9, 0.1}, new boolean[] {false, true}), 1e-12);
        assertTrue(Double.isNaN(RocAuc.of(new double[] {0.3, 0.4}, new boolean[] {true, true})));
    }

    @Test
    void logLossAndAccuracyByHand() {
        double[][] p = {{0.8, 0.2}, {0.3, 0.7}, {0.6, 0.4}};
        int[] y = {0, 1, 1};
        assertEquals(-(Math.log(0.8) + Math.log(0.7) + Math.log(0.4)) / 3, Metrics.logLoss(p, y), 1e-12);
        assertEquals(2.0 / 3, Metrics.accuracy(p, y), 1e-12);
        // A sigmoid output p is the probability of class 1; certainty is clipped as Keras clips it.
        double[][] sigmoid = Metrics.probabilities(new float[][] {{1f}, {0.25f}});
        assertEquals(-(Math.log(1e-7) + Math.log(0.75)) / 2, Metrics.logLoss(sigmoid, new int[] {0, 0}), 1e-6);
    }
}
