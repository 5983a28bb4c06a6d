package dev.tunelab.core.template;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The Keras layer classes and template settings TuneLab understands, with their arguments. */
public final class LayerCatalog {

  /** An argument: its kind, and the Keras default when it may be left out (null: required). */
  public record Arg(ArgKind kind, Object defaultValue) {
    public boolean required() {
      return defaultValue == null;
    }
  }

  public static final Map<String, Map<String, Arg>> LAYERS =
      Map.of(
          "Dense",
          ordered("units", new Arg(ArgKind.POSITIVE_INT, null),
              "activation", new Arg(ArgKind.ACTIVATION, "linear")),
          "Dropout", ordered("rate", new Arg(ArgKind.RATE, null), null, null));

  /** Settings beside {@code layers} at the top of a template. */
  public static final Map<String, Arg> SETTINGS =
      Map.of(
          "optimizer", new Arg(ArgKind.OPTIMIZER, "adam"),
          "learning_rate", new Arg(ArgKind.POSITIVE_FLOAT, 0.001),
          "batch_size", new Arg(ArgKind.POSITIVE_INT, 32));

  /** Arguments of the optional {@code output} object; defaults come from the dataset's task. */
  public static final Map<String, ArgKind> OUTPUT =
      Map.of("activation", ArgKind.ACTIVATION, "loss", ArgKind.LOSS);

  public static final Set<String> TEMPLATE_FIELDS =
      Set.of("layers", "optimizer", "learning_rate", "batch_size", "output");

  private LayerCatalog() {}

  private static Map<String, Arg> ordered(String k1, Arg a1, String k2, Arg a2) {
    Map<String, Arg> m = new LinkedHashMap<>();
    m.put(k1, a1);
    if (k2 != null) m.put(k2, a2);
    return m;
  }
}
