package dev.tunelab.core.template.layers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Keras layer classes TuneLab builds, by class name, gathered from the family files. */
public final class LayerCatalog {
    private static final Map<String, LayerType> TYPES =
            index(BasicLayers.all(), SpatialLayers.all(), SequenceLayers.all());

    private LayerCatalog() {}

    /** The layer type named {@code name}, or null when TuneLab has none. */
    public static LayerType get(String name) {
        return TYPES.get(name);
    }

    public static Set<String> names() {
        return TYPES.keySet();
    }

    @SafeVarargs
    private static Map<String, LayerType> index(List<LayerType>... families) {
        Map<String, LayerType> m = new LinkedHashMap<>();
        for (List<LayerType> family : families) {
            for (LayerType t : family) {
                if (m.put(t.name(), t) != null) throw new IllegalStateException("layer " + t.name() + " defined twice");
            }
        }
        return Collections.unmodifiableMap(m);
    }
}
