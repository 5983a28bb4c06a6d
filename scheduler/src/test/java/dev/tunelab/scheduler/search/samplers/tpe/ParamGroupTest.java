package dev.tunelab.scheduler.search.samplers.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.space.Condition;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamGroupTest {
    static final Condition SGD = new Condition("opt", List.of("sgd"), null, null);
    static final Condition DEEP = new Condition("layers", null, 2.0, null);

    static SearchSpace space() {
        Map<String, Param> p = new LinkedHashMap<>();
        p.put("layers", new Param.IntParam(1, 3, 1));
        p.put("units_2", new Param.IntParam(8, 64, 8, null, DEEP));
        p.put("opt", new Param.ChoiceParam(List.of("adam", "sgd")));
        p.put("momentum", new Param.FloatParam(0, 0.99, false, null, SGD));
        p.put("dropout_2", new Param.FloatParam(0, 0.5, false, null, new Condition("layers", null, 2.0, null)));
        p.put("lr", new Param.FloatParam(1e-4, 1e-1, true));
        return new SearchSpace(p);
    }

    @Test
    void parametersWithTheSameConditionShareAGroupInTheSpacesOrder() {
        List<ParamGroup> groups = ParamGroup.of(space());
        assertEquals(3, groups.size());
        assertEquals(new ParamGroup(null, List.of("layers", "opt", "lr")), groups.get(0));
        assertEquals(new ParamGroup(DEEP, List.of("units_2", "dropout_2")), groups.get(1));
        assertEquals(new ParamGroup(SGD, List.of("momentum")), groups.get(2));
    }

    @Test
    void aGroupIsActiveWhenItsConditionHoldsForTheValuesChosenSoFar() {
        ParamGroup momentum = ParamGroup.of(space()).get(2);
        assertTrue(momentum.active(Map.of("opt", "sgd")));
        assertFalse(momentum.active(Map.of("opt", "adam")));
        assertFalse(momentum.active(Map.of()), "no parent chosen, no child");
    }

    @Test
    void theUnconditionalCopyDropsOnlyTheConditions() {
        SearchSpace copy = ParamGroup.of(space()).get(1).unconditional(space());
        assertEquals(List.of("units_2", "dropout_2"), List.copyOf(copy.params().keySet()));
        assertEquals(new Param.IntParam(8, 64, 8), copy.params().get("units_2"));
        assertFalse(copy.conditional());
    }
}
