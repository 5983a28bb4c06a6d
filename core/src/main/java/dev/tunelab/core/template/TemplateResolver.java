package dev.tunelab.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.study.DatasetFacts;
import dev.tunelab.core.template.layers.Arg;
import dev.tunelab.core.template.layers.LayerCatalog;
import dev.tunelab.core.template.layers.LayerType;
import dev.tunelab.core.template.tree.Node;
import dev.tunelab.core.template.tree.Template;
import dev.tunelab.core.template.tree.TemplateParser;
import dev.tunelab.core.template.tree.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Turns a checked template and one trial's parameter values into a concrete {@link ModelSpec}:
 * Repeat blocks unrolled (repetition i reads {@code units} as {@code units_i}), the chosen option
 * of each Choice, every Keras default filled in, and the output layer derived from the dataset. A
 * layer that refers to an inactive parameter does not exist at this point and is left out.
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
        return resolution(TemplateParser.parse(template, Architecture.TEMPLATE), params, data)
                .spec();
    }

    static Resolution resolution(Template template, Map<String, Object> params, DatasetFacts data) {
        TemplateResolver r = new TemplateResolver(params, data);
        r.nodes(template.layers(), UnaryOperator.identity(), -1);
        List<ModelSpec.Layer> layers = r.placed.stream().map(Placed::layer).toList();
        String optimizer = (String) r.setting(template, "optimizer", ArgKind.OPTIMIZER, SettingsCatalog.SETTINGS);
        ModelSpec spec = new ModelSpec(
                layers,
                r.output(template.setting("output")),
                optimizer,
                ((Number) r.setting(template, "learning_rate", ArgKind.POSITIVE_FLOAT, SettingsCatalog.SETTINGS))
                        .doubleValue(),
                ((Number) r.setting(template, "batch_size", ArgKind.POSITIVE_INT, SettingsCatalog.SETTINGS)).intValue(),
                r.optimizerArgs(template, optimizer),
                r.schedule(template.setting("learning_rate_schedule")),
                null,
                0);
        return new Resolution(spec, List.copyOf(r.placed));
    }

    private void nodes(List<Node> nodes, UnaryOperator<String> rename, int repetition) {
        for (Node node : nodes) {
            if (node instanceof Node.Repeat block) {
                JsonNode times = value(block.times(), rename);
                Set<String> shared = block.sharedNames();
                for (int r = 0; times != null && r < times.asInt(); r++) {
                    int k = r;
                    nodes(block.layers(), name -> shared.contains(name) ? name : name + "_" + k, r);
                }
            } else if (node instanceof Node.Choice block) {
                JsonNode head = value(block.choice(), rename);
                Node.Choice.Option option = head == null ? null : block.option(head.asText());
                if (option != null) nodes(option.layers(), rename, repetition);
            } else if (node instanceof Node.Layer l
                    && allReferencesActive(l.fields().values(), rename)) {
                placed.add(new Placed(layer(l, rename), l.path(), repetition));
            }
        }
    }

    private ModelSpec.Layer layer(Node.Layer node, UnaryOperator<String> rename) {
        LayerType type = LayerCatalog.get(node.type());
        Map<String, Object> args = new LinkedHashMap<>();
        if (!type.wraps().isEmpty()) args.put("layer", layer((Node.Layer) node.inner(), rename));
        for (Map.Entry<String, Arg> a : type.args().entrySet()) {
            Value v = node.fields().get(a.getKey());
            ArgKind kind = a.getValue().kind();
            if (v != null && !v.json().isNull()) {
                args.put(a.getKey(), convert(v, kind, rename));
            } else if (a.getValue().defaultValue() != null) {
                args.put(a.getKey(), a.getValue().defaultValue());
            }
        }
        type.derive().fill(args, facts);
        return new ModelSpec.Layer(node.type(), args);
    }

    private Object convert(Value v, ArgKind kind, UnaryOperator<String> rename) {
        if (kind == ArgKind.REGULARIZER) {
            if (v instanceof Value.Fields r) {
                return new ModelSpec.Regularizer(
                        r.get("l1") != null ? value(r.get("l1"), rename).asDouble() : 0,
                        r.get("l2") != null ? value(r.get("l2"), rename).asDouble() : 0);
            }
            return REGULARIZERS.get(value(v, rename).asText());
        }
        if (kind.rank() > 0) {
            List<Integer> size = new ArrayList<>();
            if (v instanceof Value.Items items) {
                items.items().forEach(e -> size.add(value(e, rename).asInt()));
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

    private Object setting(Template t, String key, ArgKind kind, Map<String, Arg> catalog) {
        Value v = t.setting(key);
        JsonNode resolved = v == null ? null : value(v, UnaryOperator.identity());
        return resolved == null ? catalog.get(key).defaultValue() : plain(resolved, kind);
    }

    private Map<String, Object> optimizerArgs(Template t, String optimizer) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : SettingsCatalog.OPTIMIZER_OF.entrySet()) {
            if (!e.getValue().equals(optimizer)) continue;
            String key = e.getKey();
            args.put(
                    key,
                    setting(t, key, SettingsCatalog.OPTIMIZER_ARGS.get(key).kind(), SettingsCatalog.OPTIMIZER_ARGS));
        }
        // Keras's order (momentum before nesterov), whatever the catalog map's order is.
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String key : SettingsCatalog.OPTIMIZER_ARGS.keySet())
            if (args.containsKey(key)) ordered.put(key, args.get(key));
        return ordered;
    }

    private ModelSpec.Schedule schedule(Value given) {
        if (given == null) return null;
        Value.Fields s = (Value.Fields) given;
        String type = value(s.get("type"), UnaryOperator.identity()).asText();
        JsonNode rate = s.get("decay_rate") != null ? value(s.get("decay_rate"), UnaryOperator.identity()) : null;
        JsonNode alpha = s.get("alpha") != null ? value(s.get("alpha"), UnaryOperator.identity()) : null;
        return new ModelSpec.Schedule(
                type,
                rate == null ? 1.0 : rate.asDouble(),
                value(s.get("decay_steps"), UnaryOperator.identity()).asInt(),
                alpha == null || !type.equals("cosine") ? 0.0 : alpha.asDouble());
    }

    private ModelSpec.Output output(Value given) {
        Value.Fields out = given instanceof Value.Fields f ? f : null;
        JsonNode a = out != null && out.get("activation") != null
                ? value(out.get("activation"), UnaryOperator.identity())
                : null;
        JsonNode l = out != null && out.get("loss") != null ? value(out.get("loss"), UnaryOperator.identity()) : null;
        return OutputRules.resolve(a == null ? null : a.asText(), l == null ? null : l.asText(), facts);
    }

    /** A layer that uses an inactive (conditional) parameter does not exist at this point. */
    private boolean allReferencesActive(Collection<Value> values, UnaryOperator<String> rename) {
        for (Value v : values) {
            if (v instanceof Value.Ref ref && !params.containsKey(rename.apply(ref.param()))) return false;
            if (v instanceof Value.Items items && !allReferencesActive(items.items(), rename)) return false;
            if (v instanceof Value.Fields fields
                    && !allReferencesActive(fields.fields().values(), rename)) return false;
        }
        return true;
    }

    /**
     * The literal, or the value of the referenced parameter; null when that parameter is inactive.
     */
    private JsonNode value(Value v, UnaryOperator<String> rename) {
        if (!(v instanceof Value.Ref ref)) return v.json();
        Object value = params.get(rename.apply(ref.param()));
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
