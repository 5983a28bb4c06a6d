package dev.tunelab.worker.training;

import dev.tunelab.core.data.Csv;
import dev.tunelab.core.data.DatasetKind;
import dev.tunelab.core.data.Samples;
import dev.tunelab.core.study.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed tabular dataset: every column but the label is a numeric feature. Parsing is strict
 * and names the row and column of the first bad value, because a trial that fails on data should
 * tell the user exactly what to fix in the file.
 *
 * <p>Arrays are returned without copying (datasets can be large); callers must not modify them.
 */
public final class TabularData {
  private final Task task;
  private final List<String> featureNames;
  private final List<String> classes;
  private final double[][] features;
  private final int[] classIndex;
  private final double[] target;

  private TabularData(
      Task task, List<String> featureNames, List<String> classes, double[][] features,
      int[] classIndex, double[] target) {
    this.task = task;
    this.featureNames = featureNames;
    this.classes = classes;
    this.features = features;
    this.classIndex = classIndex;
    this.target = target;
  }

  /**
   * Parses a UTF-8 CSV with a header row.
   *
   * @param classes for classification, the classes in index order (label values are matched as
   *     trimmed strings, so "0"/"1" labels work); ignored for regression
   * @throws IllegalArgumentException naming row (1-based, header excluded) and column of the first
   *     value that does not fit
   */
  public static TabularData parse(byte[] csv, String labelColumn, Task task, List<String> classes) {
    Csv table = Csv.parse(csv);
    List<String> header = table.header();
    int label = header.indexOf(labelColumn.trim());
    if (label < 0) {
      throw new IllegalArgumentException(
          "label column '" + labelColumn + "' is not in the header " + header);
    }
    boolean classification = task == Task.CLASSIFICATION;
    Map<String, Integer> classIds = classification ? classIds(classes) : Map.of();
    List<String> featureNames = new ArrayList<>(header);
    featureNames.remove(label);
    if (featureNames.isEmpty()) throw new IllegalArgumentException("the CSV has no feature column");

    int n = table.rows().size();
    if (n == 0) throw new IllegalArgumentException("the CSV has a header but no data rows");
    double[][] features = new double[n][];
    int[] classIndex = classification ? new int[n] : null;
    double[] target = classification ? null : new double[n];
    for (int r = 0; r < n; r++) {
      String[] row = table.rows().get(r);
      double[] x = new double[featureNames.size()];
      int f = 0;
      for (int c = 0; c < header.size(); c++) {
        String value = row[c];
        if (c != label) {
          x[f++] = number(value, r, header.get(c));
        } else if (classification) {
          Integer id = classIds.get(value);
          if (id == null) {
            throw new IllegalArgumentException(String.format(
                "row %d, column '%s': label '%s' is not one of the classes %s",
                r + 1, header.get(c), value, classes));
          }
          classIndex[r] = id;
        } else {
          target[r] = number(value, r, header.get(c));
        }
      }
      features[r] = x;
    }
    return new TabularData(
        task, List.copyOf(featureNames), classification ? List.copyOf(classes) : null, features,
        classIndex, target);
  }

  private static Map<String, Integer> classIds(List<String> classes) {
    if (classes == null || classes.size() < 2) {
      throw new IllegalArgumentException("classification needs at least 2 classes, got " + classes);
    }
    Map<String, Integer> ids = new HashMap<>();
    for (int i = 0; i < classes.size(); i++) {
      if (ids.putIfAbsent(classes.get(i).trim(), i) != null) {
        throw new IllegalArgumentException("class '" + classes.get(i) + "' is listed twice");
      }
    }
    return ids;
  }

  private static double number(String value, int r, String column) {
    String why;
    if (value.isEmpty()) {
      why = "is empty";
    } else {
      try {
        double d = Double.parseDouble(value);
        if (Double.isFinite(d)) return d;
        why = "is not finite: '" + value + "'";
      } catch (NumberFormatException e) {
        why = "is not a number: '" + value + "'";
      }
    }
    throw new IllegalArgumentException(
        String.format("row %d, column '%s' %s", r + 1, column, why));
  }

  public Task task() {
    return task;
  }

  public List<String> featureNames() {
    return featureNames;
  }

  /** The classes in index order, or null for regression. */
  public List<String> classes() {
    return classes;
  }

  /** One row per data row of the CSV, columns in {@link #featureNames()} order. */
  public double[][] features() {
    return features;
  }

  /** Class index per row (classification), or null. */
  public int[] classIndex() {
    return classIndex;
  }

  /** Target per row (regression), or null. */
  public double[] target() {
    return target;
  }

  /**
   * The same table as {@link Samples}, the form the trainer takes; kept until the dataset cache
   * reads every dataset kind through core's readers.
   */
  public Samples toSamples() {
    float[][] x = new float[features.length][];
    for (int r = 0; r < features.length; r++) {
      x[r] = new float[features[r].length];
      for (int c = 0; c < features[r].length; c++) x[r][c] = (float) features[r][c];
    }
    return new Samples(DatasetKind.TABLE, task, List.of(featureNames.size()), x,
        task == Task.CLASSIFICATION ? classes : null, classIndex, target, featureNames, false);
  }

  public int rows() {
    return features.length;
  }
}
