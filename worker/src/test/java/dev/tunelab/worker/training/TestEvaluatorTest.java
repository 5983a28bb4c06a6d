package dev.tunelab.worker.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.data.Samples;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestEvaluatorTest {

    /** The given rows of {@code data} as a dataset of their own. */
    private static Samples subset(Samples data, int[] rows) {
        float[][] x = new float[rows.length][];
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            x[i] = data.x()[rows[i]];
            y[i] = data.classIndex()[rows[i]];
        }
        return new Samples(
                data.kind(), data.task(), data.shape(), x, data.classes(), y, null, data.featureNames(), false);
    }

    @Test
    void evaluatesExactlyTheRowsTheTrainerHeldOut() throws IOException {
        Samples iris = TrialTrainerTest.iris();
        TrainingResult r = new TrialTrainer()
                .train(
                        TrialTrainerTest.command(TrialTrainerTest.irisModel(), 20, "val_accuracy", 0.2),
                        iris,
                        (e, m) -> {},
                        () -> false);
        int[] testRows = r.card().split().testRows();

        Map<String, Double> byFraction = TestEvaluator.evaluate(r.artifactZip(), iris, 0.2, 42, 0.2, null);
        Map<String, Double> byRows = TestEvaluator.evaluate(r.artifactZip(), null, 0, 0, 0.2, subset(iris, testRows));
        assertEquals(List.of("test_loss", "test_accuracy", "test_log_loss"), List.copyOf(byFraction.keySet()));
        assertEquals(byRows, byFraction);
        assertTrue(byFraction.get("test_accuracy") >= 0.8, byFraction.toString());

        // Another seed holds out other rows, so the numbers would differ.
        Map<String, Double> other = TestEvaluator.evaluate(r.artifactZip(), iris, 0.2, 7, 0.2, null);
        assertNotEquals(byFraction.get("test_log_loss"), other.get("test_log_loss"));
    }

    @Test
    void refusesWhenThereIsNoTestSplit() throws IOException {
        Samples iris = TrialTrainerTest.iris();
        TrainingResult r = new TrialTrainer()
                .train(
                        TrialTrainerTest.command(TrialTrainerTest.irisModel(), 1, "val_loss", 0),
                        iris,
                        (e, m) -> {},
                        () -> false);
        assertThrows(
                IllegalArgumentException.class, () -> TestEvaluator.evaluate(r.artifactZip(), iris, 0, 42, 0.2, null));
    }
}
