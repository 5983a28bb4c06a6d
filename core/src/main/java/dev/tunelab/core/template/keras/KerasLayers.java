package dev.tunelab.core.template.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which Keras layer classes TuneLab builds, which config keys carry over to the native layer, and
 * which keys must keep the value Keras gives them by default because TuneLab cannot build another.
 */
final class KerasLayers {

    /** How a carried-over value is converted. */
    enum Carry {
        AS_IS,
        ACTIVATION,
        INITIALIZER,
        REGULARIZER
    }

    /** A key that must keep its default: the test, and the default in words for the message. */
    record Fixed(Predicate<JsonNode> holds, String expected) {}

    /** What every layer with a kernel carries after its own keys. */
    private static final Map<String, Carry> KERNEL = ordered(
            "use_bias", Carry.AS_IS, "kernel_initializer", Carry.INITIALIZER, "kernel_regularizer", Carry.REGULARIZER);

    private static final Map<String, Carry> DENSE =
            withKernel(ordered("units", Carry.AS_IS, "activation", Carry.ACTIVATION));
    private static final Map<String, Carry> CONV = withKernel(ordered(
            "filters",
            Carry.AS_IS,
            "kernel_size",
            Carry.AS_IS,
            "strides",
            Carry.AS_IS,
            "padding",
            Carry.AS_IS,
            "activation",
            Carry.ACTIVATION));
    private static final Map<String, Carry> POOL =
            ordered("pool_size", Carry.AS_IS, "strides", Carry.AS_IS, "padding", Carry.AS_IS);
    private static final Map<String, Carry> LSTM = withKernel(ordered(
            "units",
            Carry.AS_IS,
            "activation",
            Carry.ACTIVATION,
            "recurrent_activation",
            Carry.ACTIVATION,
            "return_sequences",
            Carry.AS_IS));
    private static final Map<String, Carry> SIMPLE_RNN =
            withKernel(ordered("units", Carry.AS_IS, "activation", Carry.ACTIVATION, "return_sequences", Carry.AS_IS));

    /** The keys each supported class carries over, in the order they are written. */
    static final Map<String, Map<String, Carry>> CARRIED = Map.ofEntries(
            Map.entry("Dense", DENSE),
            Map.entry("Dropout", Map.of("rate", Carry.AS_IS)),
            Map.entry("SpatialDropout2D", Map.of("rate", Carry.AS_IS)),
            Map.entry("Activation", Map.of("activation", Carry.ACTIVATION)),
            Map.entry("BatchNormalization", ordered("momentum", Carry.AS_IS, "epsilon", Carry.AS_IS)),
            Map.entry("Conv1D", CONV),
            Map.entry("Conv2D", CONV),
            Map.entry("MaxPooling1D", POOL),
            Map.entry("MaxPooling2D", POOL),
            Map.entry("AveragePooling1D", POOL),
            Map.entry("AveragePooling2D", POOL),
            Map.entry("GlobalAveragePooling1D", Map.of()),
            Map.entry("GlobalAveragePooling2D", Map.of()),
            Map.entry("GlobalMaxPooling1D", Map.of()),
            Map.entry("GlobalMaxPooling2D", Map.of()),
            Map.entry("Flatten", Map.of()),
            Map.entry("LSTM", LSTM),
            Map.entry("SimpleRNN", SIMPLE_RNN),
            Map.entry("Bidirectional", Map.of("merge_mode", Carry.AS_IS)),
            Map.entry("Embedding", ordered("input_dim", Carry.AS_IS, "output_dim", Carry.AS_IS)));

    /** Keras's names for the same classes in older files. */
    static final Map<String, String> ALIASES = Map.of(
            "Convolution1D", "Conv1D",
            "Convolution2D", "Conv2D",
            "MaxPool1D", "MaxPooling1D",
            "MaxPool2D", "MaxPooling2D",
            "AvgPool1D", "AveragePooling1D",
            "AvgPool2D", "AveragePooling2D",
            "GlobalAvgPool1D", "GlobalAveragePooling1D",
            "GlobalAvgPool2D", "GlobalAveragePooling2D",
            "GlobalMaxPool1D", "GlobalMaxPooling1D",
            "GlobalMaxPool2D", "GlobalMaxPooling2D");

    /**
     * Keys that name, seed or tune how Keras runs a layer without changing what is computed, and the
     * input shape keys (read once, from the first layer).
     */
    static final Set<String> IGNORED = Set.of(
            "name",
            "dtype",
            "seed",
            "unroll",
            "implementation",
            "zero_output_for_mask",
            "unit_forget_bias",
            "recurrent_initializer",
            "renorm_momentum",
            "input_length",
            "optional",
            "batch_input_shape",
            "batch_shape",
            "input_shape",
            "build_input_shape");

    private static final Fixed NONE = new Fixed(JsonNode::isNull, "null");
    private static final Fixed FALSE = new Fixed(v -> v.isBoolean() && !v.asBoolean(), "false");
    private static final Fixed TRUE = new Fixed(v -> v.isBoolean() && v.asBoolean(), "true");
    private static final Fixed ZERO = new Fixed(v -> v.isNumber() && v.asDouble() == 0, "0");
    private static final Fixed ZEROS = new Fixed(v -> KerasValues.isInitializer(v, "zeros"), "the zeros initializer");
    private static final Fixed ONES = new Fixed(v -> KerasValues.isInitializer(v, "ones"), "the ones initializer");

    /** Keys TuneLab cannot vary: any other value than Keras's default is reported. */
    static final Map<String, Fixed> FIXED = Map.ofEntries(
            Map.entry("trainable", TRUE),
            Map.entry(
                    "data_format",
                    new Fixed(
                            v -> v.isNull() || v.asText().equals("channels_last"),
                            "\"channels_last\" (TuneLab's data is channels last)")),
            Map.entry("dilation_rate", new Fixed(KerasLayers::allOnes, "1")),
            Map.entry("groups", new Fixed(v -> v.isIntegralNumber() && v.asInt() == 1, "1")),
            Map.entry("bias_initializer", ZEROS),
            Map.entry("beta_initializer", ZEROS),
            Map.entry("moving_mean_initializer", ZEROS),
            Map.entry("gamma_initializer", ONES),
            Map.entry("moving_variance_initializer", ONES),
            Map.entry(
                    "embeddings_initializer",
                    new Fixed(v -> KerasValues.isInitializer(v, "random_uniform"), "the random_uniform initializer")),
            Map.entry("bias_regularizer", NONE),
            Map.entry("activity_regularizer", NONE),
            Map.entry("recurrent_regularizer", NONE),
            Map.entry("beta_regularizer", NONE),
            Map.entry("gamma_regularizer", NONE),
            Map.entry("embeddings_regularizer", NONE),
            Map.entry("kernel_constraint", NONE),
            Map.entry("bias_constraint", NONE),
            Map.entry("recurrent_constraint", NONE),
            Map.entry("beta_constraint", NONE),
            Map.entry("gamma_constraint", NONE),
            Map.entry("embeddings_constraint", NONE),
            Map.entry("noise_shape", NONE),
            Map.entry("renorm_clipping", NONE),
            Map.entry("dropout", ZERO),
            Map.entry("recurrent_dropout", ZERO),
            Map.entry("return_state", FALSE),
            Map.entry("go_backwards", FALSE),
            Map.entry("stateful", FALSE),
            Map.entry("time_major", FALSE),
            Map.entry("mask_zero", FALSE),
            Map.entry("keepdims", FALSE),
            Map.entry("synchronized", FALSE),
            Map.entry("renorm", FALSE),
            Map.entry("center", TRUE),
            Map.entry("scale", TRUE));

    private KerasLayers() {}

    private static boolean allOnes(JsonNode v) {
        if (v.isArray()) {
            for (JsonNode d : v) if (!d.isIntegralNumber() || d.asInt() != 1) return false;
            return true;
        }
        return v.isIntegralNumber() && v.asInt() == 1;
    }

    private static Map<String, Carry> withKernel(Map<String, Carry> own) {
        Map<String, Carry> all = new LinkedHashMap<>(own);
        all.putAll(KERNEL);
        return Collections.unmodifiableMap(all);
    }

    private static Map<String, Carry> ordered(Object... keysAndCarries) {
        Map<String, Carry> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndCarries.length; i += 2)
            m.put((String) keysAndCarries[i], (Carry) keysAndCarries[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The supported classes, for messages. */
    static List<String> supported() {
        return CARRIED.keySet().stream().sorted().toList();
    }
}
