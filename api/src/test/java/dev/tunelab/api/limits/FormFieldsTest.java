package dev.tunelab.api.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunelab.api.ProblemMappers;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A form of too many fields is a 413 naming Quarkus's limit, not a 500. */
class FormFieldsTest {

    @Test
    void quarkusRefusalOfTooManyFieldsIsAnsweredAsTheLimit() {
        var r = new ProblemMappers()
                .unexpected(new IllegalStateException(new RuntimeException("Param limit of 1000 was exceeded")));
        assertEquals(413, r.getStatus());
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) r.getEntity();
        assertEquals(Map.of("name", "quarkus.http.limits.max-form-fields", "value", 1000L), body.get("limit"));
        assertEquals(
                "the form has more than 1000 fields (limit quarkus.http.limits.max-form-fields)", body.get("detail"));
        assertEquals(
                500,
                new ProblemMappers().unexpected(new RuntimeException("a bug")).getStatus());
    }
}
