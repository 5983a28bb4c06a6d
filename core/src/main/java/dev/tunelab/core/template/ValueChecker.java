package dev.tunelab.core.template;

import dev.tunelab.core.messages.Json;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.study.Violation;
import dev.tunelab.core.template.tree.TemplateParser;
import dev.tunelab.core.template.tree.Value;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Checks one template value, a literal or a parameter reference, against the kind it must be. */
final class ValueChecker {
    private final SearchSpace space;
    private final List<Violation> out;

    ValueChecker(SearchSpace space, List<Violation> out) {
        this.space = space;
        this.out = out;
    }

    void add(String path, String message) {
        out.add(new Violation(path, message));
    }

    /**
     * A violation for each of {@code keys} not in {@code allowed} ({@code $path} is never listed).
     */
    void unknownFields(Collection<String> keys, Set<String> allowed, String path) {
        for (String f : keys) {
            if (!allowed.contains(f)) {
                Set<String> shown = new TreeSet<>(allowed);
                shown.remove(TemplateParser.PATH);
                add(path + "." + f, "unknown field; allowed: " + shown);
            }
        }
    }

    SearchSpace space() {
        return space;
    }

    /**
     * The fields of a value written as an object, or null when it is none. A reference is an object
     * too: where an object of settings belongs, its {@code param} is reported as an unknown field.
     */
    static Map<String, Value> objectFields(Value v) {
        if (v instanceof Value.Fields f) return f.fields();
        if (v instanceof Value.Ref r) {
            Map<String, Value> m = new LinkedHashMap<>();
            m.put("param", Value.of(r.json().get("param"), r.path() + ".param"));
            return m;
        }
        return null;
    }

    /**
     * Checks a literal or a reference at its own path; false when a violation was recorded.
     *
     * @param conditionalAllowed whether the value may name a conditional parameter: only where
     *     leaving the value out has a meaning (a layer is left out, a setting falls back to its
     *     default)
     */
    boolean check(Value v, ArgKind kind, boolean conditionalAllowed) {
        String why;
        if (v instanceof Value.Ref r) {
            String ref = r.param();
            Param p = space.params().get(ref);
            if (p == null) {
                why = "refers to parameter '" + ref + "', which the search space does not define";
            } else if (p.when() != null && !conditionalAllowed) {
                why = "'"
                        + ref
                        + "' is conditional; only a layer may use it (the layer is left out when '"
                        + ref
                        + "' is inactive)";
            } else {
                why = kind.checkParam(ref, p);
            }
        } else if (v instanceof Value.Fields) {
            why = "a parameter reference is written {\"param\": \"name\"}";
        } else {
            why = kind.checkLiteral(v.json());
        }
        if (why != null) add(v.path(), why);
        return why == null;
    }

    /**
     * The values {@code v} can take: itself when it is a literal, every value of a choice parameter
     * it refers to; null when that is not a finite list (a numeric range, a missing parameter).
     */
    List<Object> possible(Value v) {
        if (v == null) return null;
        if (v instanceof Value.Ref r)
            return space.params().get(r.param()) instanceof Param.ChoiceParam c ? c.values() : null;
        // A literal null has no value to reason about (its own check refuses it where it is not
        // allowed).
        if (!(v instanceof Value.Literal l) || l.json().isNull()) return null;
        return List.of(Json.MAPPER.convertValue(l.json(), Object.class));
    }
}
