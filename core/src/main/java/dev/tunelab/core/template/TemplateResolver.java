package dev.tunelab.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.study.DatasetFacts;
import dev.tunelab.core.study.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a checked template and one trial's parameter values into a concrete {@link ModelSpec}. */
public final class TemplateResolver {
  private TemplateResolver() {}

  public static ModelSpec resolve(JsonNode template, Map<String, Object> params, DatasetFacts data) {
    List<ModelSpec.Layer> layers = new ArrayList<>();
    for (JsonNode layer : template.get("layers")) {
      if (!allReferencesActive(layer, params)) continue;
      String type = layer.get("type").asText();
      Map<String, LayerCatalog.Arg> args = LayerCatalog.LAYERS.get(type);
      switch (type) {
        case "Dense" -> layers.add(new ModelSpec.Layer("Dense", Map.of(
            "units", (int) number(layer, "units", args, params),
            "activation", text(layer, "activation", args, params))));
        case "Dropout" -> layers.add(new ModelSpec.Layer("Dropout", Map.of("rate", number(layer, "rate", args, params))));
        default -> throw new IllegalArgumentException("unchecked template: layer " + type);
      }
    }
    Map<String, LayerCatalog.Arg> s = LayerCatalog.SETTINGS;
    JsonNode out = template.path("output");
    boolean classification = data.task() == Task.CLASSIFICATION;
    String activation = out.has("activation")
        ? resolveValue(out.get("activation"), params).asText()
        : classification ? "softmax" : "linear";
    String loss = out.has("loss")
        ? resolveValue(out.get("loss"), params).asText()
        : classification ? "categorical_crossentropy" : "mse";
    int units = classification ? data.numClasses() : 1;
    return new ModelSpec(
        layers,
        new ModelSpec.Output(units, activation, loss),
        text(template, "optimizer", s, params),
        number(template, "learning_rate", s, params),
        (int) number(template, "batch_size", s, params));
  }

  /** A layer that uses an inactive (conditional) parameter does not exist at this point. */
  private static boolean allReferencesActive(JsonNode layer, Map<String, Object> params) {
    for (JsonNode v : layer) {
      String ref = TemplateChecker.referenceOf(v);
      if (ref != null && !params.containsKey(ref)) return false;
    }
    return true;
  }

  private static double number(JsonNode node, String key, Map<String, LayerCatalog.Arg> args, Map<String, Object> params) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) return ((Number) args.get(key).defaultValue()).doubleValue();
    return resolveValue(v, params).asDouble();
  }

  private static String text(JsonNode node, String key, Map<String, LayerCatalog.Arg> args, Map<String, Object> params) {
    JsonNode v = node.get(key);
    if (v == null || v.isNull()) return (String) args.get(key).defaultValue();
    return resolveValue(v, params).asText();
  }

  private static JsonNode resolveValue(JsonNode v, Map<String, Object> params) {
    String ref = TemplateChecker.referenceOf(v);
    if (ref == null) return v;
    if (!params.containsKey(ref)) throw new IllegalArgumentException("no value for parameter " + ref);
    return Json.MAPPER.valueToTree(params.get(ref));
  }
}
