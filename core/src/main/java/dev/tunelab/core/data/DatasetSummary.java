package dev.tunelab.core.data;

import dev.tunelab.core.study.DatasetFacts;
import java.util.List;

/**
 * What an upload was found to hold: the complete meta to store, one sample's shape, the sample
 * count and, for CSV files, each column's role.
 */
public record DatasetSummary(DatasetMeta meta, List<Integer> shape, int rows, List<Column> columns) {

    /**
     * A CSV column and its role: {@code label}, {@code number}, {@code text}, {@code sequence} or
     * {@code unused}.
     */
    public record Column(String name, String type) {}

    public DatasetSummary {
        shape = List.copyOf(shape);
        columns = List.copyOf(columns);
    }

    public DatasetFacts facts() {
        return facts(meta, shape);
    }

    /** What validation needs, from a stored meta and shape (no bytes read). */
    public static DatasetFacts facts(DatasetMeta meta, List<Integer> shape) {
        int flat = 1;
        for (int s : shape) flat *= s;
        int classes = meta.classes() == null ? 0 : meta.classes().size();
        return new DatasetFacts(meta.task(), flat, classes, meta.kind(), shape, meta.vocabularySize());
    }
}
