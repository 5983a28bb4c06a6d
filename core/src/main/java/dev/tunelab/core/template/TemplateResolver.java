package dev.tunelab.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.study.DatasetFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Turns a checked template and one trial's parameter values into a concrete {@link ModelSpec}:
 * Repeat blocks unrolled (repetition i reads {@code units} as {@code units_i}), the chosen option
 * of each Choice, every Keras default filled in, and the output layer derived from the dataset.
 * A layer that refers to an inactive parameter does not exist at this point and is left out.
 */
public final class TemplateResolver {
  /** Where each resolved layer was written, so a shape problem can point at it. */
  record Placed(ModelSpec.Layer layer, String path, int repetition) {}

  record Resolution(ModelSpec spec, List<Placed> placed) {}

  private static final Map<String, ModelSpec.Regularizer> REGULARIZERS = Map.of(
      "l1", new ModelSpec.Regularizer(0.01, 0),
      "l2", new ModelSpec.Regularizer(0, 0.01),
      "l1_l2", new ModelSpec.Regularizer(0.01, 0.01));

  private final Map<String, Object> params;
  private final DatasetFacts facts;
  private final List<Placed> placed = new ArrayList<>();

  private TemplateResolver(Map<String, Object> params, DatasetFacts facts) {
    this.params = params;
    this.facts = facts;
  }

  /** The network for one point (active parameters only); shapes are not inferred here. */
  public static ModelSpec resolve(JsonNode template, Map<String, Object> params, DatasetFacts data) {
    return resolution(template, params, data, "$.template").spec();
  }

  static Resolution resolution(JsonNode template, Map<String, Object> params, DatasetFacts data, String path) {
    TemplateResolver r = new TemplateResolver(params, data);
    r.layers(template.get("layers"), path + ".layers", UnaryOperator.identity(), -1);
    List<ModelSpec.Layer> layers = r.placed.stream().map(Placed::layer).toList();
    String optimizer = (String) r.setting(template, "optimizer", ArgKind.OPTIMIZER, LayerCatalog.SETTINGS);
    ModelSpec spec = new ModelSpec(
        layers,
        r.output(template.path("output")),
        optimizer,
        ((Number) r.setting(template, "learning_rate", ArgKind.POSITIVE_FLOAT, LayerCatalog.SETTINGS)).doubleValue(),
        ((Number) r.setting(template, "batch_size", ArgKind.POSITIVE_INT, LayerCatalog.SETTINGS)).intValue(),
        r.optimizerArgs(template, optimizer),
        r.schedule(template.get("learning_rate_schedule")),
        null,
        0);
    return new Resolution(spec, List.copyOf(r.placed));
  }

  private void layers(JsonNode layers, String path, UnaryOperator<String> rename, int repetition) {
    for (int i = 0; i < layers.size(); i++) {
      JsonNode node = layers.get(i);
      String at = TemplateChecker.pathOf(node, path + "[" + i + "]");
      String type = node.get("type").asText();
      if (type.equals(LayerCatalog.REPEAT)) {
        JsonNode times = value(node.get("times"), rename);
        Set<String> shared = ArchitectureSpace.shared(node);
        for (int r = 0; times != null && r < times.asInt(); r++) {
          int k = r;
          layers(node.get("layers"), at + ".layers", name -> shared.contains(name) ? name : name + "_" + k, r);
        }
      } else if (type.equals(LayerCatalog.CHOICE)) {
        JsonNode head = value(node.get("choice"), rename);
        JsonNode option = head == null ? null : node.get("options").get(head.asText());
        if (option != null) layers(option, at + ".options." + head.asText(), rename, repetition);
      } else if (allReferencesActive(node, rename)) {
        placed.add(new Placed(layer(node, rename), at, repetition));
      }
    }
  }

  private ModelSpec.Layer layer(JsonNode node, UnaryOperator<String> rename) {
    String type = node.get("type").asText();
    Map<String, Object> args = new LinkedHashMap<>();
    if (type.equals("Bidirectional")) args.put("layer", layer(node.get("layer"), rename));
    for (Map.Entry<String, LayerCatalog.Arg> a : LayerCatalog.LAYERS.get(type).entrySet()) {
      JsonNode v = node.get(a.getKey());
      ArgKind kind = a.getValue().kind();
      if (v != null && !v.isNull()) {
        args.put(a.getKey(), convert(v, kind, rename));
      } else if (a.getValue().defaultValue() != null) {
        args.put(a.getKey(), a.getValue().defaultValue());
      }
    }
    if (LayerCatalog.pooling(type) && !args.containsKey("strides")) args.put("strides", args.get("pool_size"));
    if (type.equals("Embedding") && !args.containsKey("input_dim")) args.put("input_dim", facts.vocabulary());
    return new ModelSpec.Layer(type, args);
  }

  private Object convert(JsonNode v, ArgKind kind, UnaryOperator<String> rename) {
    if (kind == ArgKind.REGULARIZER) {
      JsonNode r = value(v, rename);
      if (r.isTextual()) return REGULARIZERS.get(r.asText());
      return new ModelSpec.Regularizer(
          r.has("l1") ? value(r.get("l1"), rename).asDouble() : 0,
          r.has("l2") ? value(r.get("l2"), rename).asDouble() : 0);
    }
    if (kind.rank() > 0) {
      List<Integer> size = new ArrayList<>();
      if (v.isArray()) {
        v.forEach(e -> size.add(value(e, rename).asInt()));
      } else {
        int n = value(v, rename).asInt();
        for (int k = 0; k < kind.rank(); k++) size.add(n);
      }
      return List.copyOf(size);
    }
    return plain(value(v, rename), kind);
  }

  /** Integers stay integers and rates become doubles, whatever the JSON looked like (3 vs 3.0). */
  private static Object plain(JsonNode v, ArgKind kind) {
    return switch (kind) {
      case POSITIVE_INT, REPEATS -> v.asInt();
      case POSITIVE_FLOAT, NON_NEGATIVE_FLOAT, RATE, FRACTION -> v.asDouble();
      case BOOLEAN -> v.asBoolean();
      default -> v.asText();
    };
  }

  private Object setting(JsonNode t, String key, ArgKind kind, Map<String, LayerCatalog.Arg> catalog) {
    JsonNode v = t.get(key);
    JsonNode resolved = v == null ? null : value(v, UnaryOperator.identity());
    return resolved == null ? catalog.get(key).defaultValue() : plain(resolved, kind);
  }

  private Map<String, Object> optimizerArgs(JsonNode t, String optimizer) {
    Map<String, Object> args = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : LayerCatalog.OPTIMIZER_OF.entrySet()) {
      if (!e.getValue().equals(optimizer)) continue;
      String key = e.getKey();
      args.put(key, setting(t, key, LayerCatalog.OPTIMIZER_ARGS.get(key).kind(), LayerCatalog.OPTIMIZER_ARGS));
    }
    // Keras's order (momentum before nesterov), whatever the catalog map's order is.
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (String key : LayerCatalog.OPTIMIZER_ARGS.keySet()) if (args.containsKey(key)) ordered.put(key, args.get(key));
    return ordered;
  }

  private ModelSpec.Schedule schedule(JsonNode s) {
    if (s == null) return null;
    String type = value(s.get("type"), UnaryOperator.identity()).asText();
    JsonNode rate = s.has("decay_rate") ? value(s.get("decay_rate"), UnaryOperator.identity()) : null;
    JsonNode alpha = s.has("alpha") ? value(s.get("alpha"), UnaryOperator.identity()) : null;
    return new ModelSpec.Schedule(
        type,
        rate == null ? 1.0 : rate.asDouble(),
        value(s.get("decay_steps"), UnaryOperator.identity()).asInt(),
        alpha == null || !type.equals("cosine") ? 0.0 : alpha.asDouble());
  }

  private ModelSpec.Output output(JsonNode out) {
    JsonNode a = out.has("activation") ? value(out.get("activation"), UnaryOperator.identity()) : null;
    JsonNode l = out.has("loss") ? value(out.get("loss"), UnaryOperator.identity()) : null;
    return OutputRules.resolve(a == null ? null : a.asText(), l == null ? null : l.asText(), facts);
  }

  /** A layer that uses an inactive (conditional) parameter does not exist at this point. */
  private boolean allReferencesActive(JsonNode node, UnaryOperator<String> rename) {
    String ref = TemplateChecker.referenceOf(node);
    if (ref != null) return params.containsKey(rename.apply(ref));
    for (JsonNode child : node) if (!allReferencesActive(child, rename)) return false;
    return true;
  }

  /** The literal, or the value of the referenced parameter; null when that parameter is inactive. */
  private JsonNode value(JsonNode v, UnaryOperator<String> rename) {
    String ref = TemplateChecker.referenceOf(v);
    if (ref == null) return v;
    Object value = params.get(rename.apply(ref));
    return value == null ? null : tree(value);
  }

  /** The common scalar cases directly: a space summary resolves thousands of points. */
  private static JsonNode tree(Object value) {
    if (value instanceof Integer i) return IntNode.valueOf(i);
    if (value instanceof Double d) return DoubleNode.valueOf(d);
    if (value instanceof String s) return TextNode.valueOf(s);
    if (value instanceof Boolean b) return BooleanNode.valueOf(b);
    return Json.MAPPER.valueToTree(value);
  }
}
