package dev.tunelab.core.template.tree;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One value written in a template: a literal, a reference to a parameter, a list (a size per axis)
 * or an object (a regularizer's factors, a schedule, a wrapped layer). Each keeps the JSON it was
 * read from, because messages quote what the user wrote, and the JSON path it was read at.
 */
public sealed interface Value {
    JsonNode json();

    String path();

    /** A number, string, boolean or null. */
    record Literal(JsonNode json, String path) implements Value {}

    /** {@code {"param": "name"}}: the value of a search-space parameter, chosen per trial. */
    record Ref(String param, JsonNode json, String path) implements Value {}

    /** A JSON array. */
    record Items(List<Value> items, JsonNode json, String path) implements Value {
        public Items {
            items = List.copyOf(items);
        }
    }

    /** A JSON object that is not a reference, its fields in the order written. */
    record Fields(Map<String, Value> fields, JsonNode json, String path) implements Value {
        public Fields {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        /** The field's value, or null when it was not written. */
        public Value get(String key) {
            return fields.get(key);
        }
    }

    /** The value of {@code json}, with the paths of its parts under {@code path}. */
    static Value of(JsonNode json, String path) {
        String param = referenceIn(json);
        if (param != null) return new Ref(param, json, path);
        if (json.isArray()) {
            List<Value> items = new ArrayList<>();
            for (int i = 0; i < json.size(); i++) items.add(of(json.get(i), path + "[" + i + "]"));
            return new Items(items, json, path);
        }
        if (json.isObject()) {
            Map<String, Value> fields = new LinkedHashMap<>();
            json.properties().forEach(e -> fields.put(e.getKey(), of(e.getValue(), path + "." + e.getKey())));
            return new Fields(fields, json, path);
        }
        return new Literal(json, path);
    }

    /**
     * The parameter {@code json} names when it is a reference, else null. The one definition of the
     * reference syntax: exactly one field, {@code param}, holding a string.
     */
    static String referenceIn(JsonNode json) {
        if (json != null
                && json.isObject()
                && json.size() == 1
                && json.get("param") != null
                && json.get("param").isTextual()) {
            return json.get("param").asText();
        }
        return null;
    }
}
