package dev.tunelab.core.template;

import dev.tunelab.core.study.DatasetFacts;
import dev.tunelab.core.study.Task;
import java.util.Set;

/**
 * The output layer a dataset asks for: softmax over the classes with categorical cross-entropy, or
 * one sigmoid unit with binary cross-entropy for two classes, or one linear unit with mse for
 * regression. A template may choose among these, never against the task.
 */
final class OutputRules {
    private static final Set<String> CLASSIFICATION_LOSSES = Set.of("categorical_crossentropy", "binary_crossentropy");
    private static final String BINARY = "binary_crossentropy";

    private OutputRules() {}

    /** A problem as {field, reason}, or null when the (possibly unset) activation and loss fit. */
    static String[] problem(String activation, String loss, DatasetFacts facts) {
        if (facts.task() == Task.CLASSIFICATION) {
            int classes = facts.numClasses();
            if (activation != null && !Set.of("softmax", "sigmoid").contains(activation)) {
                return new String[] {
                    "activation", "a classification output uses softmax or sigmoid, not '" + activation + "'"
                };
            }
            if ("sigmoid".equals(activation) && classes != 2) {
                return new String[] {
                    "activation", "a sigmoid output is one unit for 2 classes; this dataset has " + classes
                };
            }
            if (loss != null && !CLASSIFICATION_LOSSES.contains(loss)) {
                return new String[] {"loss", "'" + loss + "' does not fit a classification dataset"};
            }
            if (BINARY.equals(loss) && classes != 2) {
                return new String[] {"loss", "binary_crossentropy needs 2 classes; this dataset has " + classes};
            }
            if (activation != null && loss != null && "sigmoid".equals(activation) != BINARY.equals(loss)) {
                return new String[] {
                    "loss",
                    "'"
                            + loss
                            + "' does not fit a "
                            + activation
                            + " output: sigmoid goes with binary_crossentropy, softmax with categorical_crossentropy"
                };
            }
            return null;
        }
        if (loss != null && CLASSIFICATION_LOSSES.contains(loss)) {
            return new String[] {"loss", "'" + loss + "' does not fit a regression dataset"};
        }
        if ("softmax".equals(activation)) {
            return new String[] {"activation", "softmax over the one output unit of a regression is always 1"};
        }
        return null;
    }

    /** The output layer for the given (possibly unset) activation and loss. */
    static ModelSpec.Output resolve(String activation, String loss, DatasetFacts facts) {
        if (facts.task() != Task.CLASSIFICATION) {
            return new ModelSpec.Output(1, activation == null ? "linear" : activation, loss == null ? "mse" : loss);
        }
        String a = activation != null ? activation : BINARY.equals(loss) ? "sigmoid" : "softmax";
        String l = loss != null ? loss : a.equals("sigmoid") ? BINARY : "categorical_crossentropy";
        return new ModelSpec.Output(a.equals("sigmoid") ? 1 : facts.numClasses(), a, l);
    }
}
