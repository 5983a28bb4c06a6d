package dev.tunelab.core.space;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Named parameters in the order the user wrote them; that order fixes grid enumeration, and a
 * condition may only look back at an earlier parameter, so one pass decides what is active.
 */
public record SearchSpace(Map<String, Param> params) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SearchSpace {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    @JsonValue
    public Map<String, Param> params() {
        return params;
    }

    /** Whether any parameter is conditional. */
    @JsonIgnore
    public boolean conditional() {
        return params.values().stream().anyMatch(p -> p.when() != null);
    }

    /** Whether {@code name} is active given the values chosen so far (earlier parameters). */
    public boolean isActive(String name, Map<String, Object> point) {
        Condition c = params.get(name).when();
        return c == null || c.holds(point);
    }

    /**
     * The active part of a point that assigns values to (at least) every parameter: samplers that
     * draw whole vectors call this so inactive parameters never reach a trial.
     */
    public Map<String, Object> activeOnly(Map<String, Object> full) {
        Map<String, Object> point = new LinkedHashMap<>();
        for (String name : params.keySet()) {
            if (isActive(name, point) && full.containsKey(name)) point.put(name, full.get(name));
        }
        return point;
    }

    /**
     * Number of distinct grid points (inactive parameters add none), or -1 when some float range has
     * no {@code gridPoints}; {@link Long#MAX_VALUE} when the count overflows.
     */
    /** Values of a parameter others depend on that the grid's size is counted through one by one. */
    static final long MAX_BRANCHES = 100_000;

    public long gridSize() {
        for (Param p : params.values()) if (p.gridCount() < 0) return -1;
        Set<String> parents = params.values().stream()
                .map(Param::when)
                .filter(c -> c != null)
                .map(Condition::param)
                .collect(Collectors.toSet());
        try {
            return count(List.copyOf(params.keySet()), 0, new LinkedHashMap<>(), parents);
        } catch (ArithmeticException overflow) {
            return Long.MAX_VALUE;
        }
    }

    /** Branches only on parameters some condition looks at; the others just multiply. */
    private long count(List<String> names, int k, Map<String, Object> prefix, Set<String> parents) {
        if (k == names.size()) return 1;
        String name = names.get(k);
        if (!isActive(name, prefix)) return count(names, k + 1, prefix, parents);
        Param p = params.get(name);
        if (!parents.contains(name)) return Math.multiplyExact(p.gridCount(), count(names, k + 1, prefix, parents));
        // A condition looks at this one: count branch by branch, unless the grid is past any budget.
        if (p.gridCount() > MAX_BRANCHES) throw new ArithmeticException("too many grid points to count");
        List<Object> values = p.gridValues();
        long total = 0;
        for (Object v : values) {
            prefix.put(name, v);
            total = Math.addExact(total, count(names, k + 1, prefix, parents));
            prefix.remove(name);
        }
        return total;
    }
}
