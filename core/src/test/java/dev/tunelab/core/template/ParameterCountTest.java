package dev.tunelab.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.study.DatasetFacts;
import dev.tunelab.core.study.TestDatasets;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The six models of tools/keras/make_fixtures.py written as native templates (the last Dense is the
 * output layer the dataset implies), counted by shape inference and compared with the counts real
 * Keras wrote next to the fixtures.
 */
class ParameterCountTest {

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("mlp-tabular.keras3.json", TestDatasets.IRIS, """
            {"layers": [
              {"type": "Dense", "units": 32, "activation": "relu", "kernel_initializer": "he_normal", "kernel_regularizer": {"l2": 0.0001}},
              {"type": "Dropout", "rate": 0.2},
              {"type": "Dense", "units": 16, "activation": "tanh"},
              {"type": "BatchNormalization"}]}
            """),
                Arguments.of("cnn-images.keras3.json", TestDatasets.IMAGES, """
            {"layers": [
              {"type": "Conv2D", "filters": 32, "kernel_size": 3, "padding": "same", "activation": "relu"},
              {"type": "MaxPooling2D", "pool_size": 2},
              {"type": "Conv2D", "filters": 64, "kernel_size": [3, 3], "activation": "elu", "kernel_regularizer": {"l1": 1e-5, "l2": 1e-4}},
              {"type": "AveragePooling2D", "pool_size": 2},
              {"type": "BatchNormalization"},
              {"type": "Flatten"},
              {"type": "Dense", "units": 128, "activation": "gelu"},
              {"type": "Dropout", "rate": 0.3}]}
            """),
                Arguments.of("cnn-global-pooling.keras3.json", TestDatasets.IMAGES, """
            {"layers": [
              {"type": "Conv2D", "filters": 16, "kernel_size": 5, "strides": 2, "activation": "selu", "kernel_initializer": "glorot_uniform"},
              {"type": "Activation", "activation": "swish"},
              {"type": "GlobalAveragePooling2D"}]}
            """),
                Arguments.of("lstm-text.keras3.json", TestDatasets.TOKENS, """
            {"layers": [
              {"type": "Embedding", "input_dim": 10000, "output_dim": 32},
              {"type": "Bidirectional", "layer": {"type": "LSTM", "units": 32, "return_sequences": true}},
              {"type": "GlobalMaxPooling1D"}],
             "output": {"activation": "sigmoid"}}
            """),
                Arguments.of("rnn-series.keras3.json", TestDatasets.SEQUENCE, """
            {"layers": [
              {"type": "Conv1D", "filters": 16, "kernel_size": 5, "activation": "relu"},
              {"type": "MaxPooling1D", "pool_size": 2},
              {"type": "AveragePooling1D", "pool_size": 2},
              {"type": "SimpleRNN", "units": 16},
              {"type": "Dense", "units": 8, "activation": "leaky_relu"}]}
            """),
                Arguments.of("lstm-series-global.keras3.json", TestDatasets.SERIES, """
            {"layers": [
              {"type": "LSTM", "units": 24, "return_sequences": true},
              {"type": "GlobalAveragePooling1D"}]}
            """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void countsAsKerasDoes(String fixture, DatasetFacts facts, String template) throws Exception {
        JsonNode t = Json.MAPPER.readTree(template);
        List<dev.tunelab.core.study.Violation> violations =
                TemplateChecker.check(t, new dev.tunelab.core.space.SearchSpace(Map.of()), facts, "$.template");
        assertEquals(List.of(), violations);
        Architecture.Built built = Architecture.build(t, Map.of(), facts);
        assertTrue(built.valid(), built.invalidPath() + ": " + built.invalidReason());
        assertEquals(kerasCounts().get(fixture).longValue(), built.spec().paramCount(), fixture);
        assertEquals(facts.inputShape(), built.spec().inputShape());
    }

    private static Map<String, Long> kerasCounts() throws Exception {
        try (InputStream in = ParameterCountTest.class.getResourceAsStream("/keras/parameter-counts.json")) {
            return Json.MAPPER.readValue(in, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Long>>() {});
        }
    }
}
