package dev.tunelab.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.space.Condition;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.study.Violation;
import dev.tunelab.core.template.tree.Node;
import dev.tunelab.core.template.tree.Template;
import dev.tunelab.core.template.tree.TemplateParser;
import dev.tunelab.core.template.tree.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns the search space a user wrote into the one samplers see, given the Repeat and Choice blocks
 * of the template. A parameter used inside a Repeat (and not listed in its {@code shared}) becomes
 * one parameter per repetition, {@code units_0 .. units_{max-1}}, the i-th active only while {@code
 * times > i}; a parameter used only inside Choice options is active only while one of those options
 * is chosen. Inactive parameters are never sampled, which is how Optuna's define-by-run spaces
 * behave, so a deep network does not waste the sampler's effort on the unused layers of a shallow
 * one.
 *
 * <p>Call it on a template {@link TemplateChecker} accepted; it reports only what depends on how
 * parameters are used: a per-repetition parameter used outside its block or with its own condition,
 * names that would clash, a Choice parameter used inside its own options.
 */
public final class ArchitectureSpace {
    private static final String SPACE = "$.space";

    /** Where a reference sits: the Choice options and the Repeat around it, outermost first. */
    private record Frame(String param, String option, Node.Repeat repeat) {}

    /**
     * One reference: the parameter, its frames, and the Repeat it is sampled per repetition of (or
     * null).
     */
    private record Use(String param, List<Frame> frames, Node.Repeat perRepeat, String path) {}

    private final SearchSpace space;
    private final List<Violation> out;
    private final List<Use> uses = new ArrayList<>();

    private ArchitectureSpace(SearchSpace space, List<Violation> out) {
        this.space = space;
        this.out = out;
    }

    /** The expanded space; violations are added to {@code out} with their paths. */
    public static SearchSpace expand(JsonNode template, SearchSpace space, String path, List<Violation> out) {
        return expand(TemplateParser.parse(template, path), space, out);
    }

    /**
     * The expanded space of a parsed template; violations are added to {@code out} with their paths.
     */
    public static SearchSpace expand(Template template, SearchSpace space, List<Violation> out) {
        ArchitectureSpace a = new ArchitectureSpace(space, out);
        // In the order written: the first use of a parameter decides which of two clashing uses is
        // reported.
        for (String key : template.site().keys()) {
            if (key.equals("layers")) {
                if (template.layers() != null) a.nodes(template.layers(), List.of(), null);
            } else {
                a.references(template.setting(key), List.of(), null, template.path() + "." + key);
            }
        }
        return a.build();
    }

    /** The most repetitions a Repeat can have. */
    static int maxTimes(Value times, SearchSpace space) {
        if (!(times instanceof Value.Ref ref)) return times.json().asInt();
        Param p = space.params().get(ref.param());
        if (p instanceof Param.IntParam i) return i.max();
        int max = 0;
        for (Object v : ((Param.ChoiceParam) p).values()) max = Math.max(max, ((Number) v).intValue());
        return max;
    }

    private void nodes(List<Node> nodes, List<Frame> frames, Node.Repeat repeat) {
        for (Node node : nodes) {
            if (node instanceof Node.Repeat r) {
                references(r.times(), frames, repeat, r.path() + ".times");
                nodes(r.layers(), plus(frames, new Frame(null, null, r)), r);
            } else if (node instanceof Node.Choice c) {
                String head = c.choice() instanceof Value.Ref ref ? ref.param() : null;
                references(c.choice(), frames, repeat, c.path() + ".choice");
                for (Node.Choice.Option o : c.options()) {
                    nodes(o.layers(), plus(frames, new Frame(head, o.name(), null)), repeat);
                }
            } else if (node instanceof Node.Layer l) {
                for (Value v : l.fields().values()) references(v, frames, repeat, l.path());
            }
        }
    }

    private void references(Value v, List<Frame> frames, Node.Repeat repeat, String path) {
        if (v instanceof Value.Ref ref) {
            Node.Repeat perRepeat = repeat != null && !repeat.sharedNames().contains(ref.param()) ? repeat : null;
            uses.add(new Use(ref.param(), frames, perRepeat, path));
        } else if (v instanceof Value.Items items) {
            items.items().forEach(child -> references(child, frames, repeat, path));
        } else if (v instanceof Value.Fields fields) {
            fields.fields().values().forEach(child -> references(child, frames, repeat, path));
        }
    }

    private SearchSpace build() {
        Map<String, List<Use>> byParam = new LinkedHashMap<>();
        for (Use u : uses)
            byParam.computeIfAbsent(u.param(), k -> new ArrayList<>()).add(u);
        Set<String> perRepetition = new HashSet<>();
        for (Map.Entry<String, List<Use>> e : byParam.entrySet()) {
            if (e.getValue().stream().anyMatch(u -> u.perRepeat() != null)) perRepetition.add(e.getKey());
        }
        Map<String, Param> expanded = new LinkedHashMap<>();
        for (Map.Entry<String, Param> e : space.params().entrySet()) {
            String name = e.getKey();
            Param p = e.getValue();
            List<Use> used = byParam.getOrDefault(name, List.of());
            if (p.when() != null && perRepetition.contains(p.when().param())) {
                out.add(new Violation(
                        SPACE + "." + name + ".when.param",
                        "'"
                                + p.when().param()
                                + "' is sampled once per repetition of a Repeat, so no single value of it can decide whether '"
                                + name
                                + "' exists"));
            }
            if (!perRepetition.contains(name)) {
                expanded.put(name, p.when() != null ? p : ParentsFirst.withWhen(p, condition(used, -1, perRepetition)));
                continue;
            }
            Node.Repeat repeat = perRepeatOf(name, used, p);
            if (repeat == null) continue;
            int max = maxTimes(repeat.times(), space);
            for (int i = 0; i < max; i++) {
                String copy = name + "_" + i;
                if (space.params().containsKey(copy)) {
                    out.add(new Violation(
                            repeat.path(),
                            "repeating '"
                                    + name
                                    + "' needs the name '"
                                    + copy
                                    + "', which the search space already uses; rename one of them"));
                    break;
                }
                expanded.put(copy, ParentsFirst.withWhen(p, condition(used, i, perRepetition)));
            }
        }
        return new SearchSpace(ParentsFirst.order(expanded, out));
    }

    /** The one Repeat {@code name} is sampled in, or null after recording why it cannot be. */
    private Node.Repeat perRepeatOf(String name, List<Use> used, Param p) {
        Node.Repeat repeat = null;
        for (Use u : used) {
            if (u.perRepeat() == null) {
                out.add(
                        new Violation(
                                u.path(),
                                "'"
                                        + name
                                        + "' is sampled once per repetition of the Repeat at "
                                        + used.stream()
                                                .filter(x -> x.perRepeat() != null)
                                                .findFirst()
                                                .orElseThrow()
                                                .perRepeat()
                                                .path()
                                        + ", so it cannot also be used outside it; list it in that Repeat's \"shared\" to use one value everywhere"));
                return null;
            }
            if (repeat != null && repeat != u.perRepeat()) {
                out.add(new Violation(
                        u.path(),
                        "'"
                                + name
                                + "' is already sampled per repetition of the Repeat at "
                                + repeat.path()
                                + "; use a parameter of its own in each Repeat"));
                return null;
            }
            repeat = u.perRepeat();
        }
        if (p.when() != null) {
            out.add(new Violation(
                    SPACE + "." + name + ".when",
                    "'"
                            + name
                            + "' is sampled per repetition of the Repeat at "
                            + repeat.path()
                            + ", which decides when each copy exists; remove its 'when'"));
            return null;
        }
        return repeat;
    }

    /**
     * The condition under which every use of a parameter is reachable: the innermost Choice option or
     * repetition around it. Uses that disagree leave it unconditional, which only costs a sampled
     * value that some networks ignore.
     *
     * @param repetition the copy being made, or -1 for a parameter sampled once
     */
    private Condition condition(List<Use> used, int repetition, Set<String> perRepetition) {
        Condition first = null;
        Set<Object> in = new LinkedHashSet<>();
        for (Use u : used) {
            Condition c = innermost(u, repetition, perRepetition);
            if (c == null) return null;
            if (first != null
                    && (!first.param().equals(c.param())
                            || (first.in() == null) != (c.in() == null)
                            || !Objects.equals(first.min(), c.min()))) {
                return null;
            }
            if (first == null) first = c;
            if (c.in() != null) in.addAll(c.in());
        }
        if (first == null || first.in() == null) return first;
        return new Condition(first.param(), List.copyOf(in), null, null);
    }

    private static Condition innermost(Use u, int repetition, Set<String> perRepetition) {
        List<Frame> frames = u.frames();
        for (int k = frames.size() - 1; k >= 0; k--) {
            Frame f = frames.get(k);
            if (f.repeat() != null) {
                // A shared parameter is the same in every repetition: the Repeat does not condition it.
                if (repetition < 0) continue;
                if (f.repeat().times() instanceof Value.Ref times) {
                    return new Condition(times.param(), null, (double) (repetition + 1), null);
                }
                continue;
            }
            boolean headPerRepetition = perRepetition.contains(f.param());
            // One value used under a head sampled per repetition is needed when any copy picks the
            // option.
            if (headPerRepetition && repetition < 0) return null;
            String head = headPerRepetition ? f.param() + "_" + repetition : f.param();
            return new Condition(head, List.of(f.option()), null, null);
        }
        return null;
    }

    private static List<Frame> plus(List<Frame> frames, Frame f) {
        List<Frame> more = new ArrayList<>(frames);
        more.add(f);
        return List.copyOf(more);
    }
}
