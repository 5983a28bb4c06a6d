package dev.tunelab.worker.training;

import dev.tunelab.core.study.Task;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns rows of a {@link TabularData} into ND4J arrays. Everything is FLOAT, the networks' data
 * type, so training and a later re-evaluation of a saved model feed identical numbers to it.
 */
public final class DataSets {

  private DataSets() {}

  /** Features of the given rows (row order kept), not normalized. */
  public static INDArray features(TabularData data, int[] rows) {
    int cols = data.featureNames().size();
    float[][] x = new float[rows.length][cols];
    for (int i = 0; i < rows.length; i++) {
      double[] source = data.features()[rows[i]];
      for (int c = 0; c < cols; c++) x[i][c] = (float) source[c];
    }
    return Nd4j.create(x);
  }

  /** One-hot class labels (classification) or an n×1 target column (regression). */
  public static INDArray labels(TabularData data, int[] rows, int classCount) {
    if (data.task() == Task.CLASSIFICATION) {
      INDArray y = Nd4j.zeros(DataType.FLOAT, rows.length, classCount);
      for (int i = 0; i < rows.length; i++) y.putScalar(i, data.classIndex()[rows[i]], 1.0);
      return y;
    }
    INDArray y = Nd4j.zeros(DataType.FLOAT, rows.length, 1);
    for (int i = 0; i < rows.length; i++) y.putScalar(i, 0, data.target()[rows[i]]);
    return y;
  }

  public static DataSet of(TabularData data, int[] rows, int classCount) {
    return new DataSet(features(data, rows), labels(data, rows, classCount));
  }
}
