package dev.tunelab.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.study.DatasetFacts;
import dev.tunelab.core.study.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a Keras-style template against its search space before anything is stored: unknown
 * layers and arguments, literals of the wrong kind, references to missing parameters, parameter
 * ranges that some trial would find invalid, and malformed Repeat and Choice blocks. Whether the
 * layers fit together (shapes) is {@link Architecture}'s job, point by point.
 */
public final class TemplateChecker {
  private final ValueChecker values;

  private TemplateChecker(SearchSpace space, List<Violation> out) {
    this.values = new ValueChecker(space, out);
  }

  /** Every violation in {@code template}, at paths under {@code path}. Facts may be null (unknown dataset). */
  public static List<Violation> check(JsonNode template, SearchSpace space, DatasetFacts facts, String path) {
    List<Violation> out = new ArrayList<>();
    TemplateChecker c = new TemplateChecker(space, out);
    if (template == null || !template.isObject()) {
      out.add(new Violation(path, "must be an object with 'layers'"));
      return out;
    }
    c.unknownFields(template, LayerCatalog.TEMPLATE_FIELDS, path);
    JsonNode layers = template.get("layers");
    if (layers == null || !layers.isArray() || layers.isEmpty()) {
      out.add(new Violation(path + ".layers", "must be a non-empty array of layers"));
    } else {
      c.layers(layers, path + ".layers", false);
    }
    new SettingsChecker(c.values).check(template, facts, path);
    return out;
  }

  /** The parameter name when {@code v} is a reference such as {@code {"param": "units"}}. */
  public static String referenceOf(JsonNode v) {
    if (v != null && v.isObject() && v.size() == 1 && v.get("param") != null && v.get("param").isTextual()) {
      return v.get("param").asText();
    }
    return null;
  }

  /** Where the user wrote {@code node}: its {@code $path} when the Keras importer set one. */
  public static String pathOf(JsonNode node, String computed) {
    JsonNode p = node == null ? null : node.get(LayerCatalog.PATH);
    return p != null && p.isTextual() ? p.asText() : computed;
  }

  private void layers(JsonNode layers, String path, boolean inRepeat) {
    for (int i = 0; i < layers.size(); i++) layer(layers.get(i), path + "[" + i + "]", inRepeat);
  }

  private void layer(JsonNode layer, String computed, boolean inRepeat) {
    if (!layer.isObject() || layer.get("type") == null || !layer.get("type").isTextual()) {
      values.add(computed + ".type", "each layer needs a 'type' such as \"Dense\"");
      return;
    }
    String path = pathOf(layer, computed);
    if (layer.has(LayerCatalog.PATH) && !layer.get(LayerCatalog.PATH).isTextual()) {
      values.add(computed + "." + LayerCatalog.PATH, "must be a string: the JSON path where the layer was written");
    }
    String type = layer.get("type").asText();
    if (type.equals(LayerCatalog.REPEAT)) {
      repeat(layer, path, inRepeat);
      return;
    }
    if (type.equals(LayerCatalog.CHOICE)) {
      choice(layer, path, inRepeat);
      return;
    }
    Map<String, LayerCatalog.Arg> args = LayerCatalog.LAYERS.get(type);
    if (args == null) {
      values.add(path + ".type", "unknown layer '" + type + "'; known: "
          + new TreeSet<>(LayerCatalog.LAYERS.keySet()) + ", and the blocks Repeat and Choice");
      return;
    }
    Set<String> allowed = new HashSet<>(args.keySet());
    allowed.add("type");
    allowed.add(LayerCatalog.PATH);
    if (type.equals("Bidirectional")) allowed.add("layer");
    unknownFields(layer, allowed, path);
    for (Map.Entry<String, LayerCatalog.Arg> a : args.entrySet()) {
      JsonNode v = layer.get(a.getKey());
      if (v == null || v.isNull()) {
        if (a.getValue().required()) values.add(path + "." + a.getKey(), "is required for " + type);
      } else {
        argument(v, a.getValue().kind(), path + "." + a.getKey());
      }
    }
    if (type.equals("Bidirectional")) wrapped(layer.get("layer"), path + ".layer");
  }

  /** Bidirectional runs a recurrent layer both ways; anything else has no direction to reverse. */
  private void wrapped(JsonNode inner, String path) {
    if (inner == null || !inner.isObject()) {
      values.add(path, "is required for Bidirectional: an LSTM or SimpleRNN layer object");
      return;
    }
    JsonNode type = inner.get("type");
    if (type == null || !type.isTextual() || !LayerCatalog.recurrent(type.asText())) {
      values.add(pathOf(inner, path) + ".type", "Bidirectional wraps an LSTM or SimpleRNN, got " + type);
      return;
    }
    layer(inner, path, false);
  }

  private void argument(JsonNode v, ArgKind kind, String path) {
    if (kind == ArgKind.REGULARIZER && v.isObject() && referenceOf(v) == null) {
      regularizer(v, path);
    } else if (kind.rank() > 0 && v.isArray()) {
      if (v.size() != kind.rank()) {
        values.add(path, "needs " + kind.rank() + " number" + (kind.rank() == 1 ? "" : "s") + " (one per axis), got " + v);
        return;
      }
      for (int i = 0; i < v.size(); i++) values.check(v.get(i), ArgKind.POSITIVE_INT, path + "[" + i + "]", true);
    } else {
      values.check(v, kind, path, true);
    }
  }

  private void regularizer(JsonNode v, String path) {
    if (v.isEmpty()) {
      values.add(path, "needs \"l1\" and/or \"l2\", e.g. {\"l2\": 0.0001}");
      return;
    }
    unknownFields(v, Set.of("l1", "l2"), path);
    for (String f : List.of("l1", "l2")) {
      if (v.has(f)) values.check(v.get(f), ArgKind.NON_NEGATIVE_FLOAT, path + "." + f, true);
    }
  }

  private void repeat(JsonNode block, String path, boolean inRepeat) {
    unknownFields(block, Set.of("type", "times", "layers", "shared", LayerCatalog.PATH), path);
    if (inRepeat) values.add(path + ".type", "a Repeat cannot hold another Repeat; give the inner block its own layers");
    JsonNode times = block.get("times");
    if (times == null) {
      values.add(path + ".times", "is required: a number of repetitions or {\"param\": \"name\"}");
    } else {
      values.check(times, ArgKind.REPEATS, path + ".times", true);
    }
    JsonNode shared = block.get("shared");
    if (shared != null) {
      if (!shared.isArray()) {
        values.add(path + ".shared", "must be an array of parameter names");
      } else {
        for (int i = 0; i < shared.size(); i++) {
          JsonNode s = shared.get(i);
          if (!s.isTextual() || !values.space().params().containsKey(s.asText())) {
            values.add(path + ".shared[" + i + "]", "must name a parameter of the search space, got " + s);
          }
        }
      }
    }
    JsonNode layers = block.get("layers");
    if (layers == null || !layers.isArray() || layers.isEmpty()) {
      values.add(path + ".layers", "must be a non-empty array of the layers to repeat");
    } else {
      layers(layers, path + ".layers", true);
    }
  }

  private void choice(JsonNode block, String path, boolean inRepeat) {
    unknownFields(block, Set.of("type", "choice", "options", LayerCatalog.PATH), path);
    JsonNode options = block.get("options");
    boolean optionsOk = options != null && options.isObject() && !options.isEmpty();
    if (!optionsOk) {
      values.add(path + ".options", "must be an object of named alternatives, each an array of layers");
    }
    JsonNode choice = block.get("choice");
    String ref = referenceOf(choice);
    Param p = ref == null ? null : values.space().params().get(ref);
    if (ref == null) {
      values.add(path + ".choice", "must be a reference {\"param\": \"name\"} to a choice parameter");
    } else if (!(p instanceof Param.ChoiceParam c)) {
      values.add(path + ".choice", p == null
          ? "refers to parameter '" + ref + "', which the search space does not define"
          : "parameter '" + ref + "' must be a choice whose values are the option names");
    } else if (optionsOk) {
      Set<Object> names = new TreeSet<>();
      options.fieldNames().forEachRemaining(names::add);
      if (!new HashSet<>(c.values()).equals(names)) {
        values.add(path + ".choice", "parameter '" + ref + "' has values " + c.values()
            + ", which must be exactly the option names " + names);
      }
    }
    if (!optionsOk) return;
    for (Iterator<Map.Entry<String, JsonNode>> it = options.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> o = it.next();
      String at = path + ".options." + o.getKey();
      if (!o.getValue().isArray()) {
        values.add(at, "must be an array of layers (it may be empty)");
      } else {
        layers(o.getValue(), at, inRepeat);
      }
    }
  }

  private void unknownFields(JsonNode node, Set<String> allowed, String path) {
    values.unknownFields(node, allowed, path);
  }
}
