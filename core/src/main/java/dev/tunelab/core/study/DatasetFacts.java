package dev.tunelab.core.study;

import dev.tunelab.core.data.DatasetKind;
import java.util.List;

/**
 * What validation needs to know about the dataset a study names.
 *
 * @param inputShape one sample's shape in Keras's convention (see {@link DatasetKind})
 * @param vocabulary for token ids, the number of distinct ids (0 is padding); 0 otherwise
 */
public record DatasetFacts(
        Task task, int numFeatures, int numClasses, DatasetKind kind, List<Integer> inputShape, int vocabulary) {

    public DatasetFacts {
        if (kind == null) kind = DatasetKind.TABLE;
        if (inputShape == null) inputShape = List.of(numFeatures);
        inputShape = List.copyOf(inputShape);
    }

    /** A table of {@code numFeatures} numeric columns. */
    public DatasetFacts(Task task, int numFeatures, int numClasses) {
        this(task, numFeatures, numClasses, DatasetKind.TABLE, List.of(numFeatures), 0);
    }
}
