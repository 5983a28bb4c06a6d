package dev.tunelab.core.data;

import dev.tunelab.core.study.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an uploaded table holds: its columns, its row count, the task its label implies and, for
 * classification, the classes in a fixed order (that order is the network's output order).
 */
public record DatasetProfile(List<Column> columns, int rows, Task task, List<String> classes) {
  /** Integer labels with at most this many distinct values are read as classes. */
  static final int MAX_INTEGER_CLASSES = 20;

  public record Column(String name, String type) {}

  /**
   * Profiles {@code csv} with {@code label} as the target; {@code task} may be null to infer it.
   * Throws IllegalArgumentException with a user-facing reason when the table cannot be used.
   */
  public static DatasetProfile of(Csv csv, String label, Task task) {
    int labelAt = csv.column(label);
    if (labelAt < 0) throw new IllegalArgumentException("no column named '" + label + "'; columns are " + csv.header());
    if (csv.rows().size() < 10) throw new IllegalArgumentException("at least 10 rows are needed, found " + csv.rows().size());
    if (new java.util.HashSet<>(csv.header()).size() != csv.header().size()) {
      throw new IllegalArgumentException("column names must be unique: " + csv.header());
    }
    List<Column> columns = new ArrayList<>();
    for (int c = 0; c < csv.header().size(); c++) {
      if (c == labelAt) {
        columns.add(new Column(csv.header().get(c), "label"));
        continue;
      }
      for (int r = 0; r < csv.rows().size(); r++) {
        if (!isNumber(csv.rows().get(r)[c])) {
          throw new IllegalArgumentException("column '" + csv.header().get(c) + "' must be numeric, but row "
              + (r + 1) + " has '" + csv.rows().get(r)[c] + "'");
        }
      }
      columns.add(new Column(csv.header().get(c), "number"));
    }
    if (columns.size() < 2) throw new IllegalArgumentException("at least one feature column besides the label is needed");
    Set<String> values = new TreeSet<>();
    boolean numeric = true;
    boolean integral = true;
    for (String[] row : csv.rows()) {
      String v = row[labelAt];
      if (v.isEmpty()) throw new IllegalArgumentException("the label column '" + label + "' has an empty value");
      values.add(v);
      if (!isNumber(v)) numeric = false;
      else if (Double.parseDouble(v) != Math.rint(Double.parseDouble(v))) integral = false;
    }
    Task inferred = !numeric || (integral && values.size() <= MAX_INTEGER_CLASSES) ? Task.CLASSIFICATION : Task.REGRESSION;
    Task chosen = task == null ? inferred : task;
    if (chosen == Task.REGRESSION && !numeric) {
      throw new IllegalArgumentException("regression needs a numeric label, but '" + label + "' has text values");
    }
    List<String> classes = null;
    if (chosen == Task.CLASSIFICATION) {
      if (values.size() < 2) throw new IllegalArgumentException("classification needs at least 2 classes in '" + label + "'");
      if (values.size() > 1000) throw new IllegalArgumentException("'" + label + "' has " + values.size() + " classes; at most 1000");
      classes = sortedClasses(values, numeric);
    }
    return new DatasetProfile(columns, csv.rows().size(), chosen, classes);
  }

  private static List<String> sortedClasses(Set<String> values, boolean numeric) {
    List<String> list = new ArrayList<>(values);
    if (numeric) list.sort((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
    return list;
  }

  static boolean isNumber(String s) {
    if (s.isEmpty()) return false;
    try {
      return Double.isFinite(Double.parseDouble(s));
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
