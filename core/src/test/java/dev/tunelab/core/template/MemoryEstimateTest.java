package dev.tunelab.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MemoryEstimateTest {
    static final ModelSpec.Output THREE_CLASSES = new ModelSpec.Output(3, "softmax", "categorical_crossentropy");

    static ModelSpec.Layer dense(int units) {
        return new ModelSpec.Layer("Dense", Map.of("units", units, "activation", "relu", "use_bias", true));
    }

    static ModelSpec net(
            List<ModelSpec.Layer> layers,
            int features,
            String optimizer,
            Map<String, Object> args,
            int batch,
            long params) {
        return new ModelSpec(layers, THREE_CLASSES, optimizer, 0.01, batch, args, null, List.of(features), params);
    }

    @Test
    void aSmallDenseNetByHand() {
        // 4 → Dense 8 → Dropout → softmax 3: (4·8 + 8) + (8·3 + 3) = 67 weights.
        ModelSpec spec = net(
                List.of(dense(8), new ModelSpec.Layer("Dropout", Map.of("rate", 0.5))), 4, "adam", Map.of(), 16, 67);
        MemoryEstimate m = MemoryEstimate.of(spec).orElseThrow();
        assertEquals(67 * 4, m.weights());
        assertEquals(67 * 4, m.gradients());
        assertEquals(2 * 67 * 4, m.updaterState(), "Adam keeps two moments per weight");
        // Per sample: input 4, Dense 8, Dropout 8, output 3 = 23 values; 16 samples, forward and
        // backward.
        assertEquals(23 * 16 * 2 * 4, m.activations());
        assertEquals(268 + 268 + 536 + 2944, m.total());
    }

    @Test
    void eachOptimizerKeepsItsOwnState() {
        List<ModelSpec.Layer> layers = List.of(dense(8));
        assertEquals(
                0,
                MemoryEstimate.of(net(layers, 4, "sgd", Map.of(), 16, 67))
                        .orElseThrow()
                        .updaterState());
        assertEquals(
                0,
                MemoryEstimate.of(net(layers, 4, "sgd", Map.of("momentum", 0.0), 16, 67))
                        .orElseThrow()
                        .updaterState());
        assertEquals(
                268,
                MemoryEstimate.of(net(layers, 4, "sgd", Map.of("momentum", 0.9), 16, 67))
                        .orElseThrow()
                        .updaterState());
        assertEquals(
                268,
                MemoryEstimate.of(net(layers, 4, "rmsprop", Map.of(), 16, 67))
                        .orElseThrow()
                        .updaterState());
        assertEquals(
                268,
                MemoryEstimate.of(net(layers, 4, "adagrad", Map.of(), 16, 67))
                        .orElseThrow()
                        .updaterState());
        assertEquals(
                536,
                MemoryEstimate.of(net(layers, 4, "nadam", Map.of(), 16, 67))
                        .orElseThrow()
                        .updaterState());
        assertEquals(
                536,
                MemoryEstimate.of(net(layers, 4, "adamw", Map.of("weight_decay", 0.01), 16, 67))
                        .orElseThrow()
                        .updaterState());
    }

    @Test
    void randomDenseStacksMatchTheFormula() {
        Random rng = new Random(20_250_601L);
        for (int n = 0; n < 50; n++) {
            int features = 1 + rng.nextInt(800);
            int batch = 1 + rng.nextInt(512);
            List<ModelSpec.Layer> layers = new ArrayList<>();
            long params = 0;
            long values = features;
            int in = features;
            for (int depth = rng.nextInt(5); depth > 0; depth--) {
                int units = 1 + rng.nextInt(1_000);
                layers.add(dense(units));
                params += (long) in * units + units;
                values += units;
                in = units;
            }
            params += (long) in * 3 + 3;
            values += 3;
            MemoryEstimate m = MemoryEstimate.of(net(layers, features, "adam", Map.of(), batch, params))
                    .orElseThrow();
            assertEquals(4 * params * 4 + values * batch * 8, m.total(), "stack " + n);
            assertEquals(batch, m.batchSize());
        }
    }

    @Test
    void theBatchScalesOnlyTheActivations() {
        ModelSpec small = net(List.of(dense(64)), 10, "adam", Map.of(), 8, 10 * 64 + 64 + 64 * 3 + 3);
        ModelSpec large = net(List.of(dense(64)), 10, "adam", Map.of(), 800, 10 * 64 + 64 + 64 * 3 + 3);
        MemoryEstimate a = MemoryEstimate.of(small).orElseThrow();
        MemoryEstimate b = MemoryEstimate.of(large).orElseThrow();
        assertEquals(a.weights() + a.gradients() + a.updaterState(), b.weights() + b.gradients() + b.updaterState());
        assertEquals(100 * a.activations(), b.activations());
    }

    @Test
    void convolutionsCountTheirFeatureMaps() {
        // 28×28×1 → Conv2D 8 3×3 valid → 26×26×8 → MaxPooling2D 2×2 → 13×13×8 → Flatten 1352 → 10
        // classes.
        ModelSpec.Layer conv = new ModelSpec.Layer(
                "Conv2D",
                Map.of(
                        "filters",
                        8,
                        "kernel_size",
                        List.of(3, 3),
                        "strides",
                        List.of(1, 1),
                        "padding",
                        "valid",
                        "activation",
                        "relu",
                        "use_bias",
                        true));
        ModelSpec.Layer pool = new ModelSpec.Layer(
                "MaxPooling2D", Map.of("pool_size", List.of(2, 2), "strides", List.of(2, 2), "padding", "valid"));
        ModelSpec spec = new ModelSpec(
                List.of(conv, pool, new ModelSpec.Layer("Flatten", Map.of())),
                new ModelSpec.Output(10, "softmax", "categorical_crossentropy"),
                "sgd",
                0.01,
                32,
                Map.of(),
                null,
                List.of(28, 28, 1),
                80 + 13_530);
        long perSample = 784 + 26 * 26 * 8 + 13 * 13 * 8 + 1352 + 10;
        assertEquals(perSample * 32 * 8, MemoryEstimate.of(spec).orElseThrow().activations());
    }

    @Test
    void aNetworkWithoutShapesHasNoEstimate() {
        ModelSpec old = new ModelSpec(List.of(dense(8)), THREE_CLASSES, "adam", 0.01, 16);
        assertEquals(Optional.empty(), MemoryEstimate.of(old));
    }

    @Test
    void megabytesRoundTowardsCaution() {
        assertEquals(2, MemoryEstimate.megabytesUp((1L << 20) + 1));
        assertEquals(1, MemoryEstimate.megabytesDown((2L << 20) - 1));
        assertEquals(0, MemoryEstimate.megabytesUp(0));
    }
}
