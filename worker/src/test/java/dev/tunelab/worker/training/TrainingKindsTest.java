package dev.tunelab.worker.training;

import static dev.tunelab.worker.training.Specs.layer;
import static dev.tunelab.worker.training.Specs.reluConv3x3;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.data.DatasetKind;
import dev.tunelab.core.data.Samples;
import dev.tunelab.core.study.Task;
import dev.tunelab.core.template.ModelSpec;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Small seeded toy problems that each kind of network must learn within a few epochs. */
class TrainingKindsTest {

    private static TrainingResult train(ModelSpec model, Samples data, int epochs, String objective) {
        return new TrialTrainer()
                .train(TrialTrainerTest.command(model, epochs, objective, 0), data, (e, m) -> {}, () -> false);
    }

    private static Samples samples(DatasetKind kind, List<Integer> shape, float[][] x, int[] y) {
        return new Samples(
                kind,
                Task.CLASSIFICATION,
                shape,
                x,
                List.of("a", "b"),
                y,
                null,
                List.of(),
                kind == DatasetKind.TIMESERIES);
    }

    @Test
    void aTinyCnnTellsBrightTopFromBrightBottomInRandomImages() {
        Random rnd = new Random(1);
        int n = 200;
        float[][] x = new float[n][64];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int p = 0; p < 64; p++) {
                boolean top = p < 32;
                x[i][p] = rnd.nextInt(120) + ((top == (y[i] == 0)) ? 100 : 0); // 0..255 like pixels
            }
        }
        ModelSpec cnn = Specs.spec(
                List.of(8, 8, 1),
                Specs.softmax(2),
                "adam",
                0.01,
                16,
                reluConv3x3(4),
                layer("MaxPooling2D", "pool_size", List.of(2, 2), "strides", List.of(2, 2), "padding", "valid"),
                layer("Flatten"));
        TrainingResult r = train(cnn, samples(DatasetKind.IMAGES, List.of(8, 8, 1), x, y), 8, "val_accuracy");
        assertTrue(r.objective() >= 0.9, "val_accuracy " + r.objective());
        assertTrue(r.finalMetrics().containsKey("val_auc"), "two softmax classes are binary");
    }

    @Test
    void anLstmWithOneSigmoidUnitLearnsTheSignOfASequencesMean() {
        Random rnd = new Random(2);
        int n = 300;
        int t = 10;
        float[][] x = new float[n][t];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double shift = rnd.nextBoolean() ? 0.5 : -0.5;
            double sum = 0;
            for (int s = 0; s < t; s++) {
                x[i][s] = (float) (shift + rnd.nextGaussian() * 0.5);
                sum += x[i][s];
            }
            y[i] = sum > 0 ? 1 : 0;
        }
        ModelSpec lstm = Specs.spec(
                List.of(t, 1),
                Specs.sigmoid(),
                "adam",
                0.02,
                16,
                layer(
                        "LSTM",
                        "units",
                        8,
                        "activation",
                        "tanh",
                        "recurrent_activation",
                        "sigmoid",
                        "return_sequences",
                        false));
        TrainingResult r = train(lstm, samples(DatasetKind.SEQUENCE, List.of(t, 1), x, y), 10, "val_auc");
        assertTrue(
                r.finalMetrics().get("val_accuracy") >= 0.85, r.finalMetrics().toString());
        assertTrue(r.objective() >= 0.9, "val_auc " + r.objective());
    }

    @ParameterizedTest(name = "return_sequences={0}")
    @ValueSource(booleans = {true, false})
    void anEmbeddingWithABidirectionalLstmFindsAToken(boolean sequences) {
        Random rnd = new Random(3);
        int n = 300;
        int t = 6;
        float[][] x = new float[n][t];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int s = 0; s < t; s++) x[i][s] = 1 + rnd.nextInt(6); // tokens 1..6; 0 is padding
            if (y[i] == 1) x[i][rnd.nextInt(t)] = 7;
        }
        {
            ModelSpec.Layer bidi = layer(
                    "Bidirectional",
                    "merge_mode",
                    "concat",
                    "layer",
                    layer("LSTM", "units", 8, "return_sequences", sequences));
            ModelSpec model = sequences
                    ? Specs.spec(
                            List.of(t),
                            Specs.softmax(2),
                            "adam",
                            0.02,
                            16,
                            layer("Embedding", "input_dim", 8, "output_dim", 4),
                            bidi,
                            layer("GlobalMaxPooling1D"))
                    : Specs.spec(
                            List.of(t),
                            Specs.softmax(2),
                            "adam",
                            0.02,
                            16,
                            layer("Embedding", "input_dim", 8, "output_dim", 4),
                            bidi);
            TrainingResult r = train(model, samples(DatasetKind.TOKENS, List.of(t), x, y), 12, "val_accuracy");
            assertTrue(r.objective() >= 0.9, "return_sequences=" + sequences + ": val_accuracy " + r.objective());
        }
    }

    @Test
    void aTimeSeriesIsSplitFromTheEndInOrder() {
        int n = 50;
        float[][] x = new float[n][6];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 6; k++) x[i][k] = (float) Math.sin(i + k);
            y[i] = x[i][5] > 0 ? 1 : 0;
        }
        ModelSpec rnn = Specs.spec(
                List.of(3, 2),
                Specs.softmax(2),
                "adam",
                0.01,
                8,
                layer("SimpleRNN", "units", 4, "return_sequences", true),
                layer("GlobalAveragePooling1D"));
        TrainingResult r = new TrialTrainer()
                .train(
                        TrialTrainerTest.command(rnn, 1, "val_loss", 0.2),
                        samples(DatasetKind.TIMESERIES, List.of(3, 2), x, y),
                        (e, m) -> {},
                        () -> false);
        assertArrayEquals(IntStream.range(40, 50).toArray(), r.card().split().testRows());
        assertArrayEquals(IntStream.range(32, 40).toArray(), r.card().split().validationRows());
        assertEquals(true, r.card().split().ordered());
    }
}
