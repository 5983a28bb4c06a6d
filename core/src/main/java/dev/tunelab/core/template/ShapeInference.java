package dev.tunelab.core.template;

import dev.tunelab.core.data.DatasetKind;
import dev.tunelab.core.study.DatasetFacts;
import dev.tunelab.core.template.layers.Flow;
import dev.tunelab.core.template.layers.LayerCatalog;
import dev.tunelab.core.template.layers.LayerType;
import dev.tunelab.core.template.layers.Misfit;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows one sample's shape (Keras's convention, channels last) from the dataset through every
 * layer to the output layer, and counts parameters as Keras's {@code count_params()} does
 * (BatchNormalization's moving statistics included). A network DL4J could not build, or that Keras
 * would refuse, is reported at the layer where it goes wrong. What each layer does is its {@link
 * LayerType}'s shape rule; here is what holds for every network.
 */
final class ShapeInference {
    /** The parameter count, or the path and reason of the first layer that cannot exist. */
    record Result(long params, String invalidPath, String invalidReason) {
        boolean valid() {
            return invalidPath == null;
        }
    }

    private ShapeInference() {}

    static Result infer(
            List<TemplateResolver.Placed> layers, ModelSpec.Output output, DatasetFacts facts, String layersPath) {
        Flow flow = new Flow(facts);
        for (int i = 0; i < layers.size(); i++) {
            TemplateResolver.Placed p = layers.get(i);
            try {
                layer(flow, p.layer(), i == 0);
            } catch (Misfit m) {
                String where = p.repetition() < 0 ? "" : " (repetition " + (p.repetition() + 1) + ")";
                return new Result(0, p.path(), m.getMessage() + where);
            }
        }
        if (flow.shape().size() != 1) {
            String path = layers.isEmpty()
                    ? layersPath
                    : layers.get(layers.size() - 1).path();
            return new Result(
                    0,
                    path,
                    "the output layer needs a flat input, but "
                            + (layers.isEmpty() ? "the data gives " : "this layer gives ")
                            + flow.shape()
                            + "; end with Flatten, a global pooling layer or a recurrent layer without return_sequences");
        }
        flow.count((long) flow.shape().get(0) * output.units() + output.units());
        return new Result(flow.params(), null, null);
    }

    /**
     * Values each layer of a built network outputs for one sample, in order, the output layer last;
     * what activations take in memory.
     *
     * @throws IllegalArgumentException when the spec has no input shape or is not a built network
     */
    static List<Long> outputSizes(ModelSpec spec) {
        if (spec.inputShape() == null) throw new IllegalArgumentException("the network's input shape is unknown");
        // Only an Embedding first layer reads token ids; the facts need say no more than that.
        boolean tokens = !spec.layers().isEmpty() && spec.layers().get(0).type().equals("Embedding");
        DatasetFacts facts = new DatasetFacts(
                null, 0, spec.output().units(), tokens ? DatasetKind.TOKENS : DatasetKind.TABLE, spec.inputShape(), 0);
        Flow flow = new Flow(facts);
        List<Long> sizes = new ArrayList<>();
        for (ModelSpec.Layer l : spec.layers()) {
            try {
                layer(flow, l, sizes.isEmpty());
            } catch (Misfit m) {
                throw new IllegalArgumentException("not a built network: " + m.getMessage(), m);
            }
            long n = 1;
            for (int d : flow.shape()) n *= d;
            sizes.add(n);
        }
        sizes.add((long) spec.output().units());
        return sizes;
    }

    private static void layer(Flow flow, ModelSpec.Layer l, boolean first) throws Misfit {
        String type = l.type();
        if (first && flow.facts().kind() == DatasetKind.TOKENS && !type.equals("Embedding")) {
            // DL4J feeds token ids as a one-feature sequence; only an Embedding turns them into vectors.
            throw new Misfit(type + " cannot read token ids; start with an Embedding layer");
        }
        LayerType t = LayerCatalog.get(type);
        if (t == null) throw new IllegalArgumentException("unchecked template: layer " + type);
        flow.through(t, l, first);
    }
}
