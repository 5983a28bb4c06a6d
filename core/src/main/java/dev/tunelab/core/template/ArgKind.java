package dev.tunelab.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.space.Param;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The kind of value a template argument takes. Each kind checks a literal and, for a parameter
 * reference, the whole range of the parameter, so a bad range fails at submission and not in a
 * trial.
 */
public enum ArgKind {
    POSITIVE_INT,
    POSITIVE_FLOAT,
    NON_NEGATIVE_FLOAT,
    RATE,
    /** A factor in (0, 1], such as a schedule's decay rate: above 1 the rate would grow. */
    FRACTION,
    BOOLEAN,
    ACTIVATION,
    INITIALIZER,
    REGULARIZER,
    PADDING,
    MERGE_MODE,
    OPTIMIZER,
    SCHEDULE,
    LOSS,
    /** A size of a 1D layer: an integer or a list of one. */
    SIZE_1D,
    /** A size of a 2D layer: an integer (used for both axes) or a list of two. */
    SIZE_2D,
    /**
     * How often a Repeat block repeats: a literal from 1, a parameter from 0, at most {@link
     * #MAX_REPEATS}.
     */
    REPEATS;

    public static final int MAX_REPEATS = 32;

    public static final Set<String> ACTIVATIONS = Set.of(
            "relu", "tanh", "sigmoid", "softmax", "linear", "elu", "selu", "leaky_relu", "swish", "gelu", "softplus");
    public static final Set<String> INITIALIZERS = Set.of(
            "glorot_uniform",
            "glorot_normal",
            "he_normal",
            "he_uniform",
            "lecun_normal",
            "lecun_uniform",
            "random_normal",
            "random_uniform",
            "zeros",
            "ones");
    public static final Set<String> REGULARIZERS = Set.of("l1", "l2", "l1_l2");
    public static final Set<String> PADDINGS = Set.of("valid", "same");
    public static final Set<String> MERGE_MODES = Set.of("concat", "sum", "mul", "ave");
    public static final Set<String> OPTIMIZERS = Set.of("adam", "adamw", "sgd", "rmsprop", "adagrad", "nadam");
    public static final Set<String> SCHEDULES = Set.of("step", "exponential", "cosine");
    public static final Set<String> LOSSES = Set.of(
            "categorical_crossentropy",
            "binary_crossentropy",
            "mse",
            "mean_squared_error",
            "mae",
            "mean_absolute_error");

    /** The number of entries a size list has, or 0 for kinds that are not sizes. */
    public int rank() {
        return this == SIZE_1D ? 1 : this == SIZE_2D ? 2 : 0;
    }

    /** Why the literal does not fit, or null when it does. */
    public String checkLiteral(JsonNode v) {
        return switch (this) {
            case POSITIVE_INT, SIZE_1D, SIZE_2D -> positiveInt(v) ? null : "must be an integer of at least 1, got " + v;
            case POSITIVE_FLOAT ->
                v.isNumber() && v.asDouble() > 0 && Double.isFinite(v.asDouble())
                        ? null
                        : "must be a number greater than 0, got " + v;
            case NON_NEGATIVE_FLOAT ->
                v.isNumber() && v.asDouble() >= 0 && Double.isFinite(v.asDouble())
                        ? null
                        : "must be a number of at least 0, got " + v;
            case RATE ->
                v.isNumber() && v.asDouble() >= 0 && v.asDouble() < 1 ? null : "must be a number in [0, 1), got " + v;
            case FRACTION ->
                v.isNumber() && v.asDouble() > 0 && v.asDouble() <= 1 ? null : "must be a number in (0, 1], got " + v;
            case BOOLEAN -> v.isBoolean() ? null : "must be true or false, got " + v;
            case REPEATS ->
                v.isIntegralNumber() && v.canConvertToInt() && v.asInt() >= 1 && v.asInt() <= MAX_REPEATS
                        ? null
                        : "must be an integer from 1 to " + MAX_REPEATS + ", got " + v;
            case ACTIVATION -> oneOf(v, ACTIVATIONS);
            case INITIALIZER -> oneOf(v, INITIALIZERS);
            case REGULARIZER -> oneOf(v, REGULARIZERS);
            case PADDING -> oneOf(v, PADDINGS);
            case MERGE_MODE -> oneOf(v, MERGE_MODES);
            case OPTIMIZER -> oneOf(v, OPTIMIZERS);
            case SCHEDULE -> oneOf(v, SCHEDULES);
            case LOSS -> oneOf(v, LOSSES);
        };
    }

    /** Why some value of the parameter would not fit, or null when all do. */
    public String checkParam(String name, Param p) {
        if (p instanceof Param.ChoiceParam c) {
            List<Object> values = c.values();
            for (Object value : values) {
                JsonNode v = Json.MAPPER.valueToTree(value);
                String why = this == REPEATS ? repeatsOfParam(v) : checkLiteral(v);
                if (why != null) return "parameter '" + name + "' has a value that " + why;
            }
            return null;
        }
        double lo;
        double hi;
        boolean integral = p instanceof Param.IntParam;
        if (p instanceof Param.IntParam i) {
            lo = i.min();
            hi = i.max();
        } else {
            Param.FloatParam f = (Param.FloatParam) p;
            lo = f.min();
            hi = f.max();
        }
        String range = "parameter '" + name + "' spans [" + number(lo) + ", " + number(hi) + "]";
        return switch (this) {
            case POSITIVE_INT, SIZE_1D, SIZE_2D ->
                !integral
                        ? "needs an integer, but parameter '" + name + "' is a float"
                        : lo < 1 ? "needs at least 1, but parameter '" + name + "' starts at " + (int) lo : null;
            case REPEATS ->
                !integral
                        ? "needs an integer, but parameter '" + name + "' is a float"
                        : lo < 0 || hi > MAX_REPEATS
                                ? "needs 0 to " + MAX_REPEATS + " repetitions, but " + range
                                : null;
            case POSITIVE_FLOAT ->
                lo > 0 ? null : "needs values greater than 0, but parameter '" + name + "' starts at " + number(lo);
            case NON_NEGATIVE_FLOAT ->
                lo >= 0 ? null : "needs values of at least 0, but parameter '" + name + "' starts at " + number(lo);
            case RATE -> lo >= 0 && hi < 1 ? null : "needs values in [0, 1), but " + range;
            case FRACTION -> lo > 0 && hi <= 1 ? null : "needs values in (0, 1], but " + range;
            case BOOLEAN ->
                "needs true or false, but parameter '" + name + "' is numeric: use a choice of [true, false]";
            case ACTIVATION, INITIALIZER, REGULARIZER, PADDING, MERGE_MODE, OPTIMIZER, SCHEDULE, LOSS ->
                "needs a name, but parameter '" + name + "' is numeric: use a choice parameter";
        };
    }

    /**
     * A parameter may ask for no repetition at all; a literal of 0 would be a block that never
     * exists.
     */
    private static String repeatsOfParam(JsonNode v) {
        return v.isIntegralNumber() && v.canConvertToInt() && v.asInt() >= 0 && v.asInt() <= MAX_REPEATS
                ? null
                : "must be an integer from 0 to " + MAX_REPEATS + ", got " + v;
    }

    private static boolean positiveInt(JsonNode v) {
        return v.isIntegralNumber() && v.canConvertToInt() && v.asInt() >= 1;
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static String oneOf(JsonNode v, Set<String> allowed) {
        if (v.isTextual() && allowed.contains(v.asText())) return null;
        return "must be one of " + new TreeSet<>(allowed) + ", got " + v;
    }
}
