package dev.tunelab.core.data;

import java.util.List;

/**
 * A CSV with a column of space-separated numbers ("0.1 0.5 0.3") and a label: shape {@code [T, 1]},
 * zero-padded in front (and cut at the front when longer), so every sequence ends at the last step
 * the recurrent layer sees.
 */
final class SequenceFormat implements SampleFormat {

    @Override
    public Loaded load(DatasetMeta meta, byte[] content, DatasetLimits limits) {
        LabeledCsv in = LabeledCsv.read(meta, content, limits);
        int column = in.dataColumn(meta, "sequence");
        String columnName = in.csv().header().get(column);
        float[][] steps = new float[in.csv().rows().size()][];
        int longest = 0;
        for (int r = 0; r < steps.length; r++) {
            String[] parts = in.nonBlank(r, column).strip().split("\\s+");
            float[] s = new float[parts.length];
            for (int k = 0; k < parts.length; k++)
                s[k] = CsvCells.number(parts[k], r, columnName + "' step '" + (k + 1));
            steps[r] = s;
            longest = Math.max(longest, s.length);
        }
        Labels labels = in.labels(meta);
        int length = meta.options().sequenceLength() != null ? meta.options().sequenceLength() : longest;
        if (length > DatasetOptions.MAX_SEQUENCE) {
            throw new BadDatasetException(
                    "file",
                    "the longest sequence has "
                            + longest
                            + " steps; at most "
                            + DatasetOptions.MAX_SEQUENCE
                            + " unless sequenceLength cuts them");
        }
        float[][] x = new float[steps.length][];
        for (int i = 0; i < x.length; i++) {
            float[] s = steps[i];
            float[] padded = new float[length];
            int skip = Math.max(0, s.length - length);
            System.arraycopy(s, skip, padded, length - (s.length - skip), s.length - skip);
            x[i] = padded;
        }
        DatasetOptions resolved = meta.options().withColumn(columnName).withSequenceLength(length);
        Samples samples = new Samples(
                DatasetKind.SEQUENCE,
                labels.task(),
                List.of(length, 1),
                x,
                labels.classes(),
                labels.classIndex(),
                labels.target(),
                List.of("steps of column '" + columnName + "'"),
                false);
        return new Loaded(meta.with(labels.task(), labels.classes(), resolved), samples);
    }
}
