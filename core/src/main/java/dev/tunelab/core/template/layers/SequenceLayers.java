package dev.tunelab.core.template.layers;

import static dev.tunelab.core.template.layers.Arg.optional;
import static dev.tunelab.core.template.layers.Arg.ordered;
import static dev.tunelab.core.template.layers.Arg.required;

import dev.tunelab.core.data.DatasetKind;
import dev.tunelab.core.template.ArgKind;
import dev.tunelab.core.template.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Layers that read sequences [steps, features] or make them: recurrent layers and Embedding. */
final class SequenceLayers {
    private SequenceLayers() {}

    static List<LayerType> all() {
        return List.of(
                LayerType.of(
                        "LSTM",
                        Arg.withKernel(ordered(
                                "units",
                                required(ArgKind.POSITIVE_INT),
                                "activation",
                                optional(ArgKind.ACTIVATION, "tanh"),
                                "recurrent_activation",
                                optional(ArgKind.ACTIVATION, "sigmoid"),
                                "return_sequences",
                                optional(ArgKind.BOOLEAN, false))),
                        (l, f) -> recurrent(l, f, 1)),
                LayerType.of(
                        "SimpleRNN",
                        Arg.withKernel(ordered(
                                "units",
                                required(ArgKind.POSITIVE_INT),
                                "activation",
                                optional(ArgKind.ACTIVATION, "tanh"),
                                "return_sequences",
                                optional(ArgKind.BOOLEAN, false))),
                        (l, f) -> recurrent(l, f, 1)),
                // The wrapped layer is the node's 'layer', checked as a layer of its own.
                LayerType.of(
                                "Bidirectional",
                                ordered("merge_mode", optional(ArgKind.MERGE_MODE, "concat")),
                                SequenceLayers::bidirectional)
                        .wrapping(Set.of("LSTM", "SimpleRNN")),
                LayerType.of(
                                "Embedding",
                                ordered(
                                        "input_dim",
                                        optional(ArgKind.POSITIVE_INT, null),
                                        "output_dim",
                                        required(ArgKind.POSITIVE_INT)),
                                SequenceLayers::embedding)
                        // Keras needs input_dim; TuneLab knows it from the dataset.
                        .deriving((args, facts) -> {
                            if (!args.containsKey("input_dim")) args.put("input_dim", facts.vocabulary());
                        }));
    }

    private static void recurrent(ModelSpec.Layer l, Flow f, int copies) throws Misfit {
        f.need(l.type(), 2);
        List<Integer> shape = f.shape();
        int features = shape.get(1);
        int units = l.intArg("units");
        long bias = l.bool("use_bias") ? units : 0;
        long one = (long) features * units + (long) units * units + bias;
        f.count(copies * (l.type().equals("LSTM") ? 4 * one : one));
        f.to(l.bool("return_sequences") ? List.of(shape.get(0), units) : List.of(units));
    }

    private static void bidirectional(ModelSpec.Layer l, Flow f) throws Misfit {
        boolean concat = l.text("merge_mode").equals("concat");
        recurrent(l.inner(), f, 2);
        if (concat) {
            List<Integer> doubled = new ArrayList<>(f.shape());
            doubled.set(doubled.size() - 1, 2 * doubled.get(doubled.size() - 1));
            f.to(doubled);
        }
    }

    private static void embedding(ModelSpec.Layer l, Flow f) throws Misfit {
        if (f.facts().kind() != DatasetKind.TOKENS) {
            throw new Misfit("Embedding reads token ids, but this dataset is "
                    + f.facts().kind().json()
                    + "; use it with a text column tokenized into ids");
        }
        if (!f.first()) throw new Misfit("Embedding reads token ids, so it must be the first layer");
        int inputDim = l.intArg("input_dim");
        if (inputDim < f.facts().vocabulary()) {
            throw new Misfit("input_dim "
                    + inputDim
                    + " is smaller than the dataset's vocabulary of "
                    + f.facts().vocabulary()
                    + " token ids");
        }
        int dim = l.intArg("output_dim");
        f.count((long) inputDim * dim);
        f.to(List.of(f.shape().get(0), dim));
    }
}
