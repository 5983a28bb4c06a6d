package dev.tunelab.core.data;

import dev.tunelab.core.study.Task;
import java.util.List;

/**
 * A dataset ready for training, whatever file it came from: one flat float vector per sample in
 * Keras's channels-last order (a {@code [H, W, C]} image is row by row, pixel by pixel, channel by
 * channel; a {@code [T, F]} sequence is step by step), unnormalized, and a label per sample.
 *
 * <p>Arrays are not copied (datasets can be large); callers must not modify them.
 *
 * @param shape one sample's shape; the product of its entries is each {@code x[i].length}
 * @param classes the classes in output order (classification), or null
 * @param classIndex class index per sample (classification), or null
 * @param target target per sample (regression), or null
 * @param featureNames names of a table's columns; for other kinds a one-line description
 * @param ordered true when samples are in time order and a split must not shuffle them (time-series
 *     windows), so validation and test come from the end
 */
public record Samples(
        DatasetKind kind,
        Task task,
        List<Integer> shape,
        float[][] x,
        List<String> classes,
        int[] classIndex,
        double[] target,
        List<String> featureNames,
        boolean ordered) {

    public int size() {
        return x.length;
    }
}
