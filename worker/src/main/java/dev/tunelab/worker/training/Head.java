package dev.tunelab.worker.training;

import dev.tunelab.core.messages.MetricNames;
import dev.tunelab.core.study.Task;
import dev.tunelab.core.template.ModelSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What the output layer predicts, which fixes the label layout and the metrics: several softmax
 * units (one-hot labels), one sigmoid unit (a binary label as 0/1), or regression targets.
 *
 * @param units output units
 * @param loss the Keras loss name
 */
public record Head(Task task, int units, String loss) {
    public static Head of(Task task, ModelSpec.Output output) {
        return new Head(task, output.units(), output.loss());
    }

    /** Binary classification: one sigmoid unit or a two-class softmax; AUC is reported for it. */
    public boolean binary() {
        return task == Task.CLASSIFICATION && units <= 2;
    }

    /** Metric names in report order, without a prefix. */
    public List<String> metrics() {
        return new ArrayList<>(MetricNames.of(task, binary()));
    }

    /** Every metric reported per epoch: the training split's, then the validation split's. */
    public List<String> epochMetrics() {
        List<String> names = new ArrayList<>(metrics());
        for (String m : metrics()) names.add(MetricNames.VALIDATION_PREFIX + m);
        return names;
    }

    /**
     * Checks what DL4J would otherwise report as a shape error deep in training.
     *
     * @param classes the dataset's class count (classification)
     */
    void checkFits(int classes) {
        if (task == Task.REGRESSION) {
            if (units != 1)
                throw new IllegalArgumentException("output layer has " + units + " units, regression needs 1");
            return;
        }
        if (classes < 2) throw new IllegalArgumentException("classification needs at least 2 classes, got " + classes);
        boolean sigmoid = units == 1 && classes == 2;
        if (units != classes && !sigmoid) {
            throw new IllegalArgumentException("output layer has "
                    + units
                    + " units, the data has "
                    + classes
                    + " classes ("
                    + classes
                    + " softmax units"
                    + (classes == 2 ? " or 1 sigmoid unit" : "")
                    + ")");
        }
    }
}
