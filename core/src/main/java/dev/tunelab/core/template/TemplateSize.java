package dev.tunelab.core.template;

import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.study.StudyLimits;
import dev.tunelab.core.study.Violation;
import dev.tunelab.core.template.tree.Node;
import dev.tunelab.core.template.tree.Template;
import dev.tunelab.core.template.tree.Value;
import java.util.List;
import java.util.Set;

/**
 * The size of a checked template's networks, bounded before any of them is built: the layers of the
 * deepest one, and each layer's width at its parameter's largest value. Counting is on the tree, so
 * a template of a million layers costs a walk, not a million shape inferences per corner.
 */
public final class TemplateSize {
    /** Arguments that set a layer's width: Dense and recurrent units, filters, embedding size. */
    static final Set<String> WIDTHS = Set.of("units", "filters", "output_dim");

    private final SearchSpace space;
    private final StudyLimits limits;
    private final List<Violation> out;

    private TemplateSize(SearchSpace space, StudyLimits limits, List<Violation> out) {
        this.space = space;
        this.limits = limits;
        this.out = out;
    }

    /** Adds a violation for the template's depth and for each layer too wide, at its path. */
    public static void check(Template t, SearchSpace space, StudyLimits limits, List<Violation> out) {
        TemplateSize size = new TemplateSize(space, limits, out);
        long depth = size.layers(t.layers());
        if (limits.layers().exceededBy(depth)) {
            out.add(new Violation(
                    t.path() + ".layers",
                    "the deepest network of the template has " + depth + " layers; at most "
                            + limits.layers().value() + " " + limits.layers().cite()));
        }
    }

    /** The most layers {@code nodes} give, checking each layer's width on the way. */
    private long layers(List<Node> nodes) {
        long n = 0;
        for (Node node : nodes) {
            if (node instanceof Node.Layer l) {
                widths(l);
                n++;
            } else if (node instanceof Node.Repeat r) {
                n += largest(r.times()) * layers(r.layers());
            } else if (node instanceof Node.Choice c) {
                long deepest = 0;
                for (Node.Choice.Option o : c.options()) deepest = Math.max(deepest, layers(o.layers()));
                n += deepest;
            }
        }
        return n;
    }

    private void widths(Node.Layer layer) {
        if (layer.inner() instanceof Node.Layer wrapped) widths(wrapped);
        for (String arg : WIDTHS) {
            Value v = layer.fields().get(arg);
            if (v == null) continue;
            long width = largest(v);
            if (limits.units().exceededBy(width)) {
                String what = v instanceof Value.Ref r ? "parameter '" + r.param() + "' reaches " : "is ";
                out.add(new Violation(
                        v.path(),
                        what + width + " " + arg + "; at most " + limits.units().value() + " "
                                + limits.units().cite()));
            }
        }
    }

    /** The largest value a literal or a parameter gives; 0 for anything else (checked elsewhere). */
    private long largest(Value v) {
        if (v instanceof Value.Literal l)
            return l.json().isIntegralNumber() ? l.json().asLong() : 0;
        if (!(v instanceof Value.Ref r) || !space.params().containsKey(r.param())) return 0;
        Param p = space.params().get(r.param());
        if (p instanceof Param.IntParam i) return i.valueAt(i.size() - 1);
        long max = 0;
        if (p instanceof Param.ChoiceParam c) {
            for (Object o : c.values()) if (o instanceof Number num) max = Math.max(max, num.longValue());
        }
        return max;
    }
}
