package dev.tunelab.core.template.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.study.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KerasImportTest {

    private static ObjectNode convert(JsonNode template, KerasFixtures f) {
        List<Violation> out = new ArrayList<>();
        ObjectNode result = KerasImport.toNative(template, f.facts, "$.template", out);
        assertEquals(List.of(), out, "violations");
        return result;
    }

    @ParameterizedTest
    @EnumSource(KerasFixtures.class)
    void keras3FixtureBecomesTheExpectedNativeTemplate(KerasFixtures f) {
        ObjectNode result = convert(KerasFixtures.template(f.model(3)), f);
        assertEquals(normalized(f.expected()), normalized(result), f.file(3));
        assertPathsPointIntoTheKerasJson(result, KerasFixtures.template(f.model(3)));
    }

    @ParameterizedTest
    @EnumSource(KerasFixtures.class)
    void keras2FixtureBecomesTheSameNativeTemplate(KerasFixtures f) {
        ObjectNode result = convert(KerasFixtures.template(f.model(2)), f);
        assertEquals(normalized(f.expected()), normalized(result), f.file(2));
        assertPathsPointIntoTheKerasJson(result, KerasFixtures.template(f.model(2)));
    }

    @ParameterizedTest
    @EnumSource(KerasFixtures.class)
    void theStringToJsonReturnedConvertsLikeTheObject(KerasFixtures f) {
        for (int version : new int[] {2, 3}) {
            ObjectNode model = f.model(version);
            ObjectNode fromString = convert(KerasFixtures.template(TextNode.valueOf(model.toString())), f);
            assertEquals(convert(KerasFixtures.template(model), f), fromString, f.file(version));
        }
    }

    @Test
    void eachLayerCarriesThePathOfItsKerasConfig() {
        ObjectNode result = convert(KerasFixtures.template(KerasFixtures.LSTM_TEXT.model(3)), KerasFixtures.LSTM_TEXT);
        JsonNode layers = result.get("layers");
        assertEquals(
                "$.template.keras.config.layers[1].config",
                layers.get(0).get("$path").asText());
        assertEquals(
                "$.template.keras.config.layers[2].config",
                layers.get(1).get("$path").asText());
        assertEquals(
                "$.template.keras.config.layers[2].config.layer.config",
                layers.get(1).get("layer").get("$path").asText());
        // Keras 2.2 files have no InputLayer, so the first layer is at index 0.
        ObjectNode old = convert(KerasFixtures.template(KerasFixtures.MLP_TABULAR.model(2)), KerasFixtures.MLP_TABULAR);
        assertEquals(
                "$.template.keras.config.layers[0].config",
                old.get("layers").get(0).get("$path").asText());
    }

    @Test
    void parameterReferencesInsideTheKerasJsonSurvive() {
        ObjectNode model = KerasFixtures.CNN_IMAGES.model(3);
        JsonNode layers = model.get("config").get("layers");
        ObjectNode conv = (ObjectNode) layers.get(1).get("config");
        conv.set("filters", ref("filters"));
        conv.set("activation", ref("act"));
        conv.set("kernel_size", ref("kernel"));
        ObjectNode regularized = (ObjectNode) layers.get(3).get("config");
        ((ObjectNode) regularized.get("kernel_regularizer").get("config")).set("l2", ref("wd"));
        ((ObjectNode) layers.get(5).get("config")).set("momentum", ref("bn_momentum"));
        ((ObjectNode) layers.get(8).get("config")).set("rate", ref("dropout"));
        ((ObjectNode) layers.get(9).get("config")).set("activation", ref("out_act"));

        ObjectNode result = convert(KerasFixtures.template(model), KerasFixtures.CNN_IMAGES);
        JsonNode out = result.get("layers");
        assertEquals(ref("filters"), out.get(0).get("filters"));
        assertEquals(ref("act"), out.get(0).get("activation"));
        assertEquals(ref("kernel"), out.get(0).get("kernel_size"));
        assertEquals(ref("wd"), out.get(2).get("kernel_regularizer").get("l2"));
        assertEquals(ref("bn_momentum"), out.get(4).get("momentum"));
        assertEquals(ref("dropout"), out.get(7).get("rate"));
        assertEquals(ref("out_act"), result.get("output").get("activation"));
    }

    @Test
    void aWholeValueMayBeAReferenceToo() {
        ObjectNode model = KerasFixtures.MLP_TABULAR.model(3);
        ObjectNode dense = (ObjectNode) model.get("config").get("layers").get(1).get("config");
        dense.set("kernel_initializer", ref("init"));
        dense.set("kernel_regularizer", ref("reg"));
        JsonNode layer = convert(KerasFixtures.template(model), KerasFixtures.MLP_TABULAR)
                .get("layers")
                .get(0);
        assertEquals(ref("init"), layer.get("kernel_initializer"));
        assertEquals(ref("reg"), layer.get("kernel_regularizer"));
    }

    @Test
    void nativeSettingsBesideKerasAreCopied() {
        ObjectNode template = KerasFixtures.template(KerasFixtures.RNN_SERIES.model(3));
        template.put("optimizer", "sgd");
        template.set("learning_rate", ref("lr"));
        template.put("batch_size", 64);
        template.put("momentum", 0.9);
        template.putObject("output").put("loss", "mae");
        ObjectNode result = convert(template, KerasFixtures.RNN_SERIES);
        assertEquals("sgd", result.get("optimizer").asText());
        assertEquals(ref("lr"), result.get("learning_rate"));
        assertEquals(64, result.get("batch_size").asInt());
        assertEquals(0.9, result.get("momentum").asDouble());
        assertEquals(
                Json.MAPPER.createObjectNode().put("activation", "linear").put("loss", "mae"), result.get("output"));
        assertTrue(!result.has("keras"));
    }

    @Test
    void unknownDatasetSkipsShapeAndUnitChecks() {
        List<Violation> out = new ArrayList<>();
        KerasImport.toNative(KerasFixtures.template(KerasFixtures.CNN_IMAGES.model(3)), null, "$.template", out);
        assertEquals(List.of(), out);
    }

    static ObjectNode ref(String name) {
        return Json.MAPPER.createObjectNode().put("param", name);
    }

    /** Every {@code $path} names an object in the template that is a Keras layer's config. */
    private static void assertPathsPointIntoTheKerasJson(JsonNode nativeTemplate, JsonNode template) {
        List<String> paths = new ArrayList<>();
        nativeTemplate.findValues("$path").forEach(p -> paths.add(p.asText()));
        assertTrue(paths.size() >= nativeTemplate.get("layers").size());
        for (String p : paths) {
            String pointer = p.substring("$.template".length())
                    .replaceAll("\\[(\\d+)]", ".$1")
                    .replace('.', '/');
            JsonNode config = template.at(JsonPointer.compile(pointer));
            assertTrue(config.isObject() && p.endsWith(".config"), p + " does not point at a layer config");
        }
    }

    /**
     * Drops {@code $path}, rounds numbers to float32 (Keras 2 printed float32 factors such as
     * 9.999999747378752e-05) and zero regularizer parts (Keras 2.2 wrote l2() as L1L2 with l1 = 0).
     */
    private static JsonNode normalized(JsonNode node) {
        JsonNode copy = node.deepCopy();
        normalize(copy);
        return copy;
    }

    private static void normalize(JsonNode node) {
        if (node.isArray()) {
            node.forEach(KerasImportTest::normalize);
            return;
        }
        if (!node.isObject()) return;
        ObjectNode o = (ObjectNode) node;
        o.remove("$path");
        for (Iterator<Map.Entry<String, JsonNode>> it = o.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isFloatingPointNumber()) {
                e.setValue(DoubleNode.valueOf((float) v.asDouble()));
            } else {
                normalize(v);
            }
        }
        JsonNode reg = o.get("kernel_regularizer");
        if (reg != null && reg.isObject()) {
            for (String part : List.of("l1", "l2")) {
                if (reg.has(part) && reg.get(part).isNumber() && reg.get(part).asDouble() == 0)
                    ((ObjectNode) reg).remove(part);
            }
        }
    }
}
