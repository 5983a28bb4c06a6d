package dev.tunelab.worker.training;

import dev.tunelab.core.template.ModelSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Resolved model specs written by hand for tests, with Keras's argument names. */
final class Specs {

    private Specs() {}

    /** A layer from alternating names and values. */
    static ModelSpec.Layer layer(String type, Object... args) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) map.put((String) args[i], args[i + 1]);
        return new ModelSpec.Layer(type, map);
    }

    /** Keras's usual Conv2D: 3x3 kernel, stride 1, same padding, ReLU. */
    static ModelSpec.Layer reluConv3x3(int filters) {
        return layer(
                "Conv2D",
                "filters",
                filters,
                "kernel_size",
                List.of(3, 3),
                "strides",
                List.of(1, 1),
                "padding",
                "same",
                "activation",
                "relu");
    }

    static ModelSpec spec(
            List<Integer> shape,
            ModelSpec.Output output,
            String optimizer,
            double rate,
            int batch,
            ModelSpec.Layer... layers) {
        return new ModelSpec(List.of(layers), output, optimizer, rate, batch, Map.of(), null, shape, 0);
    }

    static ModelSpec.Output softmax(int classes) {
        return new ModelSpec.Output(classes, "softmax", "categorical_crossentropy");
    }

    static ModelSpec.Output sigmoid() {
        return new ModelSpec.Output(1, "sigmoid", "binary_crossentropy");
    }

    static ModelSpec.Output linear() {
        return new ModelSpec.Output(1, "linear", "mse");
    }
}
