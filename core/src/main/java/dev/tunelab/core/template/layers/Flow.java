package dev.tunelab.core.template.layers;

import dev.tunelab.core.study.DatasetFacts;
import dev.tunelab.core.template.ModelSpec;
import java.util.List;

/**
 * One sample's shape (Keras's convention, channels last) as it flows through a network, and the
 * parameters counted so far. Each layer's {@link LayerType.ShapeRule} reads the shape it gets and
 * sets the one it gives.
 */
public final class Flow {
    private final DatasetFacts facts;
    private List<Integer> shape;
    private long params;
    private boolean first = true;

    public Flow(DatasetFacts facts) {
        this.facts = facts;
        this.shape = facts.inputShape();
    }

    /** Passes the shape through {@code layer}. */
    public void through(LayerType type, ModelSpec.Layer layer, boolean first) throws Misfit {
        this.first = first;
        type.shape().apply(layer, this);
    }

    public DatasetFacts facts() {
        return facts;
    }

    /** Whether the layer is the network's first, the one that reads the data. */
    public boolean first() {
        return first;
    }

    public List<Integer> shape() {
        return shape;
    }

    /** The size of the last (features or channels) axis. */
    public int last() {
        return shape.get(shape.size() - 1);
    }

    public long params() {
        return params;
    }

    /** The layer gives {@code next}. */
    public void to(List<Integer> next) {
        shape = List.copyOf(next);
    }

    /** The layer has {@code n} parameters, counted as Keras's {@code count_params()} does. */
    public void count(long n) {
        params += n;
    }

    /** Refuses an input of another rank than {@code rank} (without the batch axis). */
    public void need(String type, int rank) throws Misfit {
        if (shape.size() == rank) return;
        String wanted = rank == 3
                ? "an image [height, width, channels]"
                : rank == 2 ? "a sequence [steps, features]" : "a flat vector";
        throw new Misfit(type + " needs " + wanted + ", but gets " + shape);
    }
}
