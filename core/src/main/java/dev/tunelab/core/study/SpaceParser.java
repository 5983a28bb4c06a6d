package dev.tunelab.core.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.space.Condition;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the {@code space} object of a study, collecting every violation with its path. */
final class SpaceParser {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");

    private SpaceParser() {}

    static SearchSpace parse(JsonNode node, String path, List<Violation> out) {
        Map<String, Param> params = new LinkedHashMap<>();
        if (node == null || node.isNull()) return new SearchSpace(params);
        if (!node.isObject()) {
            out.add(new Violation(path, "must be an object of named parameters"));
            return new SearchSpace(params);
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String at = path + "." + e.getKey();
            if (!NAME.matcher(e.getKey()).matches()) {
                out.add(new Violation(
                        at, "parameter names start with a letter or '_' and use letters, digits, '_', '.', '-'"));
                continue;
            }
            Param p = param(e.getValue(), at, params, out);
            if (p != null) params.put(e.getKey(), p);
        }
        return new SearchSpace(params);
    }

    private static Param param(JsonNode n, String at, Map<String, Param> earlier, List<Violation> out) {
        if (!n.isObject() || !n.path("type").isTextual()) {
            out.add(new Violation(at + ".type", "must be one of \"int\", \"float\", \"choice\""));
            return null;
        }
        String type = n.get("type").asText();
        int before = out.size();
        switch (type) {
            case "int" -> {
                allowed(n, Set.of("type", "min", "max", "step", "gridPoints", "when"), at, out);
                Integer min = integer(n, "min", at, out, null);
                Integer max = integer(n, "max", at, out, null);
                Integer step = integer(n, "step", at, out, 1);
                Integer gridPoints = gridPoints(n, at, out);
                Condition when = ConditionParser.parse(n.get("when"), at + ".when", earlier, out);
                if (step != null && step < 1) out.add(new Violation(at + ".step", "must be at least 1"));
                if (min != null && max != null && min > max) {
                    out.add(new Violation(at + ".min", "min (" + min + ") must not exceed max (" + max + ")"));
                }
                return out.size() == before ? new Param.IntParam(min, max, step, gridPoints, when) : null;
            }
            case "float" -> {
                allowed(n, Set.of("type", "min", "max", "log", "gridPoints", "when"), at, out);
                Double min = real(n, "min", at, out);
                Double max = real(n, "max", at, out);
                Integer gridPoints = gridPoints(n, at, out);
                Condition when = ConditionParser.parse(n.get("when"), at + ".when", earlier, out);
                JsonNode logNode = n.get("log");
                boolean log = false;
                if (logNode != null && !logNode.isBoolean()) {
                    out.add(new Violation(at + ".log", "must be true or false"));
                } else if (logNode != null) {
                    log = logNode.asBoolean();
                }
                if (min != null && max != null && min > max) {
                    out.add(new Violation(at + ".min", "min (" + min + ") must not exceed max (" + max + ")"));
                }
                if (log && min != null && min <= 0) {
                    out.add(new Violation(at + ".min", "a log range needs min > 0"));
                }
                return out.size() == before ? new Param.FloatParam(min, max, log, gridPoints, when) : null;
            }
            case "choice" -> {
                allowed(n, Set.of("type", "values", "when"), at, out);
                Condition when = ConditionParser.parse(n.get("when"), at + ".when", earlier, out);
                JsonNode values = n.get("values");
                if (values == null || !values.isArray() || values.isEmpty()) {
                    out.add(new Violation(at + ".values", "must be a non-empty array"));
                    return null;
                }
                List<Object> list = scalars(values, at + ".values", out);
                if (new java.util.HashSet<>(list).size() != list.size()) {
                    out.add(new Violation(at + ".values", "must not repeat a value"));
                }
                return out.size() == before ? new Param.ChoiceParam(list, when) : null;
            }
            default -> {
                out.add(new Violation(at + ".type", "unknown parameter type '" + type + "'; use int, float or choice"));
                return null;
            }
        }
    }

    /** Strings, numbers and booleans, the values a choice (or a condition's {@code in}) may hold. */
    static List<Object> scalars(JsonNode values, String at, List<Violation> out) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            JsonNode v = values.get(i);
            if (v.isTextual()) list.add(v.asText());
            else if (v.isIntegralNumber() && v.canConvertToInt()) list.add(v.asInt());
            else if (v.isNumber()) list.add(v.asDouble());
            else if (v.isBoolean()) list.add(v.asBoolean());
            else out.add(new Violation(at + "[" + i + "]", "must be a string, number or boolean"));
        }
        return list;
    }

    private static Integer gridPoints(JsonNode n, String at, List<Violation> out) {
        JsonNode v = n.get("gridPoints");
        if (v == null) return null;
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1 || v.asInt() > 1000) {
            out.add(new Violation(at + ".gridPoints", "must be an integer from 1 to 1000, got " + v));
            return null;
        }
        return v.asInt();
    }

    private static void allowed(JsonNode n, Set<String> keys, String at, List<Violation> out) {
        n.fieldNames().forEachRemaining(f -> {
            if (!keys.contains(f))
                out.add(new Violation(at + "." + f, "unknown field; allowed: " + new java.util.TreeSet<>(keys)));
        });
    }

    private static Integer integer(JsonNode n, String key, String at, List<Violation> out, Integer dflt) {
        JsonNode v = n.get(key);
        if (v == null) {
            if (dflt == null) out.add(new Violation(at + "." + key, "is required"));
            return dflt;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            out.add(new Violation(at + "." + key, "must be an integer, got " + v));
            return null;
        }
        return v.asInt();
    }

    private static Double real(JsonNode n, String key, String at, List<Violation> out) {
        JsonNode v = n.get(key);
        if (v == null) {
            out.add(new Violation(at + "." + key, "is required"));
            return null;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            out.add(new Violation(at + "." + key, "must be a number, got " + v));
            return null;
        }
        return v.asDouble();
    }
}
