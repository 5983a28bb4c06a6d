package dev.tunelab.core.template.tree;

import java.util.List;

/**
 * Where a block of a template was written: the path messages name (the {@code $path} the Keras
 * importer set, else the computed one), the keys written in it (for the check that refuses unknown
 * keys) and whether its {@code $path} is there but not a string.
 */
public record Site(String path, List<String> keys, boolean pathMalformed) {
    public Site {
        keys = List.copyOf(keys);
    }
}
