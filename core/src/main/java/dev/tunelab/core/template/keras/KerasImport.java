package dev.tunelab.core.template.keras;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.study.DatasetFacts;
import dev.tunelab.core.study.Violation;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns a template written as Keras's {@code model.to_json()} into TuneLab's native template, so a
 * model already written in Keras can be tuned as it is.
 *
 * <p>The study gives {@code "template": {"keras": <the JSON, as an object or the string to_json
 * returned>, "optimizer": ..., ...}}. Both Keras 3 files ({@code "module": "keras"}, serialized
 * objects everywhere) and Keras 2 / tf.keras files ({@code "keras_version": "2.x"}, a {@code
 * batch_input_shape}, string dtypes, and before 2.13 no {@code module} keys) are read; any config
 * value may be a parameter reference {@code {"param": "name"}}, passed on unchanged for the
 * template checker. Every produced layer carries {@code "$path"}, the path of the Keras layer's
 * {@code config}, so later violations point into the user's own JSON. Only Sequential models are
 * imported, and the last layer must be the Dense output layer, whose units the dataset fixes.
 */
public final class KerasImport {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private KerasImport() {}

    /**
     * @param template the study's template: {@code {"keras": ..., other native settings}}
     * @param facts the dataset, or null when not known yet (shapes and output units go unchecked)
     * @param path the JSON path of {@code template} in the request, such as {@code $.template}
     * @param out receives violations; the result is only meaningful when none were added
     * @return the native template: {@code layers}, {@code output} and the settings beside {@code
     *     keras}
     */
    public static ObjectNode toNative(JsonNode template, DatasetFacts facts, String path, List<Violation> out) {
        ObjectNode result = NODES.objectNode();
        if (template == null || !template.isObject()) {
            out.add(new Violation(path, "must be an object with 'keras'"));
            return result;
        }
        String kerasPath = path + ".keras";
        JsonNode model = parse(template.get("keras"), kerasPath, out);
        ArrayNode layers = result.putArray("layers");
        ObjectNode output = result.putObject("output");
        if (model != null) new Sequential(model, kerasPath, facts, out).convert(layers, output);
        for (Iterator<Map.Entry<String, JsonNode>> it = template.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            switch (e.getKey()) {
                case "keras" -> {}
                case "layers" ->
                    out.add(new Violation(
                            path + ".layers", "give the network either as 'keras' or as 'layers', not both"));
                case "output" -> userOutput(e.getValue(), path + ".output", output, out);
                default -> result.set(e.getKey(), e.getValue());
            }
        }
        return result;
    }

    /** The model as a tree, from an object or from the string {@code to_json()} returned. */
    private static JsonNode parse(JsonNode keras, String path, List<Violation> out) {
        if (keras == null || keras.isNull()) {
            out.add(new Violation(path, "is required: the JSON that Keras's model.to_json() returns"));
            return null;
        }
        if (!keras.isTextual()) return keras;
        try {
            return Json.MAPPER.readTree(keras.asText());
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            out.add(new Violation(
                    path,
                    "is not valid JSON"
                            + (where == null
                                    ? ""
                                    : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")")
                            + ": "
                            + e.getOriginalMessage()));
            return null;
        }
    }

    /**
     * The template's own {@code output} may choose the loss; the Keras model already fixes the rest.
     */
    private static void userOutput(JsonNode given, String path, ObjectNode output, List<Violation> out) {
        if (!given.isObject()) {
            out.add(new Violation(path, "must be an object such as {\"loss\": \"mae\"}"));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = given.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("loss")) {
                output.set("loss", e.getValue());
            } else {
                out.add(new Violation(
                        path + "." + e.getKey(),
                        "the Keras model's last Dense layer is the output; " + "only 'loss' may be set here"));
            }
        }
    }
}
