package dev.tunelab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.messages.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which metrics a study may optimize depends on its data: AUC needs two classes, MAE a regression.
 */
class ObjectiveMetricTest {
    private static final String STUDY = """
      {"dataset": "%s", "objective": {"metric": "%s"}, "space": {"u": {"type": "int", "min": 4, "max": 8}},
       "template": {"layers": [%s]}}
      """;

    private static StudySpec parse(String dataset, String metric) throws Exception {
        String layers = dataset.equals("iris")
                ? "{\"type\": \"Dense\", \"units\": {\"param\": \"u\"}}"
                : dataset.equals("tokens")
                        ? "{\"type\": \"Embedding\", \"output_dim\": {\"param\": \"u\"}}, {\"type\": \"GlobalAveragePooling1D\"}"
                        : "{\"type\": \"LSTM\", \"units\": {\"param\": \"u\"}}";
        return TestDatasets.parser().parse(Json.MAPPER.readTree(STUDY.formatted(dataset, metric, layers)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "tokens, val_auc, MAXIMIZE",
        "tokens, auc, MAXIMIZE",
        "tokens, val_log_loss, MINIMIZE",
        "iris, val_log_loss, MINIMIZE",
        "iris, val_accuracy, MAXIMIZE",
        "series, val_mae, MINIMIZE",
        "series, val_rmse, MINIMIZE"
    })
    void accepted(String dataset, String metric, Direction direction) throws Exception {
        assertEquals(
                new StudySpec.Objective(metric, direction),
                parse(dataset, metric).objective());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "iris, val_auc, two classes",
        "series, val_auc, not 'val_auc'",
        "iris, val_mae, not 'val_mae'",
        "series, val_log_loss, not 'val_log_loss'"
    })
    void refused(String dataset, String metric, String why) {
        InvalidStudyException e = assertThrows(InvalidStudyException.class, () -> parse(dataset, metric));
        assertEquals("$.objective.metric", e.violations().get(0).path());
        assertTrue(e.violations().get(0).message().contains(why), e.violations().toString());
    }
}
