package dev.tunelab.core.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Bounds how deeply a study nests. The template's passes walk the tree by recursion, so a document
 * of a thousand nested arrays would exhaust a thread's stack (a 500) rather than be refused; a
 * study nests about 12 levels (a Keras model inside the template), so {@value #MAX_DEPTH} leaves
 * room and is refused at the path where it is crossed, before any other pass runs.
 */
public final class Nesting {
    public static final int MAX_DEPTH = 64;

    private Nesting() {}

    /** Adds one violation, at the first container nested deeper than {@value #MAX_DEPTH}. */
    public static void check(JsonNode root, String path, List<Violation> out) {
        String deep = tooDeep(root, path, 0);
        if (deep != null) out.add(new Violation(deep, "nests deeper than " + MAX_DEPTH + " levels"));
    }

    /** The path of the first container below {@code n} at depth {@value #MAX_DEPTH}, or null. */
    private static String tooDeep(JsonNode n, String path, int depth) {
        if (!n.isContainerNode()) return null;
        if (depth == MAX_DEPTH) return path;
        if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                String p = tooDeep(n.get(i), path + "[" + i + "]", depth + 1);
                if (p != null) return p;
            }
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = tooDeep(e.getValue(), path + "." + e.getKey(), depth + 1);
                if (p != null) return p;
            }
        }
        return null;
    }
}
