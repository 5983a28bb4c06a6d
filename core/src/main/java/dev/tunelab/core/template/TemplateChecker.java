package dev.tunelab.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.study.DatasetFacts;
import dev.tunelab.core.study.Violation;
import dev.tunelab.core.template.layers.Arg;
import dev.tunelab.core.template.layers.LayerCatalog;
import dev.tunelab.core.template.layers.LayerType;
import dev.tunelab.core.template.tree.Node;
import dev.tunelab.core.template.tree.Site;
import dev.tunelab.core.template.tree.Template;
import dev.tunelab.core.template.tree.TemplateParser;
import dev.tunelab.core.template.tree.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a Keras-style template against its search space before anything is stored: unknown layers
 * and arguments, literals of the wrong kind, references to missing parameters, parameter ranges
 * that some trial would find invalid, and malformed Repeat and Choice blocks. Whether the layers
 * fit together (shapes) is {@link Architecture}'s job, point by point.
 */
public final class TemplateChecker {
    private final ValueChecker values;
    private final BlockChecker blocks;

    private TemplateChecker(SearchSpace space, List<Violation> out) {
        this.values = new ValueChecker(space, out);
        this.blocks = new BlockChecker(values, this::nodes);
    }

    /**
     * Every violation in {@code template}, at paths under {@code path}. Facts may be null (unknown
     * dataset).
     */
    public static List<Violation> check(JsonNode template, SearchSpace space, DatasetFacts facts, String path) {
        Template t = TemplateParser.parse(template, path);
        if (t == null) {
            List<Violation> out = new ArrayList<>();
            out.add(new Violation(path, "must be an object with 'layers'"));
            return out;
        }
        return check(t, space, facts);
    }

    /** Every violation in the parsed template {@code t}. Facts may be null (unknown dataset). */
    public static List<Violation> check(Template t, SearchSpace space, DatasetFacts facts) {
        List<Violation> out = new ArrayList<>();
        TemplateChecker c = new TemplateChecker(space, out);
        c.values.unknownFields(t.site().keys(), SettingsCatalog.TEMPLATE_FIELDS, t.path());
        if (t.layers() == null || t.layers().isEmpty()) {
            out.add(new Violation(t.path() + ".layers", "must be a non-empty array of layers"));
        } else {
            c.nodes(t.layers(), false);
        }
        new SettingsChecker(c.values).check(t, facts);
        return out;
    }

    private void nodes(List<Node> nodes, boolean inRepeat) {
        for (Node n : nodes) node(n, inRepeat);
    }

    private void node(Node node, boolean inRepeat) {
        if (node instanceof Node.Malformed m) {
            values.add(m.path(), m.problem());
            return;
        }
        Site site = ((Node.Block) node).site();
        if (site.pathMalformed()) {
            values.add(
                    site.path() + "." + TemplateParser.PATH,
                    "must be a string: the JSON path where the layer was written");
        }
        if (node instanceof Node.Repeat r) {
            blocks.repeat(r, inRepeat);
        } else if (node instanceof Node.Choice c) {
            blocks.choice(c, inRepeat);
        } else {
            layer((Node.Layer) node);
        }
    }

    private void layer(Node.Layer layer) {
        String path = layer.path();
        LayerType type = LayerCatalog.get(layer.type());
        if (type == null) {
            values.add(
                    path + ".type",
                    "unknown layer '"
                            + layer.type()
                            + "'; known: "
                            + new TreeSet<>(LayerCatalog.names())
                            + ", and the blocks Repeat and Choice");
            return;
        }
        Set<String> allowed = new HashSet<>(type.args().keySet());
        allowed.add("type");
        allowed.add(TemplateParser.PATH);
        if (!type.wraps().isEmpty()) allowed.add("layer");
        values.unknownFields(layer.site().keys(), allowed, path);
        for (Map.Entry<String, Arg> a : type.args().entrySet()) {
            Value v = layer.fields().get(a.getKey());
            if (v == null || v.json().isNull()) {
                if (a.getValue().required()) values.add(path + "." + a.getKey(), "is required for " + layer.type());
            } else {
                argument(v, a.getValue().kind());
            }
        }
        if (!type.wraps().isEmpty()) wrapped(layer, type);
    }

    /** Bidirectional runs a recurrent layer both ways; anything else has no direction to reverse. */
    private void wrapped(Node.Layer layer, LayerType type) {
        Node inner = layer.inner();
        if (inner == null) {
            values.add(
                    layer.path() + ".layer", "is required for " + type.name() + ": an LSTM or SimpleRNN layer object");
            return;
        }
        if (!(inner instanceof Node.Layer l) || !type.wraps().contains(l.type())) {
            String at = inner instanceof Node.Malformed m ? m.path() : inner.path() + ".type";
            values.add(
                    at,
                    type.name()
                            + " wraps an LSTM or SimpleRNN, got "
                            + layer.fields().get("layer").json().get("type"));
            return;
        }
        node(l, false);
    }

    private void argument(Value v, ArgKind kind) {
        if (kind == ArgKind.REGULARIZER && v instanceof Value.Fields f) {
            regularizer(f);
        } else if (kind.rank() > 0 && v instanceof Value.Items items) {
            if (items.items().size() != kind.rank()) {
                values.add(
                        v.path(),
                        "needs "
                                + kind.rank()
                                + " number"
                                + (kind.rank() == 1 ? "" : "s")
                                + " (one per axis), got "
                                + v.json());
                return;
            }
            for (Value e : items.items()) values.check(e, ArgKind.POSITIVE_INT, true);
        } else {
            values.check(v, kind, true);
        }
    }

    private void regularizer(Value.Fields v) {
        if (v.fields().isEmpty()) {
            values.add(v.path(), "needs \"l1\" and/or \"l2\", e.g. {\"l2\": 0.0001}");
            return;
        }
        values.unknownFields(v.fields().keySet(), Set.of("l1", "l2"), v.path());
        for (String f : List.of("l1", "l2")) {
            if (v.get(f) != null) values.check(v.get(f), ArgKind.NON_NEGATIVE_FLOAT, true);
        }
    }
}
