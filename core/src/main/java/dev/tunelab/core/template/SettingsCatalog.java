package dev.tunelab.core.template;

import static dev.tunelab.core.template.layers.Arg.optional;
import static dev.tunelab.core.template.layers.Arg.ordered;
import static dev.tunelab.core.template.layers.Arg.required;

import dev.tunelab.core.template.layers.Arg;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * The settings beside {@code layers} at the top of a template, with Keras's defaults. The layers
 * themselves are in {@link dev.tunelab.core.template.layers.LayerCatalog}.
 */
final class SettingsCatalog {
    /** Settings every template has (the schedule and the output are checked on their own). */
    static final Map<String, Arg> SETTINGS = Collections.unmodifiableMap(ordered(
            "optimizer", optional(ArgKind.OPTIMIZER, "adam"),
            "learning_rate", optional(ArgKind.POSITIVE_FLOAT, 0.001),
            "batch_size", optional(ArgKind.POSITIVE_INT, 32)));

    /** Settings that belong to one optimizer: the name of that optimizer, and the argument. */
    static final Map<String, String> OPTIMIZER_OF =
            Map.of("momentum", "sgd", "nesterov", "sgd", "weight_decay", "adamw");

    static final Map<String, Arg> OPTIMIZER_ARGS = Collections.unmodifiableMap(ordered(
            "momentum", optional(ArgKind.RATE, 0.0),
            "nesterov", optional(ArgKind.BOOLEAN, false),
            "weight_decay", optional(ArgKind.NON_NEGATIVE_FLOAT, 0.004)));

    /** Fields of {@code learning_rate_schedule}, counted in epochs. */
    static final Map<String, Arg> SCHEDULE = Collections.unmodifiableMap(ordered(
            "type", required(ArgKind.SCHEDULE),
            "decay_rate", optional(ArgKind.FRACTION, null),
            "decay_steps", required(ArgKind.POSITIVE_INT),
            "alpha", optional(ArgKind.RATE, 0.0)));

    /** Arguments of the optional {@code output} object; defaults come from the dataset's task. */
    static final Map<String, ArgKind> OUTPUT = Map.of("activation", ArgKind.ACTIVATION, "loss", ArgKind.LOSS);

    static final Set<String> TEMPLATE_FIELDS = Set.of(
            "layers",
            "optimizer",
            "learning_rate",
            "batch_size",
            "momentum",
            "nesterov",
            "weight_decay",
            "learning_rate_schedule",
            "output");

    private SettingsCatalog() {}
}
