package dev.tunelab.worker.training;

import dev.tunelab.core.study.Task;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The per-epoch metrics a trial reports, with the names studies optimize: {@code loss},
 * {@code accuracy} (classification) or {@code rmse} (regression), and the same with a
 * {@code val_} prefix for the validation split. All are computed in inference mode (no dropout),
 * like Keras' evaluation, so they can be recomputed from the saved model.
 */
public final class Metrics {
  public static final String LOSS = "loss";
  public static final String ACCURACY = "accuracy";
  public static final String RMSE = "rmse";
  public static final String VALIDATION_PREFIX = "val_";

  private Metrics() {}

  /** Metrics on both splits; both data sets are already normalized. Insertion-ordered. */
  public static Map<String, Double> of(
      MultiLayerNetwork net, DataSet train, DataSet validation, Task task) {
    Map<String, Double> out = new LinkedHashMap<>();
    put(out, "", net, train, task);
    put(out, VALIDATION_PREFIX, net, validation, task);
    return out;
  }

  private static void put(
      Map<String, Double> out, String prefix, MultiLayerNetwork net, DataSet ds, Task task) {
    // score(ds, false): mean loss per example plus regularization, without dropout.
    out.put(prefix + LOSS, net.score(ds, false));
    INDArray predicted = net.output(ds.getFeatures(), false);
    if (task == Task.CLASSIFICATION) {
      out.put(prefix + ACCURACY, accuracy(predicted, ds.getLabels()));
    } else {
      out.put(prefix + RMSE, rmse(predicted, ds.getLabels()));
    }
  }

  /** Fraction of rows whose arg-max output is the one-hot label's class, as correct / total. */
  public static double accuracy(INDArray output, INDArray oneHotLabels) {
    INDArray predicted = Nd4j.argMax(output, 1);
    INDArray actual = Nd4j.argMax(oneHotLabels, 1);
    long n = output.size(0);
    long correct = 0;
    for (long i = 0; i < n; i++) {
      if (predicted.getLong(i) == actual.getLong(i)) correct++;
    }
    return (double) correct / (double) n;
  }

  /** Root mean squared error over all rows, accumulated in double to avoid float round-off. */
  public static double rmse(INDArray output, INDArray targets) {
    long n = output.size(0);
    double sum = 0;
    for (long i = 0; i < n; i++) {
      double d = output.getDouble(i, 0) - targets.getDouble(i, 0);
      sum += d * d;
    }
    return Math.sqrt(sum / n);
  }
}
