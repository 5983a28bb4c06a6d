package dev.tunelab.core.template.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.study.Violation;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts one serialized Keras layer ({@code {"class_name": ..., "config": {...}}}) into a native
 * template layer, reporting each config key TuneLab cannot honour at its own path.
 */
final class KerasLayerConverter {
    private static final Set<String> RECURRENT = Set.of("LSTM", "SimpleRNN");

    private final List<Violation> out;

    KerasLayerConverter(List<Violation> out) {
        this.out = out;
    }

    /** The Keras class name after resolving old aliases, or null when {@code layer} has none. */
    static String classOf(JsonNode layer) {
        String cls = KerasValues.className(layer);
        return cls == null ? null : KerasLayers.ALIASES.getOrDefault(cls, cls);
    }

    /**
     * The native layer, or null when the layer cannot be built at all (reported).
     *
     * @param rank the rank of the layer's input without the batch dimension, or null when unknown
     */
    ObjectNode convert(JsonNode layer, String layerPath, Integer rank) {
        String cls = classOf(layer);
        if (cls == null) {
            out.add(new Violation(layerPath + ".class_name", "each Keras layer needs a class_name such as \"Dense\""));
            return null;
        }
        Map<String, KerasLayers.Carry> carried = KerasLayers.CARRIED.get(cls);
        if (carried == null) {
            out.add(new Violation(
                    layerPath + ".class_name",
                    "TuneLab cannot build the Keras layer " + cls + "; it builds " + KerasLayers.supported()));
            return null;
        }
        String path = layerPath + ".config";
        JsonNode config = layer.get("config");
        if (config == null || !config.isObject()) {
            out.add(new Violation(path, "must be the layer's config object"));
            return null;
        }
        ObjectNode nativeLayer = JsonNodeFactory.instance.objectNode();
        nativeLayer.put("type", cls);
        if (cls.equals("Bidirectional")) wrapped(config, path, rank, nativeLayer);
        for (Map.Entry<String, KerasLayers.Carry> c : carried.entrySet()) {
            JsonNode v = config.get(c.getKey());
            if (v == null || v.isNull()) continue;
            JsonNode converted = carry(v, c.getValue(), path + "." + c.getKey());
            if (converted != null) nativeLayer.set(c.getKey(), converted);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = config.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!carried.containsKey(e.getKey())) other(cls, e.getKey(), e.getValue(), path + "." + e.getKey(), rank);
        }
        nativeLayer.put("$path", path);
        return nativeLayer;
    }

    /** The rank after {@code cls}, or null when it cannot be told (unknown input, a reference). */
    static Integer rankAfter(String cls, JsonNode config, Integer rank) {
        if (cls.equals("Flatten")) return 1;
        if (rank == null) return null;
        if (cls.startsWith("Global")) return rank - 1;
        if (cls.equals("Embedding")) return rank + 1;
        if (RECURRENT.contains(cls) || cls.equals("Bidirectional")) {
            JsonNode rnn = cls.equals("Bidirectional") ? config.path("layer").path("config") : config;
            JsonNode seq = rnn.path("return_sequences");
            if (KerasValues.isReference(seq)) return null;
            return seq.asBoolean(false) ? rank : rank - 1;
        }
        return rank;
    }

    private JsonNode carry(JsonNode v, KerasLayers.Carry how, String path) {
        if (KerasValues.isReference(v)) return v;
        Object converted = switch (how) {
            case AS_IS -> v;
            case ACTIVATION -> KerasValues.activation(v);
            case INITIALIZER -> KerasValues.initializer(v);
            case REGULARIZER -> KerasValues.regularizer(v);
        };
        if (converted instanceof KerasValues.Refused r) {
            out.add(new Violation(path, r.why()));
            return null;
        }
        return converted instanceof JsonNode n ? n : JsonNodeFactory.instance.textNode((String) converted);
    }

    private void other(String cls, String key, JsonNode v, String path, Integer rank) {
        if (KerasLayers.IGNORED.contains(key)) return;
        if (cls.equals("Bidirectional") && (key.equals("layer") || key.equals("backward_layer"))) return;
        if (cls.equals("BatchNormalization") && key.equals("axis")) {
            if (!lastAxis(v, rank)) {
                out.add(new Violation(
                        path,
                        "BatchNormalization over axis " + v + ": TuneLab normalizes the last (channels) axis only"));
            }
            return;
        }
        KerasLayers.Fixed fixed = KerasLayers.FIXED.get(key);
        if (fixed != null) {
            if (KerasValues.isReference(v)) {
                out.add(new Violation(path, "TuneLab cannot vary " + key + "; it is always " + fixed.expected()));
            } else if (!fixed.holds().test(v)) {
                out.add(new Violation(
                        path,
                        cls
                                + " with "
                                + key
                                + " = "
                                + v
                                + ": TuneLab builds "
                                + key
                                + " = "
                                + fixed.expected()
                                + " only"));
            }
            return;
        }
        // Unset options (null, false) change nothing; anything else is a feature TuneLab lacks.
        if (v.isNull() || (v.isBoolean() && !v.asBoolean())) return;
        out.add(new Violation(
                path,
                "TuneLab cannot build " + cls + " with '" + key + "' = " + v + "; leave it out or at Keras's default"));
    }

    /** Bidirectional: the wrapped LSTM or SimpleRNN, and Keras 3's backward copy of it. */
    private void wrapped(JsonNode config, String path, Integer rank, ObjectNode nativeLayer) {
        JsonNode inner = config.get("layer");
        String innerCls = classOf(inner);
        if (innerCls == null || !RECURRENT.contains(innerCls)) {
            out.add(new Violation(path + ".layer", "Bidirectional must wrap an LSTM or a SimpleRNN layer"));
            return;
        }
        ObjectNode forward = convert(inner, path + ".layer", rank);
        if (forward != null) nativeLayer.set("layer", forward);
        JsonNode backward = config.get("backward_layer");
        if (backward != null && !backward.isNull() && !mirrors(inner, backward)) {
            out.add(
                    new Violation(
                            path + ".backward_layer",
                            "TuneLab runs the wrapped layer backwards itself; a backward layer different from the forward one cannot be built"));
        }
    }

    /** True when {@code backward} is {@code forward} run backwards, as Keras 3 writes it. */
    private static boolean mirrors(JsonNode forward, JsonNode backward) {
        if (!java.util.Objects.equals(classOf(forward), classOf(backward))) return false;
        if (!forward.path("config").isObject() || !backward.path("config").isObject()) return false;
        ObjectNode f = forward.path("config").deepCopy();
        ObjectNode b = backward.path("config").deepCopy();
        for (ObjectNode c : List.of(f, b)) {
            c.remove("name");
            c.remove("go_backwards");
        }
        return f.equals(b);
    }

    private static boolean lastAxis(JsonNode v, Integer rank) {
        JsonNode axis = v.isArray() && v.size() == 1 ? v.get(0) : v;
        if (!axis.isIntegralNumber()) return false;
        int a = axis.asInt();
        // Keras 2 stores the axis counted from the batch dimension once built ([3] for images).
        return a == -1 || (rank != null ? a == rank : a > 0);
    }
}
