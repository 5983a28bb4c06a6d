package dev.tunelab.core.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunelab.core.study.Task;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The names are keys of every trial's metrics, stored and shown to users: they never change. */
class MetricNamesTest {
    @Test
    void aClassifierReportsLossAccuracyLogLossAndForTwoClassesAuc() {
        assertEquals(List.of("loss", "accuracy", "log_loss"), MetricNames.of(Task.CLASSIFICATION, false));
        assertEquals(List.of("loss", "accuracy", "log_loss", "auc"), MetricNames.of(Task.CLASSIFICATION, true));
    }

    @Test
    void aRegressorReportsLossRmseAndMae() {
        assertEquals(List.of("loss", "rmse", "mae"), MetricNames.of(Task.REGRESSION, false));
        assertEquals(List.of("loss", "rmse", "mae"), MetricNames.of(Task.REGRESSION, true));
    }

    @Test
    void aStudyMayOptimizeEachOnTheTrainingOrTheValidationSplit() {
        assertEquals(
                Set.of("val_accuracy", "accuracy", "val_loss", "loss", "val_log_loss", "log_loss"),
                MetricNames.objectives(Task.CLASSIFICATION, false));
        assertEquals(
                Set.of("val_accuracy", "accuracy", "val_loss", "loss", "val_log_loss", "log_loss", "val_auc", "auc"),
                MetricNames.objectives(Task.CLASSIFICATION, true));
        assertEquals(
                Set.of("val_rmse", "rmse", "val_mae", "mae", "val_loss", "loss"),
                MetricNames.objectives(Task.REGRESSION, false));
    }

    @Test
    void testMetricsArePrefixed() {
        assertEquals("test_accuracy", MetricNames.TEST_PREFIX + MetricNames.ACCURACY);
    }
}
