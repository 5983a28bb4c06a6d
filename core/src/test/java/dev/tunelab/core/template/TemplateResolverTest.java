package dev.tunelab.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.study.TestDatasets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resolver fills every Keras default, so a worker finds each argument it reads. */
class TemplateResolverTest {

    static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void everyDefaultIsFilledWithSizesOfTheLayersRank() throws Exception {
        ModelSpec m = TemplateResolver.resolve(json("""
        {"layers": [{"type": "Conv2D", "filters": 8, "kernel_size": 3, "kernel_regularizer": "l2"},
                    {"type": "MaxPooling2D", "pool_size": [3, 2]},
                    {"type": "BatchNormalization"},
                    {"type": "GlobalAveragePooling2D"}],
         "optimizer": "sgd"}
        """), Map.of(), TestDatasets.IMAGES);
        ModelSpec.Layer conv = m.layers().get(0);
        assertEquals(
                Map.of(
                        "filters",
                        8,
                        "kernel_size",
                        List.of(3, 3),
                        "strides",
                        List.of(1, 1),
                        "padding",
                        "valid",
                        "activation",
                        "linear",
                        "use_bias",
                        true,
                        "kernel_initializer",
                        "glorot_uniform",
                        "kernel_regularizer",
                        new ModelSpec.Regularizer(0, 0.01)),
                conv.args());
        assertEquals(new ModelSpec.Regularizer(0, 0.01), conv.regularizer());
        assertEquals(
                Map.of("pool_size", List.of(3, 2), "strides", List.of(3, 2), "padding", "valid"),
                m.layers().get(1).args(),
                "pooling strides default to the pool size, as in Keras");
        assertEquals(
                Map.of("momentum", 0.99, "epsilon", 0.001), m.layers().get(2).args());
        assertEquals(Map.of(), m.layers().get(3).args());
        assertEquals(Map.of("momentum", 0.0, "nesterov", false), m.optimizerArgs());
        assertEquals(new ModelSpec.Output(10, "softmax", "categorical_crossentropy"), m.output());
        assertEquals(m, Json.read(Json.write(m), ModelSpec.class), "what the worker reads is what was written");
    }

    @Test
    void recurrentTextModelsGetTheirVocabularyAndABinaryOutput() throws Exception {
        ModelSpec m = TemplateResolver.resolve(json("""
        {"layers": [{"type": "Embedding", "output_dim": {"param": "e"}},
                    {"type": "Bidirectional", "layer": {"type": "LSTM", "units": 16, "kernel_regularizer": {"l1": 0.001}}},
                    {"type": "Dense", "units": 4}],
         "optimizer": "adamw", "output": {"activation": "sigmoid"},
         "learning_rate_schedule": {"type": "cosine", "decay_steps": {"param": "d"}, "alpha": 0.1}}
        """), Map.of("e", 12, "d", 20), TestDatasets.TOKENS);
        assertEquals(
                Map.of("input_dim", 10_000, "output_dim", 12), m.layers().get(0).args());
        ModelSpec.Layer bi = m.layers().get(1);
        assertEquals("concat", bi.text("merge_mode"));
        assertEquals(
                new ModelSpec.Layer(
                        "LSTM",
                        Map.of(
                                "units",
                                16,
                                "activation",
                                "tanh",
                                "recurrent_activation",
                                "sigmoid",
                                "return_sequences",
                                false,
                                "use_bias",
                                true,
                                "kernel_initializer",
                                "glorot_uniform",
                                "kernel_regularizer",
                                new ModelSpec.Regularizer(0.001, 0))),
                bi.inner());
        assertEquals(Map.of("weight_decay", 0.004), m.optimizerArgs());
        assertEquals(new ModelSpec.Schedule("cosine", 1.0, 20, 0.1), m.schedule());
        assertEquals(new ModelSpec.Output(1, "sigmoid", "binary_crossentropy"), m.output());
        assertEquals(m, Json.read(Json.write(m), ModelSpec.class));
    }

    @Test
    void settingsOfOtherOptimizersAndInactiveParametersFallBackToDefaults() throws Exception {
        JsonNode t = json("""
        {"layers": [{"type": "Dense", "units": 4}], "optimizer": {"param": "o"},
         "momentum": {"param": "m"}, "nesterov": true,
         "learning_rate_schedule": {"type": "step", "decay_rate": 0.5, "decay_steps": 10}}
        """);
        ModelSpec sgd = TemplateResolver.resolve(t, Map.of("o", "sgd", "m", 0.9), TestDatasets.SERIES);
        assertEquals(Map.of("momentum", 0.9, "nesterov", true), sgd.optimizerArgs());
        assertEquals(new ModelSpec.Schedule("step", 0.5, 10, 0.0), sgd.schedule());
        assertEquals(new ModelSpec.Output(1, "linear", "mse"), sgd.output());
        ModelSpec adam = TemplateResolver.resolve(t, Map.of("o", "adam"), TestDatasets.SERIES);
        assertEquals(Map.of(), adam.optimizerArgs());
        assertNull(TemplateResolver.resolve(json("{\"layers\": []}"), Map.of(), TestDatasets.IRIS)
                .schedule());
    }

    @Test
    void aRepeatWithAnInactiveCountAddsNothing() throws Exception {
        JsonNode t = json("""
        {"layers": [{"type": "Dense", "units": 4},
                    {"type": "Repeat", "times": {"param": "n"}, "layers": [{"type": "Dense", "units": {"param": "u"}}]}]}
        """);
        assertEquals(
                1,
                TemplateResolver.resolve(t, Map.of(), TestDatasets.IRIS)
                        .layers()
                        .size());
        assertEquals(
                1,
                TemplateResolver.resolve(t, Map.of("n", 0), TestDatasets.IRIS)
                        .layers()
                        .size());
        assertEquals(
                List.of(4, 5, 6),
                TemplateResolver.resolve(t, Map.of("n", 3, "u_0", 4, "u_1", 5, "u_2", 6), TestDatasets.IRIS)
                        .layers()
                        .stream()
                        .skip(1)
                        .map(l -> l.intArg("units"))
                        .toList());
    }
}
