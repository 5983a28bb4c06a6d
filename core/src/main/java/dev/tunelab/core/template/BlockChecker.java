package dev.tunelab.core.template;

import dev.tunelab.core.space.Param;
import dev.tunelab.core.template.tree.Node;
import dev.tunelab.core.template.tree.TemplateParser;
import dev.tunelab.core.template.tree.Value;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * Checks the Repeat and Choice blocks of a template: their own fields, and that the parameters
 * steering them exist and fit. The layers inside are handed back to the template's checker.
 */
final class BlockChecker {
    private final ValueChecker values;

    /** Checks a list of nodes; the flag says whether they are inside a Repeat. */
    private final BiConsumer<List<Node>, Boolean> nodes;

    BlockChecker(ValueChecker values, BiConsumer<List<Node>, Boolean> nodes) {
        this.values = values;
        this.nodes = nodes;
    }

    void repeat(Node.Repeat block, boolean inRepeat) {
        String path = block.path();
        values.unknownFields(
                block.site().keys(), Set.of("type", "times", "layers", "shared", TemplateParser.PATH), path);
        if (inRepeat)
            values.add(path + ".type", "a Repeat cannot hold another Repeat; give the inner block its own layers");
        if (block.times() == null) {
            values.add(path + ".times", "is required: a number of repetitions or {\"param\": \"name\"}");
        } else {
            values.check(block.times(), ArgKind.REPEATS, true);
        }
        Value shared = block.shared();
        if (shared != null) {
            if (!(shared instanceof Value.Items items)) {
                values.add(path + ".shared", "must be an array of parameter names");
            } else {
                for (Value s : items.items()) {
                    if (!s.json().isTextual()
                            || !values.space().params().containsKey(s.json().asText())) {
                        values.add(s.path(), "must name a parameter of the search space, got " + s.json());
                    }
                }
            }
        }
        if (block.layers() == null || block.layers().isEmpty()) {
            values.add(path + ".layers", "must be a non-empty array of the layers to repeat");
        } else {
            nodes.accept(block.layers(), true);
        }
    }

    void choice(Node.Choice block, boolean inRepeat) {
        String path = block.path();
        values.unknownFields(block.site().keys(), Set.of("type", "choice", "options", TemplateParser.PATH), path);
        List<Node.Choice.Option> options = block.options();
        if (options == null) {
            values.add(path + ".options", "must be an object of named alternatives, each an array of layers");
        }
        String ref = block.choice() instanceof Value.Ref r ? r.param() : null;
        Param p = ref == null ? null : values.space().params().get(ref);
        if (ref == null) {
            values.add(path + ".choice", "must be a reference {\"param\": \"name\"} to a choice parameter");
        } else if (!(p instanceof Param.ChoiceParam c)) {
            values.add(
                    path + ".choice",
                    p == null
                            ? "refers to parameter '" + ref + "', which the search space does not define"
                            : "parameter '" + ref + "' must be a choice whose values are the option names");
        } else if (options != null) {
            Set<Object> names = new TreeSet<>();
            options.forEach(o -> names.add(o.name()));
            if (!new HashSet<>(c.values()).equals(names)) {
                values.add(
                        path + ".choice",
                        "parameter '"
                                + ref
                                + "' has values "
                                + c.values()
                                + ", which must be exactly the option names "
                                + names);
            }
        }
        if (options == null) return;
        for (Node.Choice.Option o : options) {
            if (o.layers() == null) {
                values.add(o.path(), "must be an array of layers (it may be empty)");
            } else {
                nodes.accept(o.layers(), inRepeat);
            }
        }
    }
}
