package dev.tunelab.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.study.TestDatasets;
import dev.tunelab.core.study.Violation;
import dev.tunelab.core.template.keras.KerasImport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SpatialDropout2D, the layer added to prove that a layer is one catalog entry, one DL4J mapping
 * and one Keras class: checked, counted as Keras counts it, and imported from Keras JSON.
 */
class SpatialDropout2DTest {
    private static final SearchSpace NONE = new SearchSpace(Map.of());
    private static final String CNN = """
      {"layers": [
        {"type": "Conv2D", "filters": 8, "kernel_size": 3, "activation": "relu"},
        {"type": "SpatialDropout2D", "rate": 0.25},
        {"type": "Flatten"}]}
      """;

    @Test
    void countsAsKerasCountsIt() throws Exception {
        JsonNode t = Json.MAPPER.readTree(CNN);
        assertEquals(List.of(), TemplateChecker.check(t, NONE, TestDatasets.IMAGES, "$.template"));
        Architecture.Built built = Architecture.build(t, Map.of(), TestDatasets.IMAGES);
        assertTrue(built.valid(), built.invalidPath() + ": " + built.invalidReason());
        // Keras's model.count_params() for Input((28, 28, 1)), Conv2D(8, 3), SpatialDropout2D(0.25),
        // Flatten(), Dense(10): Conv2D 3*3*1*8 + 8 = 80; SpatialDropout2D has no weights (0); the
        // Dense output on 26*26*8 = 5408 values 5408*10 + 10 = 54090; in all 54170.
        assertEquals(54_170, built.spec().paramCount());
        assertEquals(
                new ModelSpec.Layer("SpatialDropout2D", Map.of("rate", 0.25)),
                built.spec().layers().get(1));
    }

    @Test
    void needsAnImage() throws Exception {
        JsonNode t = Json.MAPPER.readTree("{\"layers\": [{\"type\": \"SpatialDropout2D\", \"rate\": 0.1}]}");
        Architecture.Built built = Architecture.build(t, Map.of(), TestDatasets.IRIS);
        assertFalse(built.valid());
        assertEquals("$.template.layers[0]", built.invalidPath());
        assertEquals("SpatialDropout2D needs an image [height, width, channels], but gets [4]", built.invalidReason());
    }

    @Test
    void itsRateIsARate() throws Exception {
        JsonNode t = Json.MAPPER.readTree(
                "{\"layers\": [{\"type\": \"SpatialDropout2D\", \"rate\": 1.0}, {\"type\": \"Flatten\"}]}");
        assertEquals(
                List.of(new Violation("$.template.layers[0].rate", "must be a number in [0, 1), got 1.0")),
                TemplateChecker.check(t, NONE, TestDatasets.IMAGES, "$.template"));
        JsonNode missing =
                Json.MAPPER.readTree("{\"layers\": [{\"type\": \"SpatialDropout2D\"}, {\"type\": \"Flatten\"}]}");
        assertEquals(
                List.of(new Violation("$.template.layers[0].rate", "is required for SpatialDropout2D")),
                TemplateChecker.check(missing, NONE, TestDatasets.IMAGES, "$.template"));
    }

    @Test
    void isImportedFromKerasJson() throws Exception {
        // As Keras 3's model.to_json() writes SpatialDropout2D (Keras 2 adds "noise_shape": null).
        ObjectNode template = (ObjectNode) Json.MAPPER.readTree("""
        {"keras": {"class_name": "Sequential", "config": {"name": "s", "layers": [
          {"class_name": "InputLayer", "config": {"batch_shape": [null, 28, 28, 1], "dtype": "float32", "name": "in"}},
          {"class_name": "Conv2D", "config": {"name": "c", "filters": 8, "kernel_size": [3, 3], "strides": [1, 1],
             "padding": "valid", "data_format": "channels_last", "activation": "relu", "use_bias": true}},
          {"class_name": "SpatialDropout2D", "config": {"name": "sd", "trainable": true, "dtype": "float32",
             "rate": 0.25, "seed": null, "noise_shape": null, "data_format": "channels_last"}},
          {"class_name": "Flatten", "config": {"name": "f"}},
          {"class_name": "Dense", "config": {"name": "out", "units": 10, "activation": "softmax"}}]}}}
        """);
        List<Violation> out = new ArrayList<>();
        ObjectNode nativeTemplate = KerasImport.toNative(template, TestDatasets.IMAGES, "$.template", out);
        assertEquals(List.of(), out);
        assertEquals(Json.MAPPER.readTree("""
        {"type": "SpatialDropout2D", "rate": 0.25, "$path": "$.template.keras.config.layers[2].config"}
        """), nativeTemplate.get("layers").get(1));
        assertEquals(List.of(), TemplateChecker.check(nativeTemplate, NONE, TestDatasets.IMAGES, "$.template"));
        assertEquals(
                54_170,
                Architecture.build(nativeTemplate, Map.of(), TestDatasets.IMAGES)
                        .spec()
                        .paramCount());
    }
}
