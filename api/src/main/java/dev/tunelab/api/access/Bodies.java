package dev.tunelab.api.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.api.ApiProblem;
import dev.tunelab.api.JsonBodies;
import dev.tunelab.core.study.SafeText;
import java.util.regex.Pattern;

/** Reads the small JSON bodies of the access endpoints, naming the field of every problem. */
final class Bodies {
    /** Project ids and user names: lower case, so that two spellings cannot name one thing. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

    static final int MAX_EXPIRY_DAYS = 3650;

    private Bodies() {}

    /** The body read as every JSON body is ({@link JsonBodies}), which must be an object. */
    static JsonNode object(byte[] body, String contentType) throws JsonProcessingException {
        JsonNode node = JsonBodies.read(body, contentType, "a JSON object");
        if (!node.isObject()) throw ApiProblem.invalid("$", "must be a JSON object");
        return node;
    }

    /** A required or optional string field; {@code pattern} null takes any safe text up to 200. */
    static String text(JsonNode body, String field, boolean required, Pattern pattern) {
        JsonNode v = body.get(field);
        String path = "$." + field;
        if (v == null || v.isNull()) {
            if (required) throw ApiProblem.invalid(path, "is required");
            return null;
        }
        if (!v.isTextual()) throw ApiProblem.invalid(path, "must be a string");
        String unsafe = SafeText.problem(v.asText());
        if (unsafe != null) throw ApiProblem.invalid(path, unsafe);
        String s = v.asText().strip();
        if (pattern != null && !pattern.matcher(s).matches())
            throw ApiProblem.invalid(path, "must match " + pattern.pattern() + "; got '" + s + "'");
        if (s.isEmpty() && required) throw ApiProblem.invalid(path, "must not be empty");
        if (s.length() > 200) throw ApiProblem.invalid(path, "must be at most 200 characters");
        return s;
    }

    static String name(String path, String s) {
        if (s == null || !NAME.matcher(s).matches())
            throw ApiProblem.invalid(path, "must match " + NAME.pattern() + "; got '" + s + "'");
        return s;
    }

    /** Days until a new token expires; null: never. */
    static Integer expiryDays(JsonNode body) {
        JsonNode v = body.get("expiresInDays");
        if (v == null || v.isNull()) return null;
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 1 || v.asInt() > MAX_EXPIRY_DAYS)
            throw ApiProblem.invalid("$.expiresInDays", "must be a whole number of days from 1 to " + MAX_EXPIRY_DAYS);
        return v.asInt();
    }
}
