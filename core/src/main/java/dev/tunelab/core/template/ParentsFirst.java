package dev.tunelab.core.template;

import dev.tunelab.core.space.Condition;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.study.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expanded space's parameters in an order samplers can follow: a parent before its children.
 */
final class ParentsFirst {
    private static final String SPACE = "$.space";

    private ParentsFirst() {}

    /**
     * Parents before children, otherwise in the order written: a condition may only look back, and a
     * parameter used only inside an option may have been written before the Choice's own.
     */
    static Map<String, Param> order(Map<String, Param> params, List<Violation> out) {
        Map<String, Param> done = new LinkedHashMap<>();
        List<String> pending = new ArrayList<>(params.keySet());
        while (!pending.isEmpty()) {
            boolean progress = false;
            for (Iterator<String> it = pending.iterator(); it.hasNext() && !progress; ) {
                String name = it.next();
                Condition c = params.get(name).when();
                if (c == null
                        || done.containsKey(c.param())
                        || !params.containsKey(c.param()) && !name.equals(c.param())) {
                    done.put(name, params.get(name));
                    it.remove();
                    // Start over: children written before their parent follow it as closely as they can.
                    progress = true;
                }
            }
            if (!progress) {
                String stuck = pending.remove(0);
                out.add(
                        new Violation(
                                SPACE + "." + stuck,
                                "'"
                                        + stuck
                                        + "' and '"
                                        + params.get(stuck).when().param()
                                        + "' are each used only where the other decides; one of them must be usable on its own"));
                done.put(stuck, withWhen(params.get(stuck), null));
            }
        }
        return done;
    }

    static Param withWhen(Param p, Condition when) {
        if (p instanceof Param.IntParam i) return new Param.IntParam(i.min(), i.max(), i.step(), i.gridPoints(), when);
        if (p instanceof Param.FloatParam f)
            return new Param.FloatParam(f.min(), f.max(), f.log(), f.gridPoints(), when);
        Param.ChoiceParam c = (Param.ChoiceParam) p;
        return new Param.ChoiceParam(c.values(), when);
    }
}
