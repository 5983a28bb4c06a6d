package dev.tunelab.core.data;

import java.util.ArrayList;
import java.util.List;

/** A CSV of numeric feature columns and one label column: shape {@code [F]}. */
final class TableFormat implements SampleFormat {

    @Override
    public Loaded load(DatasetMeta meta, byte[] content, DatasetLimits limits) {
        LabeledCsv in = LabeledCsv.read(meta, content, limits);
        Csv csv = in.csv();
        int label = in.label();
        List<String> header = csv.header();
        List<String> featureNames = new ArrayList<>(header);
        featureNames.remove(label);
        if (featureNames.isEmpty())
            throw new BadDatasetException("file", "at least one feature column besides the label is needed");
        Labels labels = in.labels(meta);
        int n = csv.rows().size();
        float[][] x = new float[n][];
        for (int r = 0; r < n; r++) {
            String[] row = csv.rows().get(r);
            float[] v = new float[featureNames.size()];
            int f = 0;
            for (int c = 0; c < header.size(); c++) {
                if (c != label) v[f++] = CsvCells.number(row[c], r, header.get(c));
            }
            x[r] = v;
        }
        Samples samples = new Samples(
                DatasetKind.TABLE,
                labels.task(),
                List.of(featureNames.size()),
                x,
                labels.classes(),
                labels.classIndex(),
                labels.target(),
                List.copyOf(featureNames),
                false);
        return new Loaded(meta.with(labels.task(), labels.classes(), meta.options()), samples);
    }
}
