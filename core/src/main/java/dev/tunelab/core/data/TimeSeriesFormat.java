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
 *
 * <p>Windows overlap, so they take {@code window} times the table's memory: a profile checks they
 * would fit a worker and builds none.
 */
final class TimeSeriesFormat implements SampleFormat {
    /** The most values all windows together may have, about 2 GB of floats on a worker. */
    static final long MAX_VALUES = ImageFoldersFormat.MAX_VALUES;

    /** The table as numbers, the labels and how many windows it gives. */
    private record Series(float[][] table, Labels labels, int count, int window, int horizon, List<String> header) {}

    @Override
    public Profile profile(DatasetMeta meta, byte[] content, DatasetLimits limits) {
        Series s = series(meta, content, limits);
        return new Profile(complete(meta, s), List.of(s.window(), s.header().size()), s.count());
    }

    @Override
    public Loaded load(DatasetMeta meta, byte[] content, DatasetLimits limits) {
        Series s = series(meta, content, limits);
        int features = s.header().size();
        float[][] x = new float[s.count()][];
        for (int i = 0; i < s.count(); i++) {
            float[] w = new float[s.window() * features];
            for (int t = 0; t < s.window(); t++) System.arraycopy(s.table()[i + t], 0, w, t * features, features);
            x[i] = w;
        }
        Samples samples = new Samples(
                DatasetKind.TIMESERIES,
                s.labels().task(),
                List.of(s.window(), features),
                x,
                s.labels().classes(),
                s.labels().classIndex(),
                s.labels().target(),
                List.copyOf(s.header()),
                true);
        return new Loaded(complete(meta, s), samples);
    }

    private static DatasetMeta complete(DatasetMeta meta, Series s) {
        return meta.with(s.labels().task(), s.labels().classes(), meta.options().withHorizon(s.horizon()));
    }

    private static Series series(DatasetMeta meta, byte[] content, DatasetLimits limits) {
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
        if ((long) count * window * features > MAX_VALUES) {
            throw new BadDatasetException(
                    "window",
                    count + " windows of " + window + " rows of " + features
                            + " values are too many values for a worker; give a smaller window");
        }
        List<String> targets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) targets.add(csv.rows().get(i + window - 1 + horizon)[label]);
        Task task = meta.task() != null ? meta.task() : Task.REGRESSION;
        Labels labels = Labels.of(targets, labelName, task, meta.classes(), i -> "row " + (i + window + horizon));
        return new Series(table, labels, count, window, horizon, header);
    }
}
