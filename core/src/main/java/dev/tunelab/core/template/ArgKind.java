package dev.tunelab.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.space.Param;
import java.util.List;
import java.util.Set;

/**
 * The kind of value a template argument takes. Each kind checks a literal and, for a parameter
 * reference, the whole range of the parameter, so a bad range fails at submission and not in a
 * trial.
 */
public enum ArgKind {
  POSITIVE_INT,
  POSITIVE_FLOAT,
  RATE,
  ACTIVATION,
  OPTIMIZER,
  LOSS;

  public static final Set<String> ACTIVATIONS =
      Set.of(
          "relu", "tanh", "sigmoid", "softmax", "linear", "elu", "selu", "leaky_relu", "swish",
          "gelu", "softplus");
  public static final Set<String> OPTIMIZERS = Set.of("adam", "sgd", "rmsprop");
  public static final Set<String> LOSSES =
      Set.of("categorical_crossentropy", "mse", "mean_squared_error", "mae", "mean_absolute_error");

  /** Why the literal does not fit, or null when it does. */
  public String checkLiteral(JsonNode v) {
    return switch (this) {
      case POSITIVE_INT ->
          v.isIntegralNumber() && v.canConvertToInt() && v.asInt() >= 1
              ? null
              : "must be an integer of at least 1, got " + v;
      case POSITIVE_FLOAT ->
          v.isNumber() && v.asDouble() > 0 && Double.isFinite(v.asDouble())
              ? null
              : "must be a number greater than 0, got " + v;
      case RATE ->
          v.isNumber() && v.asDouble() >= 0 && v.asDouble() < 1
              ? null
              : "must be a number in [0, 1), got " + v;
      case ACTIVATION -> oneOf(v, ACTIVATIONS);
      case OPTIMIZER -> oneOf(v, OPTIMIZERS);
      case LOSS -> oneOf(v, LOSSES);
    };
  }

  /** Why some value of the parameter would not fit, or null when all do. */
  public String checkParam(String name, Param p) {
    if (p instanceof Param.ChoiceParam c) {
      List<Object> values = c.values();
      for (Object value : values) {
        String why = checkLiteral(dev.tunelab.core.messages.Json.MAPPER.valueToTree(value));
        if (why != null) return "parameter '" + name + "' has a value that " + why;
      }
      return null;
    }
    double lo;
    double hi;
    boolean integral;
    if (p instanceof Param.IntParam i) {
      lo = i.min();
      hi = i.max();
      integral = true;
    } else {
      Param.FloatParam f = (Param.FloatParam) p;
      lo = f.min();
      hi = f.max();
      integral = false;
    }
    return switch (this) {
      case POSITIVE_INT ->
          !integral
              ? "needs an integer, but parameter '" + name + "' is a float"
              : lo < 1 ? "needs at least 1, but parameter '" + name + "' starts at " + (int) lo : null;
      case POSITIVE_FLOAT ->
          lo > 0 ? null : "needs values greater than 0, but parameter '" + name + "' starts at " + lo;
      case RATE ->
          lo >= 0 && hi < 1
              ? null
              : "needs values in [0, 1), but parameter '" + name + "' spans [" + lo + ", " + hi + "]";
      case ACTIVATION, OPTIMIZER, LOSS ->
          "needs a name, but parameter '" + name + "' is numeric: use a choice parameter";
    };
  }

  private static String oneOf(JsonNode v, Set<String> allowed) {
    if (v.isTextual() && allowed.contains(v.asText())) return null;
    return "must be one of " + new java.util.TreeSet<>(allowed) + ", got " + v;
  }
}
