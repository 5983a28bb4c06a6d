package dev.tunelab.worker.training;

import dev.tunelab.core.data.DatasetKind;
import org.deeplearning4j.datasets.iterator.ExistingDataSetIterator;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.ImagePreProcessingScaler;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

/**
 * The input normalization for a kind of data, fitted on the training rows only so no validation or
 * test statistics leak into training: tables, sequences and time series are standardized per
 * feature (over samples and, for 3-D arrays, time steps); images are scaled from 0..255 to [0, 1];
 * token ids are left alone. All are DL4J classes that {@code NormalizerSerializer} writes into the
 * model zip, so a restored model is fed exactly what it was trained on.
 */
final class Normalizers {

    private Normalizers() {}

    /** The fitted normalizer, or null for token ids. */
    static DataNormalization fit(DatasetKind kind, Iterable<DataSet> train) {
        DataNormalization n = switch (kind) {
            case TABLE, SEQUENCE, TIMESERIES -> new NormalizerStandardize();
            case IMAGES -> new ImagePreProcessingScaler(0, 1);
            case TOKENS -> null;
        };
        if (n != null) n.fit(new ExistingDataSetIterator(train));
        return n;
    }
}
