package dev.tunelab.core.template.layers;

import dev.tunelab.core.study.DatasetFacts;
import dev.tunelab.core.template.ModelSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One Keras layer class TuneLab builds: its arguments with Keras's defaults, what it does to a
 * sample's shape and how many parameters it has. Everything the template passes need to know about
 * a layer is here, so a new layer is one entry in a family file ({@link BasicLayers}, {@link
 * SpatialLayers}, {@link SequenceLayers}) plus its DL4J mapping in the worker.
 *
 * @param derive fills arguments Keras derives when they are not given
 * @param wraps the layer types it may wrap under {@code layer}; empty for a plain layer
 */
public record LayerType(String name, Map<String, Arg> args, ShapeRule shape, Derivation derive, Set<String> wraps) {

    /** Reads the flow's shape, sets the one the layer gives and counts the layer's parameters. */
    @FunctionalInterface
    public interface ShapeRule {
        void apply(ModelSpec.Layer layer, Flow flow) throws Misfit;
    }

    /** Adds to a resolved layer's arguments those Keras derives from others or from the data. */
    @FunctionalInterface
    public interface Derivation {
        void fill(Map<String, Object> args, DatasetFacts facts);
    }

    public LayerType {
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
        wraps = Set.copyOf(wraps);
    }

    static LayerType of(String name, Map<String, Arg> args, ShapeRule shape) {
        return new LayerType(name, args, shape, (a, f) -> {}, Set.of());
    }

    LayerType deriving(Derivation d) {
        return new LayerType(name, args, shape, d, wraps);
    }

    LayerType wrapping(Set<String> types) {
        return new LayerType(name, args, shape, derive, types);
    }
}
