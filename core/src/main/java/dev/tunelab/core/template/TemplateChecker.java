package dev.tunelab.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.study.Task;
import dev.tunelab.core.study.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a Keras-style template against its search space before anything is stored: unknown
 * layers and arguments, literals of the wrong kind, references to missing parameters, and
 * parameter ranges that some trial would find invalid.
 */
public final class TemplateChecker {
  private static final Set<String> CLASSIFICATION_LOSSES = Set.of("categorical_crossentropy");

  private final SearchSpace space;
  private final List<Violation> out = new ArrayList<>();
  /** Conditional parameters may only be used inside a layer, which is left out when they are absent. */
  private boolean inLayer;

  private TemplateChecker(SearchSpace space) {
    this.space = space;
  }

  /** Every violation in {@code template}, at paths under {@code path}. Task may be null. */
  public static List<Violation> check(JsonNode template, SearchSpace space, Task task, String path) {
    TemplateChecker c = new TemplateChecker(space);
    c.template(template, task, path);
    return c.out;
  }

  /** The parameter name when {@code v} is a reference such as {@code {"param": "units"}}. */
  public static String referenceOf(JsonNode v) {
    if (v != null && v.isObject() && v.size() == 1 && v.get("param") != null && v.get("param").isTextual()) {
      return v.get("param").asText();
    }
    return null;
  }

  private void template(JsonNode t, Task task, String path) {
    if (t == null || !t.isObject()) {
      out.add(new Violation(path, "must be an object with 'layers'"));
      return;
    }
    unknownFields(t, LayerCatalog.TEMPLATE_FIELDS, path);
    JsonNode layers = t.get("layers");
    if (layers == null || !layers.isArray() || layers.isEmpty()) {
      out.add(new Violation(path + ".layers", "must be a non-empty array of layers"));
    } else {
      inLayer = true;
      for (int i = 0; i < layers.size(); i++) layer(layers.get(i), path + ".layers[" + i + "]");
      inLayer = false;
    }
    for (Map.Entry<String, LayerCatalog.Arg> s : LayerCatalog.SETTINGS.entrySet()) {
      JsonNode v = t.get(s.getKey());
      if (v != null) value(v, s.getValue().kind(), path + "." + s.getKey());
    }
    JsonNode output = t.get("output");
    if (output != null) output(output, task, path + ".output");
  }

  private void layer(JsonNode layer, String path) {
    if (!layer.isObject() || layer.get("type") == null || !layer.get("type").isTextual()) {
      out.add(new Violation(path + ".type", "each layer needs a 'type' such as \"Dense\""));
      return;
    }
    String type = layer.get("type").asText();
    Map<String, LayerCatalog.Arg> args = LayerCatalog.LAYERS.get(type);
    if (args == null) {
      out.add(new Violation(path + ".type", "unknown layer '" + type + "'; known: "
          + new java.util.TreeSet<>(LayerCatalog.LAYERS.keySet())));
      return;
    }
    Set<String> allowed = new java.util.HashSet<>(args.keySet());
    allowed.add("type");
    unknownFields(layer, allowed, path);
    for (Map.Entry<String, LayerCatalog.Arg> a : args.entrySet()) {
      JsonNode v = layer.get(a.getKey());
      if (v == null || v.isNull()) {
        if (a.getValue().required()) out.add(new Violation(path + "." + a.getKey(), "is required for " + type));
      } else {
        value(v, a.getValue().kind(), path + "." + a.getKey());
      }
    }
  }

  private void output(JsonNode output, Task task, String path) {
    if (!output.isObject()) {
      out.add(new Violation(path, "must be an object with 'activation' and/or 'loss'"));
      return;
    }
    unknownFields(output, LayerCatalog.OUTPUT.keySet(), path);
    for (Map.Entry<String, ArgKind> a : LayerCatalog.OUTPUT.entrySet()) {
      JsonNode v = output.get(a.getKey());
      if (v == null) continue;
      if (!value(v, a.getValue(), path + "." + a.getKey())) continue;
      if (a.getValue() == ArgKind.LOSS && task != null && v.isTextual()) {
        boolean classLoss = CLASSIFICATION_LOSSES.contains(v.asText());
        if (classLoss != (task == Task.CLASSIFICATION)) {
          out.add(new Violation(path + ".loss", "'" + v.asText() + "' does not fit a " + task.json() + " dataset"));
        }
      }
    }
  }

  /** Checks a literal or a reference; false when a violation was recorded. */
  private boolean value(JsonNode v, ArgKind kind, String path) {
    String ref = referenceOf(v);
    String why;
    if (ref != null) {
      var p = space.params().get(ref);
      if (p == null) {
        why = "refers to parameter '" + ref + "', which the search space does not define";
      } else if (p.when() != null && !inLayer) {
        why = "'" + ref + "' is conditional; only a layer may use it (the layer is left out when '" + ref + "' is inactive)";
      } else {
        why = kind.checkParam(ref, p);
      }
    } else if (v.isObject()) {
      why = "a parameter reference is written {\"param\": \"name\"}";
    } else {
      why = kind.checkLiteral(v);
    }
    if (why != null) out.add(new Violation(path, why));
    return why == null;
  }

  private void unknownFields(JsonNode node, Set<String> allowed, String path) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        out.add(new Violation(path + "." + f, "unknown field; allowed: " + new java.util.TreeSet<>(allowed)));
      }
    }
  }
}
