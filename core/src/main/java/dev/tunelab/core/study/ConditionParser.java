package dev.tunelab.core.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.space.Condition;
import dev.tunelab.core.space.Param;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a parameter's {@code when}, e.g. {@code {"param": "num_layers", "min": 3}} or {@code
 * {"param": "optimizer", "in": ["sgd"]}}. The parent must come earlier in the space, so conditions
 * can never form a cycle, and the condition must be satisfiable by the parent's values.
 */
final class ConditionParser {
    private ConditionParser() {}

    static Condition parse(JsonNode n, String at, Map<String, Param> earlier, List<Violation> out) {
        if (n == null) return null;
        if (!n.isObject()) {
            out.add(new Violation(at, "must be an object such as {\"param\": \"num_layers\", \"min\": 3}"));
            return null;
        }
        int before = out.size();
        n.fieldNames().forEachRemaining(f -> {
            if (!Set.of("param", "in", "min", "max").contains(f)) {
                out.add(new Violation(at + "." + f, "unknown field; allowed: [in, max, min, param]"));
            }
        });
        JsonNode ref = n.get("param");
        Param parent = null;
        if (ref == null || !ref.isTextual()) {
            out.add(new Violation(at + ".param", "is required: the name of an earlier parameter"));
        } else {
            parent = earlier.get(ref.asText());
            if (parent == null) {
                out.add(new Violation(
                        at + ".param", "'" + ref.asText() + "' is not a parameter defined before this one"));
            }
        }
        List<Object> in = null;
        JsonNode inNode = n.get("in");
        if (inNode != null) {
            if (!inNode.isArray() || inNode.isEmpty()) {
                out.add(new Violation(at + ".in", "must be a non-empty array of values"));
            } else {
                in = SpaceParser.scalars(inNode, at + ".in", out);
            }
        }
        Double min = bound(n, "min", at, out);
        Double max = bound(n, "max", at, out);
        if (inNode == null && n.get("min") == null && n.get("max") == null) {
            out.add(new Violation(at, "needs 'in', 'min' or 'max'"));
        }
        if (out.size() > before) return null;
        Condition c = new Condition(ref.asText(), in, min, max);
        if (parent != null && !satisfiable(c, parent)) {
            out.add(new Violation(
                    at,
                    "no value of '" + c.param() + "' satisfies this condition, so the parameter would never be used"));
            return null;
        }
        if ((min != null || max != null)
                && parent instanceof Param.ChoiceParam choice
                && choice.values().stream().noneMatch(v -> v instanceof Number)) {
            out.add(new Violation(at, "'min'/'max' need a numeric parameter; use 'in' for '" + c.param() + "'"));
            return null;
        }
        return c;
    }

    private static Double bound(JsonNode n, String key, String at, List<Violation> out) {
        JsonNode v = n.get(key);
        if (v == null) return null;
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            out.add(new Violation(at + "." + key, "must be a number, got " + v));
            return null;
        }
        return v.asDouble();
    }

    private static boolean satisfiable(Condition c, Param parent) {
        if (parent instanceof Param.ChoiceParam choice) {
            return choice.values().stream().anyMatch(v -> c.holds(Map.of(c.param(), v)));
        }
        if (parent instanceof Param.IntParam i) {
            if (c.in() == null && i.size() > 100_000) {
                return (c.min() == null || c.min() <= i.max()) && (c.max() == null || c.max() >= i.min());
            }
            for (int k = 0; k < i.size(); k++) if (c.holds(Map.of(c.param(), i.valueAt(k)))) return true;
            return false;
        }
        Param.FloatParam f = (Param.FloatParam) parent;
        if (c.in() != null)
            return c.in().stream()
                    .anyMatch(v -> v instanceof Number x && x.doubleValue() >= f.min() && x.doubleValue() <= f.max());
        double lo = c.min() == null ? f.min() : Math.max(f.min(), c.min());
        double hi = c.max() == null ? f.max() : Math.min(f.max(), c.max());
        return lo <= hi;
    }
}
