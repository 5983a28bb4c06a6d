package dev.tunelab.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.study.Violation;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Reads a request's JSON body exactly as sent, refusing what a lenient reader would quietly
 * repair: bytes that are not UTF-8 (RFC 8259 requires it; they would become U+FFFD), a second value
 * or garbage after the document, and a field given twice (which one counts is a guess).
 */
public final class JsonBodies {
    private static final ObjectReader READER = Json.MAPPER
            .reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    private JsonBodies() {}

    /**
     * The body as a JSON tree; 400 problem+json when it is not one document of UTF-8 JSON, 415 when
     * the content type declares another charset.
     *
     * @param what what the body should be, for the message ("a study as JSON")
     */
    public static JsonNode read(byte[] body, String contentType, String what) throws JsonProcessingException {
        String charset = charset(contentType);
        if (charset != null && !charset.equalsIgnoreCase("utf-8"))
            throw unsupported("JSON is read as UTF-8, not charset " + charset);
        if (body == null || body.length == 0) throw ApiProblem.invalid("$", "the request body must be " + what);
        String text = Utf8.decode(body);
        if (text == null) {
            throw new ApiProblem(
                    400, "Malformed JSON", "the body is not UTF-8", List.of(new Violation("$", "not UTF-8")));
        }
        if (text.isBlank()) throw ApiProblem.invalid("$", "the request body must be " + what);
        return READER.readTree(text);
    }

    /** The charset the content type names, or null; a content type that cannot be read is refused. */
    private static String charset(String contentType) {
        if (contentType == null) return null;
        try {
            return MediaType.valueOf(contentType).getParameters().get(MediaType.CHARSET_PARAMETER);
        } catch (IllegalArgumentException e) {
            throw unsupported("the content type '" + contentType + "' cannot be read");
        }
    }

    private static ApiProblem unsupported(String why) {
        return new ApiProblem(415, "Unsupported Media Type", why, List.of(new Violation("$", why)));
    }
}
