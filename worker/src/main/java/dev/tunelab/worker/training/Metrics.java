package dev.tunelab.worker.training;

import static dev.tunelab.core.messages.MetricNames.ACCURACY;
import static dev.tunelab.core.messages.MetricNames.AUC;
import static dev.tunelab.core.messages.MetricNames.LOG_LOSS;
import static dev.tunelab.core.messages.MetricNames.LOSS;
import static dev.tunelab.core.messages.MetricNames.MAE;
import static dev.tunelab.core.messages.MetricNames.RMSE;

import dev.tunelab.core.study.Task;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The metrics a trial reports, by the names studies optimize ({@link
 * dev.tunelab.core.messages.MetricNames}): {@code loss} (what training minimizes: the mean loss
 * plus the regularization penalty, as Keras reports it), {@code accuracy}, {@code log_loss}
 * (cross-entropy without regularization) and, for binary heads, {@code auc} (classification);
 * {@code rmse} and {@code mae} (regression). All are computed in inference mode (no dropout,
 * batch-norm running statistics), like Keras's {@code evaluate}, so they can be recomputed from the
 * saved model. Sums run in double to keep float round-off out of them.
 *
 * <p>Probabilities are clipped to [1e-7, 1 - 1e-7] in cross-entropies, as Keras clips them.
 */
public final class Metrics {
    static final double CLIP = 1e-7;

    private Metrics() {}

    /**
     * The head's metrics over all chunks (already normalized), each name prefixed. Insertion-ordered.
     */
    public static Map<String, Double> of(MultiLayerNetwork net, Iterable<DataSet> chunks, Head head, String prefix) {
        List<float[]> outRows = new ArrayList<>();
        List<float[]> labelRows = new ArrayList<>();
        for (DataSet ds : chunks) {
            outRows.addAll(Arrays.asList(rows(net.output(ds.getFeatures(), false))));
            labelRows.addAll(Arrays.asList(rows(ds.getLabels())));
        }
        float[][] out = outRows.toArray(new float[0][]);
        float[][] labels = labelRows.toArray(new float[0][]);
        double penalty = net.calcRegularizationScore(true);
        Map<String, Double> m = new LinkedHashMap<>();
        if (head.task() == Task.REGRESSION) {
            double mse = 0;
            double mae = 0;
            for (int i = 0; i < out.length; i++) {
                double d = out[i][0] - labels[i][0];
                mse += d * d;
                mae += Math.abs(d);
            }
            mse /= out.length;
            mae /= out.length;
            boolean absolute = KerasNames.loss(head.loss()) == LossFunction.MEAN_ABSOLUTE_ERROR;
            m.put(prefix + LOSS, (absolute ? mae : mse) + penalty);
            m.put(prefix + RMSE, Math.sqrt(mse));
            m.put(prefix + MAE, mae);
            return m;
        }
        int[] classes = classIndex(labels);
        double[][] probabilities = probabilities(out);
        double logLoss = logLoss(probabilities, classes);
        m.put(prefix + LOSS, logLoss + penalty);
        m.put(prefix + ACCURACY, accuracy(probabilities, classes));
        m.put(prefix + LOG_LOSS, logLoss);
        if (head.binary()) {
            double[] scores = new double[out.length];
            boolean[] positive = new boolean[out.length];
            for (int i = 0; i < out.length; i++) {
                scores[i] = probabilities[i][1];
                positive[i] = classes[i] == 1;
            }
            m.put(prefix + AUC, RocAuc.of(scores, positive));
        }
        return m;
    }

    /**
     * A {@code [N, K]} array's rows, copied out in one piece: INDArray's own toFloatMatrix makes a
     * view and a native call per row, which cost more than the forward pass on a small network.
     */
    static float[][] rows(INDArray a) {
        int n = (int) a.size(0);
        int k = (int) (a.length() / Math.max(1, n));
        float[] flat = a.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) out[i] = Arrays.copyOfRange(flat, i * k, (i + 1) * k);
        return out;
    }

    /** One row per sample, one column per class; a single sigmoid unit p becomes (1 - p, p). */
    static double[][] probabilities(float[][] out) {
        double[][] p = new double[out.length][];
        for (int i = 0; i < out.length; i++) {
            if (out[i].length == 1) {
                p[i] = new double[] {1 - out[i][0], out[i][0]};
            } else {
                p[i] = new double[out[i].length];
                for (int c = 0; c < out[i].length; c++) p[i][c] = out[i][c];
            }
        }
        return p;
    }

    /** Class per row from one-hot labels, or from a single 0/1 column. */
    static int[] classIndex(float[][] labels) {
        int[] k = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].length == 1) {
                k[i] = labels[i][0] >= 0.5f ? 1 : 0;
            } else {
                k[i] = argMax(labels[i]);
            }
        }
        return k;
    }

    /** Mean of -log(p[true class]), p clipped to [1e-7, 1 - 1e-7]. */
    public static double logLoss(double[][] probabilities, int[] classes) {
        double sum = 0;
        for (int i = 0; i < classes.length; i++) {
            double p = Math.min(1 - CLIP, Math.max(CLIP, probabilities[i][classes[i]]));
            sum -= Math.log(p);
        }
        return sum / classes.length;
    }

    /** Fraction of rows whose most probable class is the true one; ties go to the lower class. */
    public static double accuracy(double[][] probabilities, int[] classes) {
        long correct = 0;
        for (int i = 0; i < classes.length; i++) {
            if (argMax(probabilities[i]) == classes[i]) correct++;
        }
        return (double) correct / classes.length;
    }

    private static int argMax(float[] v) {
        int best = 0;
        for (int c = 1; c < v.length; c++) if (v[c] > v[best]) best = c;
        return best;
    }

    private static int argMax(double[] v) {
        int best = 0;
        for (int c = 1; c < v.length; c++) if (v[c] > v[best]) best = c;
        return best;
    }
}
