package dev.tunelab.core.template.tree;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One entry of a template's layer list: a layer, a Repeat or Choice block, or an entry that is not
 * a block at all. A node is what was written, not yet judged: a layer of an unknown type or with a
 * missing argument is still a {@link Layer}; the checker says what is wrong with it.
 */
public sealed interface Node {
    /** Where messages about this node point. */
    String path();

    /** A node written as an object with a type: a layer or a block. */
    sealed interface Block extends Node {
        Site site();

        @Override
        default String path() {
            return site().path();
        }
    }

    /**
     * A Keras layer.
     *
     * @param fields every key written besides {@code type} and {@code $path}, as values
     * @param inner the layer written under {@code layer} (what a Bidirectional wraps), or null
     */
    record Layer(String type, Map<String, Value> fields, Node inner, Site site) implements Block {
        public Layer {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /**
     * Layers repeated {@code times} times; parameters used inside are sampled once per repetition
     * unless listed in {@code shared}.
     *
     * @param times null when not written
     * @param shared null when not written
     * @param layers null when not written as an array
     */
    record Repeat(Value times, Value shared, List<Node> layers, Site site) implements Block {
        /** The names listed in {@code shared}. */
        public Set<String> sharedNames() {
            Set<String> names = new LinkedHashSet<>();
            if (shared instanceof Value.Items items)
                items.items().forEach(n -> names.add(n.json().asText()));
            return names;
        }
    }

    /**
     * Alternative layer lists, one chosen per trial by a choice parameter.
     *
     * @param choice the reference that chooses, or null when not written
     * @param options null unless written as a non-empty object
     */
    record Choice(Value choice, List<Option> options, Site site) implements Block {
        /** The option named {@code name}, or null. */
        public Option option(String name) {
            for (Option o : options) if (o.name().equals(name)) return o;
            return null;
        }

        /**
         * @param layers null when the option is not written as an array
         */
        public record Option(String name, List<Node> layers, String path) {}
    }

    /** An entry that is no block: not an object, or without a string {@code type}. */
    record Malformed(String path, String problem) implements Node {}
}
