package dev.tunelab.core.template;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tunelab.core.messages.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One concrete network: a template with every parameter reference replaced by the trial's value,
 * every default filled in (Keras's defaults) and the output layer derived from the dataset. Workers
 * build exactly this; the model card keeps it.
 *
 * @param optimizerArgs settings of the optimizer besides the rate, by Keras name ({@code momentum},
 *     {@code nesterov}, {@code weight_decay}); empty when there are none
 * @param schedule how the learning rate changes per epoch, or null for a constant rate
 * @param inputShape the shape of one sample in Keras's convention (channels last): {@code [F]} for
 *     a table, {@code [H, W, C]} for images, {@code [T]} for token ids, {@code [T, F]} for
 *     sequences; null when unknown (specs stored before shapes were inferred)
 * @param paramCount trainable plus non-trainable parameters, counted as Keras counts them; 0 when
 *     not inferred
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSpec(
        List<Layer> layers,
        Output output,
        String optimizer,
        double learningRate,
        int batchSize,
        Map<String, Object> optimizerArgs,
        Schedule schedule,
        List<Integer> inputShape,
        long paramCount) {

    public ModelSpec {
        layers = List.copyOf(layers);
        optimizerArgs =
                optimizerArgs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(optimizerArgs));
        inputShape = inputShape == null ? null : List.copyOf(inputShape);
    }

    /** A plain network with a constant rate and no optimizer settings; shapes not inferred. */
    public ModelSpec(List<Layer> layers, Output output, String optimizer, double learningRate, int batchSize) {
        this(layers, output, optimizer, learningRate, batchSize, Map.of(), null, null, 0);
    }

    /** The same network with its input shape and parameter count filled in. */
    public ModelSpec withShape(List<Integer> shape, long params) {
        return new ModelSpec(
                layers, output, optimizer, learningRate, batchSize, optimizerArgs, schedule, shape, params);
    }

    /**
     * One layer by its Keras class name and resolved arguments (Keras argument names). Values are
     * Integer, Double, Boolean, String, a List of Integer ({@code kernel_size}, {@code strides},
     * {@code pool_size}, always of the layer's rank), a {@link Regularizer}-shaped map for {@code
     * kernel_regularizer}, or a nested layer ({@code layer} of {@code Bidirectional}). Written to
     * JSON flat, as {@code {"type": "Dense", "units": 32, ...}}.
     */
    public static final class Layer {
        private final String type;
        private final Map<String, Object> args = new LinkedHashMap<>();

        @JsonCreator
        public Layer(@JsonProperty("type") String type) {
            this.type = Objects.requireNonNull(type);
        }

        public Layer(String type, Map<String, ?> args) {
            this(type);
            args.forEach(this::put);
        }

        @JsonProperty("type")
        public String type() {
            return type;
        }

        @JsonAnyGetter
        public Map<String, Object> args() {
            return Collections.unmodifiableMap(args);
        }

        @JsonAnySetter
        void put(String key, Object value) {
            args.put(key, value);
        }

        public boolean has(String key) {
            return args.get(key) != null;
        }

        public int intArg(String key) {
            return ((Number) require(key)).intValue();
        }

        public double number(String key) {
            return ((Number) require(key)).doubleValue();
        }

        public String text(String key) {
            return (String) require(key);
        }

        public boolean bool(String key) {
            return (Boolean) require(key);
        }

        /**
         * A size argument as a list of the layer's rank; a single number is repeated by the resolver.
         */
        public List<Integer> ints(String key) {
            Object v = require(key);
            if (v instanceof Number n) return List.of(n.intValue());
            List<Integer> out = new ArrayList<>();
            for (Object o : (List<?>) v) out.add(((Number) o).intValue());
            return out;
        }

        /** The wrapped layer of {@code Bidirectional}. */
        @JsonIgnore
        public Layer inner() {
            Object v = require("layer");
            if (v instanceof Layer l) return l;
            return Json.MAPPER.convertValue(v, Layer.class);
        }

        /** {@code kernel_regularizer} as l1/l2 factors, or null when there is none. */
        @JsonIgnore
        public Regularizer regularizer() {
            Object v = args.get("kernel_regularizer");
            if (v == null) return null;
            if (v instanceof Regularizer r) return r;
            return Json.MAPPER.convertValue(v, Regularizer.class);
        }

        private Object require(String key) {
            Object v = args.get(key);
            if (v == null) throw new IllegalArgumentException(type + " has no value for '" + key + "'");
            return v;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Layer l
                    && type.equals(l.type)
                    && Json.MAPPER.valueToTree(args).equals(Json.MAPPER.valueToTree(l.args));
        }

        @Override
        public int hashCode() {
            return type.hashCode();
        }

        @Override
        public String toString() {
            return type + args;
        }
    }

    /**
     * Keras's {@code l1}, {@code l2} and {@code l1_l2} regularizers as two factors (0 when unused).
     */
    public record Regularizer(double l1, double l2) {}

    /**
     * A learning-rate schedule counted in epochs (epoch 0 trains at the initial rate).
     *
     * @param type {@code step} (rate × gamma^floor(epoch / stepSize)), {@code exponential} (rate ×
     *     decayRate^(epoch / decaySteps)) or {@code cosine} (cosine from the rate down to rate ×
     *     alpha over decaySteps epochs)
     */
    public record Schedule(String type, double decayRate, int decaySteps, double alpha) {}

    /**
     * The last layer: {@code units} is the class count for classification (1 with a sigmoid for a
     * binary label), 1 for regression.
     */
    public record Output(int units, String activation, String loss) {}
}
