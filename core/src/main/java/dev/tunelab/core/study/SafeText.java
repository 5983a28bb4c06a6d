package dev.tunelab.core.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Text TuneLab stores must be storable and printable: PostgreSQL refuses U+0000 in text, and an
 * unpaired surrogate is no character at all. Both, and every other control character but tab, line
 * feed and carriage return, are refused at the door with the field's path instead of failing deep
 * in a query.
 */
public final class SafeText {
    private SafeText() {}

    /** Why {@code text} cannot be stored, or null when it can. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "holds an unpaired surrogate (U+" + hex(c) + ") at character " + (i + 1);
            } else if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
                return "holds the control character U+" + hex(c) + " at character " + (i + 1);
            }
        }
        return null;
    }

    /** Adds a violation for every string value and field name under {@code node}. */
    public static void check(JsonNode node, String path, List<Violation> out) {
        if (node == null) return;
        if (node.isTextual()) {
            String p = problem(node.textValue());
            if (p != null) out.add(new Violation(path, p));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) check(node.get(i), path + "[" + i + "]", out);
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = problem(e.getKey());
                if (p != null) {
                    out.add(new Violation(path, "a field name " + p));
                } else {
                    check(e.getValue(), path + "." + e.getKey(), out);
                }
            }
        }
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
