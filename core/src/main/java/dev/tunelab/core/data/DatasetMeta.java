package dev.tunelab.core.data;

import dev.tunelab.core.study.Task;
import java.util.List;

/**
 * Everything besides the bytes that reading a dataset needs. An upload gives a partial meta (task
 * and classes may be null, options may be open); {@link SampleReader#profile} returns the complete
 * one, which is stored, and {@link SampleReader#read} with it gives the same samples every time.
 *
 * @param label the label (target) column of a CSV; null for images
 * @param classes the classes in output order (classification), null for regression or when still to
 *     be found
 */
public record DatasetMeta(DatasetKind kind, Task task, String label, List<String> classes, DatasetOptions options) {

    public DatasetMeta {
        if (kind == null) kind = DatasetKind.TABLE;
        if (label != null) label = label.isBlank() ? null : label.strip();
        if (options == null) options = DatasetOptions.NONE;
        classes = classes == null ? null : List.copyOf(classes);
    }

    /** A table of numeric columns with {@code label} as the target. */
    public static DatasetMeta table(String label, Task task) {
        return new DatasetMeta(DatasetKind.TABLE, task, label, null, DatasetOptions.NONE);
    }

    DatasetMeta with(Task t, List<String> c, DatasetOptions o) {
        return new DatasetMeta(kind, t, label, t == Task.CLASSIFICATION ? c : null, o);
    }

    /**
     * A dataset of this kind and these options read with another label or text column, such as a test
     * set read with its training set's vocabulary, classes and sizes.
     */
    public DatasetMeta forTestSet(String otherLabel, String otherColumn) {
        DatasetOptions o = otherColumn == null || otherColumn.isBlank() ? options : options.withColumn(otherColumn);
        return new DatasetMeta(kind, task, otherLabel == null || otherLabel.isBlank() ? label : otherLabel, classes, o);
    }

    /** Number of distinct token ids (padding and out-of-vocabulary included) for TOKENS, else 0. */
    public int vocabularySize() {
        return kind == DatasetKind.TOKENS && options.vocabulary() != null
                ? options.vocabulary().size() + Vocabulary.FIRST_WORD
                : 0;
    }

    String requireLabel() {
        if (label == null) throw new BadDatasetException("label", "name the label column");
        return label;
    }
}
