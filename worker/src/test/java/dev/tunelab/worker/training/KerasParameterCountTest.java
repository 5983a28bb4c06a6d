package dev.tunelab.worker.training;

import static dev.tunelab.worker.training.Specs.layer;
import static dev.tunelab.worker.training.Specs.linear;
import static dev.tunelab.worker.training.Specs.reluConv3x3;
import static dev.tunelab.worker.training.Specs.sigmoid;
import static dev.tunelab.worker.training.Specs.softmax;
import static dev.tunelab.worker.training.Specs.spec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.data.DatasetKind;
import dev.tunelab.core.data.Samples;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.study.Task;
import dev.tunelab.core.template.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The six Keras 3 fixtures of tools/keras/make_fixtures.py, written as resolved specs by hand:
 * DL4J's {@code numParams()} must equal Keras's {@code count_params()}. DL4J keeps BatchNorm's
 * running mean and variance as parameters as Keras does (4 per channel), an LSTM's four gates in
 * one matrix of the same size, and an EmbeddingSequenceLayer without bias, as Keras's Embedding.
 */
class KerasParameterCountTest {
    private static final Map<String, Object> L2 = Map.of("l1", 0.0, "l2", 1e-4);
    private static final Map<String, Object> L1L2 = Map.of("l1", 1e-5, "l2", 1e-4);

    enum Fixture {
        MLP_TABULAR(
                "mlp-tabular",
                DatasetKind.TABLE,
                spec(
                        List.of(4),
                        softmax(3),
                        "adam",
                        0.001,
                        32,
                        layer(
                                "Dense",
                                "units",
                                32,
                                "activation",
                                "relu",
                                "kernel_initializer",
                                "he_normal",
                                "kernel_regularizer",
                                L2),
                        layer("Dropout", "rate", 0.2),
                        layer("Dense", "units", 16, "activation", "tanh"),
                        layer("BatchNormalization", "momentum", 0.99, "epsilon", 0.001))),
        CNN_IMAGES(
                "cnn-images",
                DatasetKind.IMAGES,
                spec(
                        List.of(28, 28, 1),
                        softmax(10),
                        "adam",
                        0.001,
                        32,
                        reluConv3x3(32),
                        layer("MaxPooling2D", "pool_size", List.of(2, 2), "strides", List.of(2, 2), "padding", "valid"),
                        layer(
                                "Conv2D",
                                "filters",
                                64,
                                "kernel_size",
                                List.of(3, 3),
                                "strides",
                                List.of(1, 1),
                                "padding",
                                "valid",
                                "activation",
                                "elu",
                                "kernel_regularizer",
                                L1L2),
                        layer(
                                "AveragePooling2D",
                                "pool_size",
                                List.of(2, 2),
                                "strides",
                                List.of(2, 2),
                                "padding",
                                "valid"),
                        layer("BatchNormalization", "momentum", 0.99, "epsilon", 0.001),
                        layer("Flatten"),
                        layer("Dense", "units", 128, "activation", "gelu"),
                        layer("Dropout", "rate", 0.3))),
        CNN_GLOBAL_POOLING(
                "cnn-global-pooling",
                DatasetKind.IMAGES,
                spec(
                        List.of(28, 28, 1),
                        softmax(10),
                        "adam",
                        0.001,
                        32,
                        layer(
                                "Conv2D",
                                "filters",
                                16,
                                "kernel_size",
                                List.of(5, 5),
                                "strides",
                                List.of(2, 2),
                                "padding",
                                "valid",
                                "activation",
                                "selu",
                                "kernel_initializer",
                                "glorot_uniform"),
                        layer("Activation", "activation", "swish"),
                        layer("GlobalAveragePooling2D"))),
        LSTM_TEXT(
                "lstm-text",
                DatasetKind.TOKENS,
                spec(
                        List.of(100),
                        sigmoid(),
                        "adam",
                        0.001,
                        32,
                        layer("Embedding", "input_dim", 10000, "output_dim", 32),
                        layer(
                                "Bidirectional",
                                "merge_mode",
                                "concat",
                                "layer",
                                layer("LSTM", "units", 32, "return_sequences", true)),
                        layer("GlobalMaxPooling1D"))),
        RNN_SERIES(
                "rnn-series",
                DatasetKind.SEQUENCE,
                spec(
                        List.of(50, 1),
                        linear(),
                        "adam",
                        0.001,
                        32,
                        layer(
                                "Conv1D",
                                "filters",
                                16,
                                "kernel_size",
                                List.of(5),
                                "strides",
                                List.of(1),
                                "padding",
                                "valid",
                                "activation",
                                "relu"),
                        layer("MaxPooling1D", "pool_size", List.of(2), "strides", List.of(2), "padding", "valid"),
                        layer("AveragePooling1D", "pool_size", List.of(2), "strides", List.of(2), "padding", "valid"),
                        layer("SimpleRNN", "units", 16, "return_sequences", false),
                        layer("Dense", "units", 8, "activation", "leaky_relu"))),
        LSTM_SERIES_GLOBAL(
                "lstm-series-global",
                DatasetKind.TIMESERIES,
                spec(
                        List.of(50, 3),
                        linear(),
                        "adam",
                        0.001,
                        32,
                        layer("LSTM", "units", 24, "return_sequences", true),
                        layer("GlobalAveragePooling1D")));

        final String file;
        final DatasetKind kind;
        final ModelSpec spec;

        Fixture(String name, DatasetKind kind, ModelSpec spec) {
            this.file = name + ".keras3.json";
            this.kind = kind;
            this.spec = spec;
        }
    }

    private static JsonNode kerasCounts() throws IOException {
        // The worker's tests run in worker/; the fixtures live in core's test resources.
        Path counts = Path.of("..", "core", "src", "test", "resources", "keras", "parameter-counts.json");
        return Json.MAPPER.readTree(Files.readAllBytes(counts));
    }

    @ParameterizedTest
    @EnumSource(Fixture.class)
    void numParamsEqualsKerasAndAForwardPassHasTheOutputShape(Fixture f) throws IOException {
        MultiLayerNetwork net = NetworkFactory.build(f.spec, f.kind, f.spec.inputShape(), 1);
        assertEquals(kerasCounts().path(f.file).asLong(), net.numParams(), f.file);

        long[] shape = new long[f.spec.inputShape().size() + 1];
        shape[0] = 2;
        for (int i = 0; i < f.spec.inputShape().size(); i++)
            shape[i + 1] = f.spec.inputShape().get(i);
        float[][] x = new float[2][(int) (Nd4j.create(shape).length() / 2)];
        for (float[] row : x) for (int i = 0; i < row.length; i++) row[i] = (i * 7) % 13;
        Samples samples = new Samples(
                f.kind, Task.REGRESSION, f.spec.inputShape(), x, null, null, new double[2], List.of(), false);
        INDArray out = net.output(DataSets.features(samples, new int[] {0, 1}), false);
        assertArrayEquals(new long[] {2, f.spec.output().units()}, out.shape());
    }
}
