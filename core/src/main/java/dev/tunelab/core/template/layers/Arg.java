package dev.tunelab.core.template.layers;

import dev.tunelab.core.template.ArgKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An argument of a layer or a setting: its kind, whether it must be given, and Keras's default. An
 * optional argument without a default is either absent when not given ({@code kernel_regularizer})
 * or derived when the layer is resolved ({@code strides} of pooling = {@code pool_size}; {@code
 * input_dim} of Embedding = the dataset's vocabulary).
 */
public record Arg(ArgKind kind, boolean required, Object defaultValue) {

    public static Arg required(ArgKind kind) {
        return new Arg(kind, true, null);
    }

    public static Arg optional(ArgKind kind, Object dflt) {
        return new Arg(kind, false, dflt);
    }

    /** Arguments from alternating names and {@link Arg}s, in that order. */
    public static Map<String, Arg> ordered(Object... pairs) {
        Map<String, Arg> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], (Arg) pairs[i + 1]);
        return m;
    }

    /** {@code m} followed by the arguments every layer with a kernel has. */
    static Map<String, Arg> withKernel(Map<String, Arg> m) {
        m.put("use_bias", optional(ArgKind.BOOLEAN, true));
        m.put("kernel_initializer", optional(ArgKind.INITIALIZER, "glorot_uniform"));
        m.put("kernel_regularizer", optional(ArgKind.REGULARIZER, null));
        return m;
    }

    /** A size of {@code value} on each of {@code rank} axes. */
    static List<Integer> sizes(int value, int rank) {
        return rank == 1 ? List.of(value) : List.of(value, value);
    }
}
