package dev.tunelab.core.template.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.study.DatasetFacts;
import dev.tunelab.core.study.Task;
import dev.tunelab.core.study.Violation;
import dev.tunelab.core.template.ArgKind;
import java.util.ArrayList;
import java.util.List;

/**
 * One Keras Sequential model: finds its layer list and input shape in the Keras 2 or Keras 3
 * layout, checks the shape against the dataset, converts the hidden layers and turns the last Dense
 * layer into the native output.
 */
final class Sequential {
    private final JsonNode model;
    private final String path;
    private final DatasetFacts facts;
    private final List<Violation> out;
    private final KerasLayerConverter converter;

    Sequential(JsonNode model, String path, DatasetFacts facts, List<Violation> out) {
        this.model = model;
        this.path = path;
        this.facts = facts;
        this.out = out;
        this.converter = new KerasLayerConverter(out);
    }

    void convert(ArrayNode layers, ObjectNode output) {
        String cls = KerasValues.className(model);
        if (cls == null) {
            out.add(new Violation(
                    path,
                    "is not a Keras model: expected {\"class_name\": \"Sequential\", \"config\": ...}"
                            + " as model.to_json() writes it"));
            return;
        }
        if (!cls.equals("Sequential")) {
            out.add(new Violation(
                    path + ".class_name",
                    "TuneLab imports Sequential models only, and this is a "
                            + cls
                            + " model: write it as keras.Sequential([...])"));
            return;
        }
        JsonNode config = model.get("config");
        // Keras up to 2.2.2 wrote the layer list itself as the config.
        JsonNode list = config != null && config.isArray() ? config : config == null ? null : config.get("layers");
        String listPath = path + (config != null && config.isArray() ? ".config" : ".config.layers");
        if (list == null || !list.isArray() || list.isEmpty()) {
            out.add(new Violation(listPath, "must be the model's non-empty list of layers"));
            return;
        }
        int first = 0;
        List<Integer> shape = null;
        if ("InputLayer".equals(KerasLayerConverter.classOf(list.get(0)))) {
            shape = inputLayer(list.get(0).path("config"), listPath + "[0].config");
            first = 1;
        } else if (list.get(0).path("config").isObject()) {
            shape = inputShape(list.get(0).get("config"), listPath + "[0].config");
        }
        if (shape == null && config.isObject() && config.has("build_input_shape")) {
            shape = inputShape(config, path + ".config");
        }
        Integer rank = shape != null
                ? Integer.valueOf(shape.size())
                : facts != null ? Integer.valueOf(facts.inputShape().size()) : null;
        int last = list.size() - 1;
        if (last < first) {
            out.add(new Violation(listPath, "has no layers after the InputLayer"));
            return;
        }
        for (int i = first; i < last; i++) {
            JsonNode layer = list.get(i);
            String layerPath = listPath + "[" + i + "]";
            if ("InputLayer".equals(KerasLayerConverter.classOf(layer))) {
                out.add(new Violation(layerPath + ".class_name", "an InputLayer can only be the first layer"));
                continue;
            }
            ObjectNode converted = converter.convert(layer, layerPath, rank);
            if (converted != null) layers.add(converted);
            String layerCls = KerasLayerConverter.classOf(layer);
            rank = layerCls == null ? null : KerasLayerConverter.rankAfter(layerCls, layer.path("config"), rank);
        }
        outputLayer(list.get(last), listPath + "[" + last + "]", rank, output);
    }

    /**
     * The shape an InputLayer declares (Keras 3 {@code batch_shape}, Keras 2 {@code
     * batch_input_shape}).
     */
    private List<Integer> inputLayer(JsonNode config, String configPath) {
        for (String flag : List.of("sparse", "ragged")) {
            if (config.path(flag).asBoolean(false)) {
                out.add(new Violation(
                        configPath + "." + flag, "TuneLab feeds dense tensors; a " + flag + " input cannot be built"));
            }
        }
        return inputShape(config, configPath);
    }

    /**
     * The declared input shape without the batch dimension, checked against the dataset's; null if
     * none.
     */
    private List<Integer> inputShape(JsonNode config, String configPath) {
        String key = null;
        for (String k : List.of("batch_shape", "batch_input_shape", "build_input_shape")) {
            if (config.path(k).isArray()) {
                key = k;
                break;
            }
        }
        if (key == null) return null;
        JsonNode batchShape = config.get(key);
        String keyPath = configPath + "." + key;
        List<Integer> shape = new ArrayList<>();
        for (int i = 1; i < batchShape.size(); i++) {
            JsonNode d = batchShape.get(i);
            if (!d.isNull() && !(d.isIntegralNumber() && d.asInt() >= 1)) {
                out.add(new Violation(keyPath, "must list the batch dimension then positive sizes, got " + batchShape));
                return null;
            }
            shape.add(d.isNull() ? null : d.asInt());
        }
        if (facts != null && !matches(shape, facts.inputShape())) {
            out.add(new Violation(
                    keyPath,
                    "the model's input shape "
                            + shape
                            + " does not match the dataset's "
                            + facts.inputShape()
                            + " ("
                            + facts.kind().json()
                            + ")"));
        }
        return shape;
    }

    /** A null size (Keras's None) matches any. */
    private static boolean matches(List<Integer> declared, List<Integer> actual) {
        if (declared.size() != actual.size()) return false;
        for (int i = 0; i < declared.size(); i++) {
            if (declared.get(i) != null && !declared.get(i).equals(actual.get(i))) return false;
        }
        return true;
    }

    /**
     * The last layer is TuneLab's output layer: its size and loss come from the dataset, so it must
     * be a plain Dense layer whose units agree with the dataset; its activation is kept.
     */
    private void outputLayer(JsonNode layer, String layerPath, Integer rank, ObjectNode output) {
        String cls = KerasLayerConverter.classOf(layer);
        if (!"Dense".equals(cls)) {
            out.add(new Violation(
                    layerPath + ".class_name",
                    "the last layer must be a Dense layer, TuneLab's output layer"
                            + " (its units are the dataset's classes, or 1 for regression); got "
                            + cls));
            return;
        }
        ObjectNode dense = converter.convert(layer, layerPath, rank);
        if (dense == null) return;
        String configPath = layerPath + ".config";
        JsonNode activation = dense.path("activation").isMissingNode()
                ? com.fasterxml.jackson.databind.node.TextNode.valueOf("linear")
                : dense.get("activation");
        output.set("activation", activation);
        if (dense.has("use_bias") && !dense.get("use_bias").asBoolean(true)) {
            out.add(new Violation(configPath + ".use_bias", "TuneLab's output layer always has a bias"));
        }
        if (dense.has("kernel_initializer")
                && !dense.get("kernel_initializer").asText().equals("glorot_uniform")) {
            out.add(new Violation(
                    configPath + ".kernel_initializer",
                    "TuneLab's output layer starts from glorot_uniform (Keras's default); leave it at that"));
        }
        if (dense.has("kernel_regularizer")) {
            out.add(new Violation(configPath + ".kernel_regularizer", "TuneLab's output layer has no regularizer"));
        }
        units(dense.get("units"), activation, configPath);
    }

    private void units(JsonNode units, JsonNode activation, String configPath) {
        String unitsPath = configPath + ".units";
        if (units == null || !units.isIntegralNumber() || units.asInt() < 1) {
            out.add(new Violation(
                    unitsPath, "the output layer's units are fixed by the dataset: write the number, got " + units));
            return;
        }
        if (activation.isTextual() && !ArgKind.ACTIVATIONS.contains(activation.asText())) {
            out.add(new Violation(
                    configPath + ".activation",
                    "TuneLab cannot build the activation "
                            + activation
                            + "; it knows "
                            + new java.util.TreeSet<>(ArgKind.ACTIVATIONS)));
            return;
        }
        if (facts == null) return;
        int n = units.asInt();
        if (facts.task() == Task.REGRESSION) {
            if (n != 1) out.add(new Violation(unitsPath, "a regression dataset needs 1 output unit, got " + n));
            return;
        }
        int classes = facts.numClasses();
        boolean binary = n == 1 && classes == 2;
        if (n != classes && !binary) {
            out.add(new Violation(
                    unitsPath,
                    "the output layer has "
                            + n
                            + " units but the dataset has "
                            + classes
                            + " classes: use "
                            + classes
                            + " (softmax)"
                            + (classes == 2 ? ", or 1 with sigmoid" : "")));
            return;
        }
        if (!activation.isTextual()) return;
        String needed = binary ? "sigmoid" : "softmax";
        if (!activation.asText().equals(needed)) {
            out.add(new Violation(
                    configPath + ".activation",
                    "a classification output of "
                            + n
                            + " unit"
                            + (n == 1 ? "" : "s")
                            + " needs "
                            + needed
                            + ", got "
                            + activation.asText()));
        }
    }
}
