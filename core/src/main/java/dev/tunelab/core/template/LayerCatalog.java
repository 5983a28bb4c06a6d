package dev.tunelab.core.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Keras layer classes and template settings TuneLab understands, with their arguments and
 * Keras's defaults. The resolver fills every default, so a worker finds each argument present.
 */
public final class LayerCatalog {

  /**
   * An argument: its kind, whether it must be given, and the Keras default. An optional argument
   * without a default is either absent when not given ({@code kernel_regularizer}) or derived by
   * the resolver ({@code strides} of pooling = {@code pool_size}; {@code input_dim} of Embedding =
   * the dataset's vocabulary).
   */
  public record Arg(ArgKind kind, boolean required, Object defaultValue) {
    static Arg required(ArgKind kind) {
      return new Arg(kind, true, null);
    }

    static Arg optional(ArgKind kind, Object dflt) {
      return new Arg(kind, false, dflt);
    }
  }

  /** Block types that are not layers but shape the architecture. */
  public static final String REPEAT = "Repeat";
  public static final String CHOICE = "Choice";
  /** Where the user wrote a layer (set by the Keras importer); used in violations, else ignored. */
  public static final String PATH = "$path";

  public static final Map<String, Map<String, Arg>> LAYERS = layers();

  /** Layers that take a 1D or 2D spatial input and so have sizes of that rank. */
  public static int rank(String type) {
    if (type.endsWith("1D")) return 1;
    if (type.endsWith("2D")) return 2;
    return 0;
  }

  public static boolean pooling(String type) {
    return type.startsWith("MaxPooling") || type.startsWith("AveragePooling");
  }

  public static boolean recurrent(String type) {
    return type.equals("LSTM") || type.equals("SimpleRNN");
  }

  /** Settings beside {@code layers} at the top of a template (the schedule is checked on its own). */
  public static final Map<String, Arg> SETTINGS = Collections.unmodifiableMap(ordered(
      "optimizer", Arg.optional(ArgKind.OPTIMIZER, "adam"),
      "learning_rate", Arg.optional(ArgKind.POSITIVE_FLOAT, 0.001),
      "batch_size", Arg.optional(ArgKind.POSITIVE_INT, 32)));

  /** Settings that belong to one optimizer: the name of that optimizer, and the argument. */
  public static final Map<String, String> OPTIMIZER_OF = Map.of(
      "momentum", "sgd", "nesterov", "sgd", "weight_decay", "adamw");
  public static final Map<String, Arg> OPTIMIZER_ARGS = Collections.unmodifiableMap(ordered(
      "momentum", Arg.optional(ArgKind.RATE, 0.0),
      "nesterov", Arg.optional(ArgKind.BOOLEAN, false),
      "weight_decay", Arg.optional(ArgKind.NON_NEGATIVE_FLOAT, 0.004)));

  /** Fields of {@code learning_rate_schedule}, counted in epochs. */
  public static final Map<String, Arg> SCHEDULE = Collections.unmodifiableMap(ordered(
      "type", Arg.required(ArgKind.SCHEDULE),
      "decay_rate", Arg.optional(ArgKind.FRACTION, null),
      "decay_steps", Arg.required(ArgKind.POSITIVE_INT),
      "alpha", Arg.optional(ArgKind.RATE, 0.0)));

  /** Arguments of the optional {@code output} object; defaults come from the dataset's task. */
  public static final Map<String, ArgKind> OUTPUT =
      Map.of("activation", ArgKind.ACTIVATION, "loss", ArgKind.LOSS);

  public static final Set<String> TEMPLATE_FIELDS = Set.of(
      "layers", "optimizer", "learning_rate", "batch_size", "momentum", "nesterov", "weight_decay",
      "learning_rate_schedule", "output");

  private LayerCatalog() {}

  private static Map<String, Map<String, Arg>> layers() {
    Map<String, Map<String, Arg>> m = new LinkedHashMap<>();
    m.put("Dense", withKernel(ordered("units", Arg.required(ArgKind.POSITIVE_INT),
        "activation", Arg.optional(ArgKind.ACTIVATION, "linear"))));
    m.put("Dropout", ordered("rate", Arg.required(ArgKind.RATE)));
    m.put("Activation", ordered("activation", Arg.required(ArgKind.ACTIVATION)));
    m.put("BatchNormalization", ordered("momentum", Arg.optional(ArgKind.RATE, 0.99),
        "epsilon", Arg.optional(ArgKind.POSITIVE_FLOAT, 0.001)));
    for (int rank = 1; rank <= 2; rank++) {
      ArgKind size = rank == 1 ? ArgKind.SIZE_1D : ArgKind.SIZE_2D;
      m.put("Conv" + rank + "D", withKernel(ordered("filters", Arg.required(ArgKind.POSITIVE_INT),
          "kernel_size", Arg.required(size),
          "strides", Arg.optional(size, repeat(1, rank)),
          "padding", Arg.optional(ArgKind.PADDING, "valid"),
          "activation", Arg.optional(ArgKind.ACTIVATION, "linear"))));
      for (String pool : List.of("MaxPooling", "AveragePooling")) {
        m.put(pool + rank + "D", ordered("pool_size", Arg.optional(size, repeat(2, rank)),
            "strides", Arg.optional(size, null),
            "padding", Arg.optional(ArgKind.PADDING, "valid")));
      }
      for (String global : List.of("GlobalAveragePooling", "GlobalMaxPooling")) {
        m.put(global + rank + "D", Map.of());
      }
    }
    m.put("Flatten", Map.of());
    m.put("LSTM", withKernel(ordered("units", Arg.required(ArgKind.POSITIVE_INT),
        "activation", Arg.optional(ArgKind.ACTIVATION, "tanh"),
        "recurrent_activation", Arg.optional(ArgKind.ACTIVATION, "sigmoid"),
        "return_sequences", Arg.optional(ArgKind.BOOLEAN, false))));
    m.put("SimpleRNN", withKernel(ordered("units", Arg.required(ArgKind.POSITIVE_INT),
        "activation", Arg.optional(ArgKind.ACTIVATION, "tanh"),
        "return_sequences", Arg.optional(ArgKind.BOOLEAN, false))));
    // 'layer' is a nested layer object, checked by TemplateChecker rather than by a kind.
    m.put("Bidirectional", ordered("merge_mode", Arg.optional(ArgKind.MERGE_MODE, "concat")));
    m.put("Embedding", ordered("input_dim", Arg.optional(ArgKind.POSITIVE_INT, null),
        "output_dim", Arg.required(ArgKind.POSITIVE_INT)));
    m.replaceAll((type, args) -> Collections.unmodifiableMap(args));
    return Collections.unmodifiableMap(m);
  }

  private static Map<String, Arg> withKernel(Map<String, Arg> m) {
    m.put("use_bias", Arg.optional(ArgKind.BOOLEAN, true));
    m.put("kernel_initializer", Arg.optional(ArgKind.INITIALIZER, "glorot_uniform"));
    m.put("kernel_regularizer", Arg.optional(ArgKind.REGULARIZER, null));
    return m;
  }

  private static List<Integer> repeat(int value, int rank) {
    return rank == 1 ? List.of(value) : List.of(value, value);
  }

  private static Map<String, Arg> ordered(Object... pairs) {
    Map<String, Arg> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], (Arg) pairs[i + 1]);
    return m;
  }
}
