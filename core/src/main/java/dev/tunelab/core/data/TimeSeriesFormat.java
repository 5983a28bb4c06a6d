package dev.tunelab.core.data;

import dev.tunelab.core.study.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * A numeric CSV whose rows are in time order. Sample {@code i} is rows {@code i .. i+window-1} of
 * every column (the target's own past included, as in autoregressive forecasting): shape {@code
 * [window, F]}; its label is the target {@code horizon} rows after the window's last row.
 * Regression unless the meta asks for classification. Samples stay in time order so that validation
 * and test are the latest windows (a shuffled split would let the model peek ahead).
 */
final class TimeSeriesFormat implements SampleFormat {

    @Override
    public Loaded load(DatasetMeta meta, byte[] content, DatasetLimits limits) {
        Integer window = meta.options().window();
        if (window == null)
            throw new BadDatasetException("window", "a time series needs 'window', the number of rows per sample");
        int horizon = meta.options().horizon() != null ? meta.options().horizon() : 1;
        Csv csv = CsvCells.parse(content, limits);
        String labelName = meta.requireLabel();
        int label = CsvCells.column(csv, labelName, "label");
        List<String> header = csv.header();
        int rows = csv.rows().size();
        int features = header.size();
        float[][] table = new float[rows][features];
        for (int r = 0; r < rows; r++) {
            String[] row = csv.rows().get(r);
            for (int c = 0; c < features; c++) table[r][c] = CsvCells.number(row[c], r, header.get(c));
        }
        int count = rows - window - horizon + 1;
        if (count < 1) {
            throw new BadDatasetException(
                    "window",
                    "a window of "
                            + window
                            + " rows and a horizon of "
                            + horizon
                            + " need at least "
                            + (window + horizon)
                            + " rows; the series has "
                            + rows);
        }
        List<String> targets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) targets.add(csv.rows().get(i + window - 1 + horizon)[label]);
        Task task = meta.task() != null ? meta.task() : Task.REGRESSION;
        Labels labels = Labels.of(targets, labelName, task, meta.classes(), i -> "row " + (i + window + horizon));
        float[][] x = new float[count][];
        for (int i = 0; i < count; i++) {
            float[] w = new float[window * features];
            for (int t = 0; t < window; t++) System.arraycopy(table[i + t], 0, w, t * features, features);
            x[i] = w;
        }
        Samples samples = new Samples(
                DatasetKind.TIMESERIES,
                labels.task(),
                List.of(window, features),
                x,
                labels.classes(),
                labels.classIndex(),
                labels.target(),
                List.copyOf(header),
                true);
        return new Loaded(
                meta.with(labels.task(), labels.classes(), meta.options().withHorizon(horizon)), samples);
    }
}
