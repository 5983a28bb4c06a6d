package dev.tunelab.core.template.layers;

import static dev.tunelab.core.template.layers.Arg.optional;
import static dev.tunelab.core.template.layers.Arg.ordered;
import static dev.tunelab.core.template.layers.Arg.required;

import dev.tunelab.core.template.ArgKind;
import dev.tunelab.core.template.ModelSpec;
import java.util.List;
import java.util.Map;

/**
 * Layers that work on any shape or on flat vectors (Dense, dropout, activation, normalization,
 * Flatten).
 */
final class BasicLayers {
    private BasicLayers() {}

    static List<LayerType> all() {
        return List.of(
                LayerType.of(
                        "Dense",
                        Arg.withKernel(ordered(
                                "units",
                                required(ArgKind.POSITIVE_INT),
                                "activation",
                                optional(ArgKind.ACTIVATION, "linear"))),
                        BasicLayers::dense),
                LayerType.of("Dropout", ordered("rate", required(ArgKind.RATE)), (l, f) -> {}),
                // Drops whole channels, so Keras wants an image [height, width, channels]; no weights.
                LayerType.of(
                        "SpatialDropout2D", ordered("rate", required(ArgKind.RATE)), (l, f) -> f.need(l.type(), 3)),
                LayerType.of("Activation", ordered("activation", required(ArgKind.ACTIVATION)), (l, f) -> {}),
                // Keras counts the moving mean and variance too: 4 values per channel, 2 of them trainable.
                LayerType.of(
                        "BatchNormalization",
                        ordered(
                                "momentum",
                                optional(ArgKind.RATE, 0.99),
                                "epsilon",
                                optional(ArgKind.POSITIVE_FLOAT, 0.001)),
                        (l, f) -> f.count(4L * f.last())),
                LayerType.of("Flatten", Map.of(), BasicLayers::flatten));
    }

    private static void dense(ModelSpec.Layer l, Flow f) throws Misfit {
        List<Integer> shape = f.shape();
        if (shape.size() != 1) {
            throw new Misfit("Dense needs a flat input, but gets "
                    + shape
                    + "; put "
                    + (shape.size() == 3
                            ? "Flatten or GlobalAveragePooling2D"
                            : "GlobalAveragePooling1D or a recurrent layer")
                    + " before it");
        }
        int units = l.intArg("units");
        f.count((long) shape.get(0) * units + (l.bool("use_bias") ? units : 0));
        f.to(List.of(units));
    }

    private static void flatten(ModelSpec.Layer l, Flow f) throws Misfit {
        List<Integer> shape = f.shape();
        if (shape.size() == 2) {
            throw new Misfit("Flatten cannot flatten a sequence "
                    + shape
                    + " (DL4J keeps time steps apart); "
                    + "use GlobalAveragePooling1D or a recurrent layer without return_sequences");
        }
        long n = 1;
        for (int d : shape) n *= d;
        if (n > Integer.MAX_VALUE)
            throw new Misfit("Flatten of " + shape + " gives more than " + Integer.MAX_VALUE + " values");
        f.to(List.of((int) n));
    }
}
