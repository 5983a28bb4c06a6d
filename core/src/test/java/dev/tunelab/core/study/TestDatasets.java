package dev.tunelab.core.study;

import dev.tunelab.core.data.DatasetKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Dataset facts of each kind TuneLab tunes, for parser and template tests. */
public final class TestDatasets {
    public static final DatasetFacts IRIS = new DatasetFacts(Task.CLASSIFICATION, 4, 3);
    public static final DatasetFacts IMAGES =
            new DatasetFacts(Task.CLASSIFICATION, 784, 10, DatasetKind.IMAGES, List.of(28, 28, 1), 0);
    public static final DatasetFacts TOKENS =
            new DatasetFacts(Task.CLASSIFICATION, 100, 2, DatasetKind.TOKENS, List.of(100), 10_000);
    public static final DatasetFacts SERIES =
            new DatasetFacts(Task.REGRESSION, 150, 0, DatasetKind.TIMESERIES, List.of(50, 3), 0);
    public static final DatasetFacts SEQUENCE =
            new DatasetFacts(Task.REGRESSION, 50, 0, DatasetKind.SEQUENCE, List.of(50, 1), 0);

    /** Images of another size, to refuse as a test set for {@link #IMAGES}. */
    public static final DatasetFacts SMALL_IMAGES =
            new DatasetFacts(Task.CLASSIFICATION, 256, 10, DatasetKind.IMAGES, List.of(16, 16, 1), 0);

    private static final Map<String, DatasetFacts> BY_ID = Map.of(
            "iris",
            IRIS,
            "images",
            IMAGES,
            "images-test",
            IMAGES,
            "small-images",
            SMALL_IMAGES,
            "tokens",
            TOKENS,
            "series",
            SERIES,
            "sequence",
            SEQUENCE);

    private TestDatasets() {}

    /** A parser that knows every dataset above by id. */
    public static StudyParser parser() {
        return new StudyParser(id -> Optional.ofNullable(BY_ID.get(id)), () -> 7);
    }
}
