package dev.tunelab.worker.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.tunelab.core.data.DatasetKind;
import dev.tunelab.core.data.Samples;
import dev.tunelab.core.study.Task;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;

/** Minibatches scaled while copied must hold the very floats DL4J's normalizer would produce. */
class InputScalingTest {

    @ParameterizedTest
    @EnumSource(
            value = DatasetKind.class,
            names = {"TABLE", "IMAGES", "SEQUENCE", "TIMESERIES"})
    void chunksMatchTheNormalizersOwnPreProcessBitForBit(DatasetKind kind) {
        Samples data = samples(kind, new Random(7));
        Head head = new Head(Task.CLASSIFICATION, 3, "categorical_crossentropy");
        int[] rows = IntStream.range(0, data.size()).toArray();
        DataNormalization normalizer = Normalizers.fit(kind, DataSets.chunks(data, rows, head, 17, null));
        assertNotNull(InputScaling.of(normalizer), "the fast path must cover " + kind);

        int[] some = {5, 0, 31, 12, 12, 40};
        DataSet expected = DataSets.of(data, some, head);
        normalizer.preProcess(expected);
        DataSet actual = DataSets.chunks(data, some, head, some.length, normalizer)
                .iterator()
                .next();

        assertArrayEquals(expected.getFeatures().shape(), actual.getFeatures().shape());
        assertArrayEquals(
                expected.getFeatures().dup('c').data().asFloat(),
                actual.getFeatures().dup('c').data().asFloat());
        assertArrayEquals(
                expected.getLabels().dup('c').data().asFloat(),
                actual.getLabels().dup('c').data().asFloat());
    }

    private static Samples samples(DatasetKind kind, Random rnd) {
        List<Integer> shape = switch (kind) {
            case TABLE -> List.of(5);
            case IMAGES -> List.of(4, 3, 2);
            default -> List.of(6, 3);
        };
        int size = shape.stream().mapToInt(Integer::intValue).reduce(1, (a, b) -> a * b);
        int n = 48;
        float[][] x = new float[n][size];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < size; j++) {
                x[i][j] = kind == DatasetKind.IMAGES
                        ? rnd.nextInt(256)
                        : (float) (rnd.nextGaussian() * (j + 1) * 3.7 + j);
            }
            y[i] = i % 3;
        }
        return new Samples(
                kind,
                Task.CLASSIFICATION,
                shape,
                x,
                List.of("a", "b", "c"),
                y,
                null,
                List.of(),
                kind == DatasetKind.TIMESERIES);
    }
}
