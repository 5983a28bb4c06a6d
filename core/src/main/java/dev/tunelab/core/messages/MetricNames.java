package dev.tunelab.core.messages;

import dev.tunelab.core.study.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names of the metrics a worker reports in {@link TrialEvent#metrics()} and a study may
 * optimize. A metric on the training split has its bare name, on the validation split the {@link
 * #VALIDATION_PREFIX}, on the study's test split the {@link #TEST_PREFIX}.
 */
public final class MetricNames {
    public static final String LOSS = "loss";
    public static final String ACCURACY = "accuracy";
    public static final String LOG_LOSS = "log_loss";

    /** ROC AUC of the positive (second) class; only for two classes. */
    public static final String AUC = "auc";

    public static final String RMSE = "rmse";
    public static final String MAE = "mae";
    public static final String VALIDATION_PREFIX = "val_";
    public static final String TEST_PREFIX = "test_";

    private MetricNames() {}

    /**
     * The metrics reported for a {@code task}, without a prefix, in report order.
     *
     * @param binary two classes, where AUC is reported too; ignored for regression
     */
    public static List<String> of(Task task, boolean binary) {
        if (task == Task.CLASSIFICATION) {
            return binary ? List.of(LOSS, ACCURACY, LOG_LOSS, AUC) : List.of(LOSS, ACCURACY, LOG_LOSS);
        }
        return List.of(LOSS, RMSE, MAE);
    }

    /**
     * What a study of {@code task} may optimize: each metric on the training and the validation
     * split.
     */
    public static Set<String> objectives(Task task, boolean binary) {
        List<String> names = new ArrayList<>();
        for (String m : of(task, binary)) {
            names.add(VALIDATION_PREFIX + m);
            names.add(m);
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }
}
