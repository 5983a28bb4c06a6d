package dev.tunelab.core.template.layers;

import static dev.tunelab.core.template.layers.Arg.optional;
import static dev.tunelab.core.template.layers.Arg.ordered;
import static dev.tunelab.core.template.layers.Arg.required;

import dev.tunelab.core.template.ArgKind;
import dev.tunelab.core.template.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Layers that slide a window over the 1 or 2 spatial axes of a sequence or image: convolution,
 * pooling, global pooling. Keras's formulas: with padding {@code valid} an axis of n becomes
 * floor((n - k) / s) + 1, with {@code same} ceil(n / s).
 */
final class SpatialLayers {
    private SpatialLayers() {}

    static List<LayerType> all() {
        List<LayerType> all = new ArrayList<>();
        for (int rank = 1; rank <= 2; rank++) {
            int r = rank;
            ArgKind size = rank == 1 ? ArgKind.SIZE_1D : ArgKind.SIZE_2D;
            all.add(LayerType.of(
                    "Conv" + rank + "D",
                    Arg.withKernel(ordered(
                            "filters",
                            required(ArgKind.POSITIVE_INT),
                            "kernel_size",
                            required(size),
                            "strides",
                            optional(size, Arg.sizes(1, rank)),
                            "padding",
                            optional(ArgKind.PADDING, "valid"),
                            "activation",
                            optional(ArgKind.ACTIVATION, "linear"))),
                    (l, f) -> convolution(l, f, r)));
            for (String pool : List.of("MaxPooling", "AveragePooling")) {
                all.add(LayerType.of(
                                pool + rank + "D",
                                ordered(
                                        "pool_size",
                                        optional(size, Arg.sizes(2, rank)),
                                        "strides",
                                        optional(size, null),
                                        "padding",
                                        optional(ArgKind.PADDING, "valid")),
                                (l, f) -> pooling(l, f, r))
                        // Keras moves a pooling window by its own size unless told otherwise.
                        .deriving((args, facts) -> {
                            if (!args.containsKey("strides")) args.put("strides", args.get("pool_size"));
                        }));
            }
            for (String global : List.of("GlobalAveragePooling", "GlobalMaxPooling")) {
                all.add(LayerType.of(global + rank + "D", Map.of(), (l, f) -> {
                    f.need(l.type(), r + 1);
                    f.to(List.of(f.last()));
                }));
            }
        }
        return all;
    }

    private static void convolution(ModelSpec.Layer l, Flow f, int rank) throws Misfit {
        f.need(l.type(), rank + 1);
        List<Integer> out = spatial(l, f.shape(), rank, l.ints("kernel_size"), "kernel");
        int filters = l.intArg("filters");
        long kernel = 1;
        for (int k : l.ints("kernel_size")) kernel *= k;
        f.count(kernel * f.shape().get(rank) * filters + (l.bool("use_bias") ? filters : 0));
        out.add(filters);
        f.to(out);
    }

    private static void pooling(ModelSpec.Layer l, Flow f, int rank) throws Misfit {
        f.need(l.type(), rank + 1);
        List<Integer> out = spatial(l, f.shape(), rank, l.ints("pool_size"), "pool");
        out.add(f.shape().get(rank));
        f.to(out);
    }

    /**
     * The spatial axes of {@code shape} after a window of {@code window} moved by the layer's
     * strides.
     */
    private static List<Integer> spatial(
            ModelSpec.Layer l, List<Integer> shape, int rank, List<Integer> window, String what) throws Misfit {
        List<Integer> strides = l.ints("strides");
        boolean same = l.text("padding").equals("same");
        List<Integer> out = new ArrayList<>();
        for (int a = 0; a < rank; a++) {
            int n = shape.get(a);
            int k = window.get(a);
            int s = strides.get(a);
            int size = same ? (n + s - 1) / s : n < k ? 0 : (n - k) / s + 1;
            if (size < 1) {
                throw new Misfit(l.type()
                        + " with "
                        + what
                        + " "
                        + window
                        + " and padding 'valid' shrinks "
                        + shape
                        + " below "
                        + (rank == 1 ? "1 step" : "1×1"));
            }
            out.add(size);
        }
        return out;
    }
}
