package dev.tunelab.worker.training;

import dev.tunelab.core.data.DatasetKind;
import dev.tunelab.core.data.Samples;
import dev.tunelab.core.study.Task;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns rows of {@link Samples} (Keras's channels-last layout) into the arrays DL4J's layers take:
 * a table as {@code [N, F]}, images as {@code [N, C, H, W]} (NCHW), token ids as {@code [N, 1, T]},
 * sequences and time series as {@code [N, F, T]}. Everything is FLOAT, the networks' data type, so
 * training and a later re-evaluation of a saved model feed identical numbers to it.
 */
public final class DataSets {

    private DataSets() {}

    /** The network input for one sample of {@code kind} with Keras shape {@code shape}. */
    public static InputType inputType(DatasetKind kind, List<Integer> shape) {
        return switch (kind) {
            case TABLE -> InputType.feedForward(shape.get(0));
            case IMAGES -> InputType.convolutional(shape.get(0), shape.get(1), shape.get(2));
            case TOKENS -> InputType.recurrent(1, shape.get(0));
            case SEQUENCE, TIMESERIES -> InputType.recurrent(shape.get(1), shape.get(0));
        };
    }

    /** Features of the given rows (row order kept), not normalized. */
    public static INDArray features(Samples data, int[] rows) {
        return features(data, rows, null);
    }

    /**
     * Features of the given rows (row order kept), scaled on the way when {@code scaling} is not
     * null.
     */
    static INDArray features(Samples data, int[] rows, InputScaling scaling) {
        List<Integer> s = data.shape();
        int n = rows.length;
        int size = data.x()[0].length;
        float[] flat = new float[n * size];
        for (int i = 0; i < n; i++) {
            float[] x = data.x()[rows[i]];
            int base = i * size;
            switch (data.kind()) {
                case TABLE, TOKENS -> {
                    if (scaling == null) {
                        System.arraycopy(x, 0, flat, base, size);
                    } else {
                        for (int j = 0; j < size; j++) flat[base + j] = scaling.apply(x[j], j);
                    }
                }
                case IMAGES -> {
                    // [H, W, C] pixel by pixel -> [C, H, W] plane by plane.
                    int h = s.get(0);
                    int w = s.get(1);
                    int c = s.get(2);
                    for (int p = 0; p < h * w; p++) {
                        for (int ch = 0; ch < c; ch++) {
                            float v = x[p * c + ch];
                            flat[base + ch * h * w + p] = scaling == null ? v : scaling.apply(v, 0);
                        }
                    }
                }
                case SEQUENCE, TIMESERIES -> {
                    // [T, F] step by step -> [F, T] feature by feature.
                    int t = s.get(0);
                    int f = s.get(1);
                    for (int step = 0; step < t; step++) {
                        for (int feature = 0; feature < f; feature++) {
                            float v = x[step * f + feature];
                            flat[base + feature * t + step] = scaling == null ? v : scaling.apply(v, feature);
                        }
                    }
                }
                default -> throw new IllegalStateException("unhandled kind " + data.kind());
            }
        }
        return Nd4j.create(flat, shape(data.kind(), s, n), 'c');
    }

    private static long[] shape(DatasetKind kind, List<Integer> s, int n) {
        return switch (kind) {
            case TABLE -> new long[] {n, s.get(0)};
            case IMAGES -> new long[] {n, s.get(2), s.get(0), s.get(1)};
            case TOKENS -> new long[] {n, 1, s.get(0)};
            case SEQUENCE, TIMESERIES -> new long[] {n, s.get(1), s.get(0)};
        };
    }

    /**
     * Labels of the given rows: one-hot {@code [N, K]} for classification, the class index as {@code
     * [N, 1]} when the head is one sigmoid unit, the target as {@code [N, 1]} for regression.
     */
    public static INDArray labels(Samples data, int[] rows, Head head) {
        int n = rows.length;
        if (data.task() == Task.REGRESSION) {
            float[] y = new float[n];
            for (int i = 0; i < n; i++) y[i] = (float) data.target()[rows[i]];
            return Nd4j.create(y, new long[] {n, 1}, 'c');
        }
        if (head.units() == 1) {
            float[] y = new float[n];
            for (int i = 0; i < n; i++) y[i] = data.classIndex()[rows[i]];
            return Nd4j.create(y, new long[] {n, 1}, 'c');
        }
        // One-hot built in Java: one array creation instead of a native call per row.
        int k = head.units();
        float[] y = new float[n * k];
        for (int i = 0; i < n; i++) y[i * k + data.classIndex()[rows[i]]] = 1f;
        return Nd4j.create(y, new long[] {n, k}, 'c');
    }

    public static DataSet of(Samples data, int[] rows, Head head) {
        return new DataSet(features(data, rows), labels(data, rows, head));
    }

    private static DataSet of(Samples data, int[] rows, Head head, InputScaling scaling) {
        return new DataSet(features(data, rows, scaling), labels(data, rows, head));
    }

    /**
     * The given rows in consecutive chunks of at most {@code size}, each built when reached and
     * normalized by {@code normalizer} (when not null), so a large split is never one array.
     */
    public static Iterable<DataSet> chunks(
            Samples data, int[] rows, Head head, int size, DataNormalization normalizer) {
        InputScaling scaling = InputScaling.of(normalizer);
        // Only a normalizer this class cannot reproduce runs as ND4J ops on each chunk.
        DataNormalization fallback = scaling == null ? normalizer : null;
        return () -> new Iterator<>() {
            int from;

            @Override
            public boolean hasNext() {
                return from < rows.length;
            }

            @Override
            public DataSet next() {
                if (!hasNext()) throw new NoSuchElementException();
                int to = Math.min(rows.length, from + size);
                DataSet ds = of(data, Arrays.copyOfRange(rows, from, to), head, scaling);
                from = to;
                if (fallback != null) fallback.preProcess(ds);
                return ds;
            }
        };
    }
}
