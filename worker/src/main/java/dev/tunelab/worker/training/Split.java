package dev.tunelab.worker.training;

import java.util.Arrays;
import java.util.Random;

/**
 * A deterministic train/validation/test split of row indices. The same arguments always give the
 * same split in every worker and every retry, so trials of one study are compared on the same
 * validation rows, and the best model is tested on rows no trial ever trained on or reported.
 *
 * <p>Algorithm: Fisher–Yates shuffle of {@code 0..rows-1} with {@code java.util.Random(seed)}; the
 * first {@code round(rows * testFraction)} shuffled indices are the test split (none when the
 * fraction is 0), the next {@code round(rest * validationFraction)} the validation split (at least
 * 1, never all of the rest), the others training; each sorted ascending. Without a test split this
 * is the split TuneLab always used. Ordered data (time-series windows) is not shuffled: test is the
 * last rows, validation the rows just before, so no model is judged on the past after seeing the
 * future.
 */
public final class Split {
    private final int[] train;
    private final int[] validation;
    private final int[] test;

    private Split(int[] train, int[] validation, int[] test) {
        this.train = train;
        this.validation = validation;
        this.test = test;
    }

    /** A train/validation split of shuffled rows, without a test split. */
    public static Split of(int rows, double validationFraction, long seed) {
        return of(rows, 0, validationFraction, seed, false);
    }

    public static Split of(int rows, double testFraction, double validationFraction, long seed, boolean ordered) {
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in [0, 1), got " + testFraction);
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in (0, 1), got " + validationFraction);
        }
        int t = testFraction == 0 ? 0 : (int) Math.max(1, Math.round(rows * testFraction));
        if (rows - t < 2) {
            throw new IllegalArgumentException(
                    "need at least 2 rows besides the " + t + " test rows to split, got " + rows + " rows");
        }
        int rest = rows - t;
        int v = (int) Math.min(rest - 1, Math.max(1, Math.round(rest * validationFraction)));
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) order[i] = i;
        if (ordered) {
            int[] train = Arrays.copyOfRange(order, 0, rest - v);
            return new Split(train, Arrays.copyOfRange(order, rest - v, rest), Arrays.copyOfRange(order, rest, rows));
        }
        Random random = new Random(seed);
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int[] test = Arrays.copyOfRange(order, 0, t);
        int[] validation = Arrays.copyOfRange(order, t, t + v);
        int[] train = Arrays.copyOfRange(order, t + v, rows);
        Arrays.sort(test);
        Arrays.sort(validation);
        Arrays.sort(train);
        return new Split(train, validation, test);
    }

    /** Training row indices, ascending. Not copied: do not modify. */
    public int[] train() {
        return train;
    }

    /** Validation row indices, ascending. Not copied: do not modify. */
    public int[] validation() {
        return validation;
    }

    /** Test row indices, ascending; empty without a test split. Not copied: do not modify. */
    public int[] test() {
        return test;
    }
}
