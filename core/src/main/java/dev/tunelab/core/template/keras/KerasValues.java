package dev.tunelab.core.template.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.template.tree.Value;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Reads the serialized values found in a Keras layer config (initializers, regularizers,
 * activations) in both the Keras 2 and the Keras 3 form and turns them into the native template's
 * spelling. Each method returns the native value, or a {@link Refused} that says why not.
 */
final class KerasValues {

    /** Why a Keras value has no native spelling. */
    record Refused(String why) {}

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * Keras class names of initializers by their snake-case alias, which the native template uses.
     */
    private static final Map<String, String> INITIALIZERS = Map.of(
            "GlorotUniform", "glorot_uniform",
            "GlorotNormal", "glorot_normal",
            "HeNormal", "he_normal",
            "HeUniform", "he_uniform",
            "LecunNormal", "lecun_normal",
            "LecunUniform", "lecun_uniform",
            "RandomNormal", "random_normal",
            "RandomUniform", "random_uniform",
            "Zeros", "zeros",
            "Ones", "ones");

    private KerasValues() {}

    /**
     * The native initializer name for {@code v}: a string ("glorot_uniform" or "GlorotUniform") or a
     * serialized object, with Keras's default arguments only (the native template has no others).
     * Keras 2.0-2.2 wrote the Glorot, He and LeCun initializers as their {@code VarianceScaling}
     * equivalents, so those are recognised by their scale, mode and distribution.
     */
    static Object initializer(JsonNode v) {
        if (v.isTextual()) {
            String name = v.asText();
            if (INITIALIZERS.containsValue(name)) return name;
            if (INITIALIZERS.containsKey(name)) return INITIALIZERS.get(name);
            return new Refused("unknown initializer '" + name + "'; TuneLab knows " + INITIALIZERS.values());
        }
        String cls = className(v);
        if (cls == null) return new Refused("an initializer is a name or {\"class_name\": ..., \"config\": ...}");
        JsonNode config = v.path("config");
        if ("VarianceScaling".equals(cls)) return varianceScaling(config);
        String name = INITIALIZERS.get(cls);
        if (name == null) {
            return new Refused("TuneLab cannot build the " + cls + " initializer; it knows " + INITIALIZERS.keySet());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = config.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            // A seed only fixes the draw; unset options (Keras 3's input_axes, output_axes) are null.
            if (e.getKey().equals("seed") || e.getValue().isNull()) continue;
            Double expected = initializerDefault(cls, e.getKey());
            if (expected == null || !e.getValue().isNumber() || e.getValue().asDouble() != expected) {
                return new Refused(cls
                        + " with "
                        + e.getKey()
                        + " = "
                        + e.getValue()
                        + ": TuneLab builds initializers with Keras's default arguments only");
            }
        }
        return name;
    }

    /** The native regularizer for a serialized one, or null when {@code v} is null (none). */
    static Object regularizer(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isTextual()) {
            String name = v.asText().toLowerCase(java.util.Locale.ROOT);
            if (Set.of("l1", "l2", "l1_l2", "l1l2").contains(name)) return name.equals("l1l2") ? "l1_l2" : name;
            return new Refused("unknown regularizer '" + v.asText() + "'; TuneLab knows l1, l2 and l1_l2");
        }
        String cls = className(v);
        if (cls == null) return new Refused("a regularizer is a name or {\"class_name\": ..., \"config\": ...}");
        JsonNode config = v.path("config");
        ObjectNode out = NODES.objectNode();
        switch (cls) {
            case "L1", "l1" -> out.set("l1", factor(config, "l1"));
            case "L2", "l2" -> out.set("l2", factor(config, "l2"));
            case "L1L2", "l1_l2" -> {
                out.set("l1", factor(config, "l1"));
                out.set("l2", factor(config, "l2"));
            }
            default -> {
                return new Refused("TuneLab cannot build the " + cls + " regularizer; it knows L1, L2 and L1L2");
            }
        }
        return out;
    }

    /**
     * The native activation name. Keras 3 writes {@code swish} as its alias {@code silu}; anything
     * else is passed on for the template checker to judge.
     */
    static JsonNode activation(JsonNode v) {
        if (v.isTextual() && v.asText().equals("silu")) return NODES.textNode("swish");
        return v;
    }

    /** True when {@code v} is Keras's initializer {@code name} ("zeros" or "ones") in any form. */
    static boolean isInitializer(JsonNode v, String name) {
        return name.equals(initializer(v));
    }

    /** The {@code class_name} of a serialized Keras object, or null when {@code v} is not one. */
    static String className(JsonNode v) {
        if (v == null || !v.isObject() || !v.path("class_name").isTextual()) return null;
        return v.get("class_name").asText();
    }

    /** True when {@code v} is a parameter reference such as {@code {"param": "units"}}. */
    static boolean isReference(JsonNode v) {
        return Value.referenceIn(v) != null;
    }

    private static JsonNode factor(JsonNode config, String key) {
        JsonNode f = config.get(key);
        // Keras's own default factor, as for a regularizer given by name.
        return f == null || f.isNull() ? NODES.numberNode(0.01) : f;
    }

    private static Double initializerDefault(String cls, String key) {
        return switch (cls + "." + key) {
            case "RandomNormal.mean" -> 0.0;
            case "RandomNormal.stddev" -> 0.05;
            case "RandomUniform.minval" -> -0.05;
            case "RandomUniform.maxval" -> 0.05;
            default -> null;
        };
    }

    private static Object varianceScaling(JsonNode config) {
        double scale = config.path("scale").asDouble(1.0);
        String mode = config.path("mode").asText("fan_in");
        String distribution = config.path("distribution").asText("truncated_normal");
        boolean uniform = distribution.equals("uniform");
        String name = null;
        if (scale == 1.0 && mode.equals("fan_avg")) name = uniform ? "glorot_uniform" : "glorot_normal";
        if (scale == 2.0 && mode.equals("fan_in")) name = uniform ? "he_uniform" : "he_normal";
        if (scale == 1.0 && mode.equals("fan_in")) name = uniform ? "lecun_uniform" : "lecun_normal";
        if (name == null) {
            return new Refused("VarianceScaling(scale="
                    + scale
                    + ", mode="
                    + mode
                    + ", distribution="
                    + distribution
                    + ") is none of the Glorot, He or LeCun initializers TuneLab builds");
        }
        return name;
    }
}
