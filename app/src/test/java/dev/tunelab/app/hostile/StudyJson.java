package dev.tunelab.app.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tunelab.app.support.Api;
import dev.tunelab.core.messages.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/** {@link Api#VALID_STUDY} with the value at one path replaced by raw JSON text. */
final class StudyJson {
    private static final String HOLE = "\"__hostile__\"";

    private StudyJson() {}

    /**
     * The valid study with {@code raw} (JSON text, valid or not) at {@code path}, such as {@code
     * $.template.layers[0].units}; missing fields are added.
     */
    static String with(String path, String raw) {
        return with(Api.VALID_STUDY, path, raw);
    }

    static String with(String study, String path, String raw) {
        try {
            JsonNode root = Json.MAPPER.readTree(study);
            String[] steps = path.substring(2).replace("[", ".[").split("\\.");
            JsonNode parent = root;
            for (int i = 0; i < steps.length - 1; i++) parent = step(parent, steps[i]);
            String last = steps[steps.length - 1];
            if (last.startsWith("[")) ((ArrayNode) parent).set(index(last), TextNode.valueOf("__hostile__"));
            else ((ObjectNode) parent).set(last, TextNode.valueOf("__hostile__"));
            return Json.MAPPER.writeValueAsString(root).replace(HOLE, raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The child at {@code s}; a missing field becomes an empty object. */
    private static JsonNode step(JsonNode n, String s) {
        if (s.startsWith("[")) return n.get(index(s));
        if (!n.has(s)) ((ObjectNode) n).putObject(s);
        return n.get(s);
    }

    private static int index(String s) {
        return Integer.parseInt(s.substring(1, s.length() - 1));
    }
}
