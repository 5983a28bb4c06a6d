package dev.tunelab.core.template.tree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole template as written: its layer list and every other top-level key (optimizer, learning
 * rate, schedule, output ...) as a value, in the order written.
 *
 * @param layers null when {@code layers} is not written as an array
 * @param settings every top-level key but {@code layers}
 */
public record Template(List<Node> layers, Map<String, Value> settings, Site site) {
    public Template {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    public String path() {
        return site.path();
    }

    /** The value written for {@code key}, or null. */
    public Value setting(String key) {
        return settings.get(key);
    }
}
