package dev.tunelab.worker.training;

import java.util.Arrays;
import java.util.Random;

/**
 * A deterministic train/validation split of row indices. The same (rows, fraction, seed) always
 * gives the same split in every worker and every retry, so trials of one study are compared on
 * the same validation rows and a model card's validation rows can be re-evaluated later.
 *
 * <p>Algorithm: Fisher–Yates shuffle of {@code 0..rows-1} with {@code java.util.Random(seed)};
 * the first {@code round(rows * fraction)} shuffled indices (at least 1, at most rows-1 so the
 * training split is never empty) are validation, the rest training; both sorted ascending.
 */
public final class Split {
  private final int[] train;
  private final int[] validation;

  private Split(int[] train, int[] validation) {
    this.train = train;
    this.validation = validation;
  }

  public static Split of(int rows, double validationFraction, long seed) {
    if (rows < 2) throw new IllegalArgumentException("need at least 2 rows to split, got " + rows);
    if (!(validationFraction > 0 && validationFraction < 1)) {
      throw new IllegalArgumentException(
          "validation fraction must be in (0, 1), got " + validationFraction);
    }
    int[] order = new int[rows];
    for (int i = 0; i < rows; i++) order[i] = i;
    Random random = new Random(seed);
    for (int i = rows - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int v = (int) Math.min(rows - 1, Math.max(1, Math.round(rows * validationFraction)));
    int[] validation = Arrays.copyOfRange(order, 0, v);
    int[] train = Arrays.copyOfRange(order, v, rows);
    Arrays.sort(validation);
    Arrays.sort(train);
    return new Split(train, validation);
  }

  /** Training row indices, ascending. Not copied: do not modify. */
  public int[] train() {
    return train;
  }

  /** Validation row indices, ascending. Not copied: do not modify. */
  public int[] validation() {
    return validation;
  }
}
