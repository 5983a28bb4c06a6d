package dev.tunelab.scheduler.search.samplers.tpe;

import dev.tunelab.core.space.Condition;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parameters with the same condition ({@code when}): whether a parameter is active depends only on
 * its condition, so the members of a group are active in exactly the same trials and can be
 * modelled jointly on those trials. Unconditional parameters form one group.
 */
record ParamGroup(Condition when, List<String> names) {

    /**
     * The groups of a space, ordered by their first member. A condition only looks back, so the group
     * of a parent comes before the groups that depend on it.
     */
    static List<ParamGroup> of(SearchSpace space) {
        Map<Condition, List<String>> byCondition = new LinkedHashMap<>();
        List<String> unconditional = new ArrayList<>();
        List<ParamGroup> groups = new ArrayList<>();
        space.params().forEach((name, p) -> {
            if (p.when() == null) {
                if (unconditional.isEmpty()) groups.add(new ParamGroup(null, unconditional));
                unconditional.add(name);
                return;
            }
            List<String> members = byCondition.get(p.when());
            if (members == null) {
                members = new ArrayList<>();
                byCondition.put(p.when(), members);
                groups.add(new ParamGroup(p.when(), members));
            }
            members.add(name);
        });
        return groups.stream()
                .map(g -> new ParamGroup(g.when, List.copyOf(g.names)))
                .toList();
    }

    /** Whether the group is active given the values chosen so far. */
    boolean active(Map<String, Object> point) {
        return when == null || when.holds(point);
    }

    /** The group's parameters without their condition, for a plain random draw of them. */
    SearchSpace unconditional(SearchSpace space) {
        Map<String, Param> params = new LinkedHashMap<>();
        for (String name : names)
            params.put(
                    name, withoutCondition(Objects.requireNonNull(space.params().get(name))));
        return new SearchSpace(params);
    }

    private static Param withoutCondition(Param p) {
        if (p instanceof Param.IntParam i) return new Param.IntParam(i.min(), i.max(), i.step());
        if (p instanceof Param.FloatParam f) return new Param.FloatParam(f.min(), f.max(), f.log());
        return new Param.ChoiceParam(((Param.ChoiceParam) p).values());
    }
}
