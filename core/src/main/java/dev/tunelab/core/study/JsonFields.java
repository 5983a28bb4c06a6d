package dev.tunelab.core.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Checks shared by the stages of the study parser. */
final class JsonFields {
    private JsonFields() {}

    /**
     * A violation for each field of {@code n} not in {@code keys}: a typo is refused, never ignored.
     */
    static void unknown(JsonNode n, Set<String> keys, String path, List<Violation> out) {
        n.fieldNames().forEachRemaining(f -> {
            if (!keys.contains(f))
                out.add(new Violation(path + "." + f, "unknown field; allowed: " + new TreeSet<>(keys)));
        });
    }
}
