package dev.tunelab.core.space;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * When a parameter is active: only while an earlier parameter {@code param} is active and its value
 * is one of {@code in} and within [{@code min}, {@code max}] (each part optional). An inactive
 * parameter is absent from the trial, the way Optuna's define-by-run leaves it out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(String param, List<Object> in, Double min, Double max) {

    public Condition {
        if (param == null) throw new IllegalArgumentException("a condition names a parameter");
        in = in == null ? null : List.copyOf(in);
    }

    /** Whether the condition holds for the (partial) point built so far. */
    public boolean holds(Map<String, Object> point) {
        Object v = point.get(param);
        if (v == null) return false;
        if (in != null && in.stream().noneMatch(x -> same(x, v))) return false;
        if (min != null || max != null) {
            if (!(v instanceof Number n)) return false;
            if (min != null && n.doubleValue() < min) return false;
            if (max != null && n.doubleValue() > max) return false;
        }
        return true;
    }

    /** 3 and 3.0 are the same value to a user writing JSON. */
    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return x.doubleValue() == y.doubleValue();
        return a.equals(b);
    }
}
