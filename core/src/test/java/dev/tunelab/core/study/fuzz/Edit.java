package dev.tunelab.core.study.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One edit of a study document, at a node chosen by {@code target} among all its nodes (a random
 * JSON path). {@code pick} chooses within the edit: a key, a depth, a donor.
 *
 * @param value the hostile value the edit writes, when it writes one
 */
record Edit(Kind kind, int target, int pick, JsonNode value) {
    /** Deeper than Jackson reads by default (1,000), so both sides of that limit are tried. */
    static final int MAX_NESTING = 1_200;

    enum Kind {
        DELETE,
        DUPLICATE,
        REPLACE,
        RETYPE,
        RENAME,
        INSERT,
        NEST,
        EMPTY,
        GRAFT
    }

    /** A node and where it hangs: a field of an object or an index of an array; the root has neither. */
    private record Slot(JsonNode parent, String field, int index, JsonNode node) {
        void set(JsonNode v) {
            if (parent instanceof ObjectNode o) o.set(field, v);
            else if (parent instanceof ArrayNode a) a.set(index, v);
        }
    }

    /**
     * Applies the edit to {@code root} in place.
     *
     * @param donors subtrees of the examples and other valid fragments, grafted anywhere
     */
    void applyTo(ObjectNode root, List<JsonNode> donors) {
        List<Slot> slots = new ArrayList<>();
        collect(null, null, -1, root, slots);
        Slot s = slots.get(Math.floorMod(target, slots.size()));
        JsonNode n = s.node();
        switch (kind) {
            case DELETE -> {
                if (s.parent() instanceof ObjectNode o) o.remove(s.field());
                else if (s.parent() instanceof ArrayNode a) a.remove(s.index());
                else if (n instanceof ObjectNode o && o.size() > 0) o.remove(nth(o, pick));
            }
            case DUPLICATE -> {
                if (s.parent() instanceof ObjectNode o) o.set(word(), n.deepCopy());
                else if (s.parent() instanceof ArrayNode a) a.insert(s.index(), n.deepCopy());
            }
            case REPLACE -> s.set(value.deepCopy());
            case RETYPE -> s.set(retyped(n));
            case RENAME -> {
                if (s.parent() instanceof ObjectNode o) {
                    o.remove(s.field());
                    o.set(value.isTextual() ? value.textValue() : word(), n);
                }
            }
            case INSERT -> {
                if (n instanceof ObjectNode o) o.set(value.isTextual() ? value.textValue() : word(), value.deepCopy());
                else if (n instanceof ArrayNode a) a.insert(Math.floorMod(pick, a.size() + 1), value.deepCopy());
            }
            case NEST -> s.set(nested(n, 1 + Math.floorMod(pick, MAX_NESTING), pick % 2 == 0));
            case EMPTY ->
                s.set(
                        switch (Math.floorMod(pick, 3)) {
                            case 0 -> JsonNodeFactory.instance.objectNode();
                            case 1 -> JsonNodeFactory.instance.arrayNode();
                            default -> TextNode.valueOf("");
                        });
            case GRAFT -> s.set(donors.get(Math.floorMod(pick, donors.size())).deepCopy());
        }
    }

    private String word() {
        return HostileValues.WORDS.get(Math.floorMod(pick, HostileValues.WORDS.size()));
    }

    /** The same content as another JSON type. */
    private JsonNode retyped(JsonNode n) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (Math.floorMod(pick, 6)) {
            case 0 -> TextNode.valueOf(n.isValueNode() ? n.asText() : json(n));
            case 1 -> n.isNumber() ? BooleanNode.valueOf(n.asDouble() != 0) : f.numberNode(n.asDouble());
            case 2 -> BooleanNode.valueOf(n.asBoolean());
            case 3 -> NullNode.instance;
            case 4 -> f.arrayNode().add(n.deepCopy());
            default -> f.objectNode().set("value", n.deepCopy());
        };
    }

    /** The JSON text of {@code n}; Jackson refuses to write more than 1,000 levels. */
    private static String json(JsonNode n) {
        try {
            return n.toString();
        } catch (RuntimeException tooDeep) {
            return n.getNodeType().name();
        }
    }

    private static JsonNode nested(JsonNode inner, int depth, boolean arrays) {
        JsonNode n = inner.deepCopy();
        for (int i = 0; i < depth; i++) {
            n = arrays
                    ? JsonNodeFactory.instance.arrayNode().add(n)
                    : JsonNodeFactory.instance.objectNode().set("layers", n);
        }
        return n;
    }

    private static String nth(ObjectNode o, int pick) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names.get(Math.floorMod(pick, names.size()));
    }

    private static void collect(JsonNode parent, String field, int index, JsonNode n, List<Slot> out) {
        out.add(new Slot(parent, field, index, n));
        if (n.isObject()) {
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            for (String k : names) collect(n, k, -1, n.get(k), out);
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) collect(n, null, i, n.get(i), out);
        }
    }

    @Override
    public String toString() {
        String v = value == null ? "" : value.toString();
        if (v.length() > 80) v = v.substring(0, 80) + "...(" + v.length() + " chars)";
        return kind + "@" + target + "/" + pick + (kind == Kind.REPLACE || kind == Kind.INSERT ? " " + v : "");
    }
}
