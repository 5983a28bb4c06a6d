package dev.tunelab.core.template.tree;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a native template (JSON) into its {@link Template} tree once, so checking, expanding the
 * space, resolving points and inferring shapes all walk the same typed nodes. Parsing judges
 * nothing: whatever was written is kept, with its path, for the checker to report.
 */
public final class TemplateParser {
    /** Block types that are not layers but shape the architecture. */
    public static final String REPEAT = "Repeat";

    public static final String CHOICE = "Choice";

    /** Where the user wrote a layer (set by the Keras importer); used in messages, else ignored. */
    public static final String PATH = "$path";

    private TemplateParser() {}

    /** The tree of {@code template}, paths under {@code path}; null when it is not an object. */
    public static Template parse(JsonNode template, String path) {
        if (template == null || !template.isObject()) return null;
        List<Node> layers = null;
        Map<String, Value> settings = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : template.properties()) {
            if (e.getKey().equals("layers")) {
                layers = nodes(e.getValue(), path + ".layers");
            } else {
                settings.put(e.getKey(), Value.of(e.getValue(), path + "." + e.getKey()));
            }
        }
        return new Template(layers, settings, new Site(path, keys(template), false));
    }

    /** The nodes of a layer list, or null when {@code layers} is not an array. */
    private static List<Node> nodes(JsonNode layers, String path) {
        if (layers == null || !layers.isArray()) return null;
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) nodes.add(node(layers.get(i), path + "[" + i + "]"));
        return List.copyOf(nodes);
    }

    private static Node node(JsonNode n, String computed) {
        if (!n.isObject() || n.get("type") == null || !n.get("type").isTextual()) {
            return new Node.Malformed(computed + ".type", "each layer needs a 'type' such as \"Dense\"");
        }
        return block(n, computed);
    }

    /** An object with a string type. */
    private static Node block(JsonNode n, String computed) {
        JsonNode written = n.get(PATH);
        String path = written != null && written.isTextual() ? written.asText() : computed;
        Site site = new Site(path, keys(n), written != null && !written.isTextual());
        String type = n.get("type").asText();
        return switch (type) {
            case REPEAT ->
                new Node.Repeat(
                        value(n, "times", path),
                        value(n, "shared", path),
                        nodes(n.get("layers"), path + ".layers"),
                        site);
            case CHOICE ->
                new Node.Choice(value(n, "choice", path), options(n.get("options"), path + ".options"), site);
            default -> layer(type, n, path, site);
        };
    }

    private static Node.Layer layer(String type, JsonNode n, String path, Site site) {
        Map<String, Value> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            if (!e.getKey().equals("type") && !e.getKey().equals(PATH)) {
                fields.put(e.getKey(), Value.of(e.getValue(), path + "." + e.getKey()));
            }
        }
        return new Node.Layer(type, fields, inner(n.get("layer"), path + ".layer"), site);
    }

    /**
     * The layer written under {@code layer} (what a Bidirectional wraps). Without a string type it is
     * reported at its own {@code $path}, where the user wrote it.
     */
    private static Node inner(JsonNode inner, String computed) {
        if (inner == null || !inner.isObject()) return null;
        if (inner.path("type").isTextual()) return block(inner, computed);
        JsonNode written = inner.get(PATH);
        String path = written != null && written.isTextual() ? written.asText() : computed;
        return new Node.Malformed(path + ".type", "a wrapped layer needs a 'type'");
    }

    /** The options of a Choice, or null unless they are a non-empty object. */
    private static List<Node.Choice.Option> options(JsonNode options, String path) {
        if (options == null || !options.isObject() || options.isEmpty()) return null;
        List<Node.Choice.Option> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> o : options.properties()) {
            String at = path + "." + o.getKey();
            out.add(new Node.Choice.Option(o.getKey(), nodes(o.getValue(), at), at));
        }
        return List.copyOf(out);
    }

    private static Value value(JsonNode n, String key, String path) {
        JsonNode v = n.get(key);
        return v == null ? null : Value.of(v, path + "." + key);
    }

    private static List<String> keys(JsonNode n) {
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
