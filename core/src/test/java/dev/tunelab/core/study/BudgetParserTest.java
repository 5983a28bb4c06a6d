package dev.tunelab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.messages.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The budget stage: attempts and the limits on trials, read through the whole parser. */
class BudgetParserTest {
    final StudyParser parser = TestDatasets.parser();

    static JsonNode study(String budget) throws Exception {
        return Json.MAPPER.readTree("""
        {"dataset": "iris", "budget": %s,
         "space": {"u": {"type": "int", "min": 2, "max": 8}},
         "template": {"layers": [{"type": "Dense", "units": {"param": "u"}}]}}
        """.formatted(budget));
    }

    @Test
    void threeAttemptsUnlessSaidOtherwise() throws Exception {
        assertEquals(3, parser.parse(study("{}")).budget().maxAttempts());
        assertEquals(1, parser.parse(study("{\"maxAttempts\": 1}")).budget().maxAttempts());
        assertEquals(10, parser.parse(study("{\"maxAttempts\": 10}")).budget().maxAttempts());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "11", "-1", "2.5", "\"3\"", "null"})
    void outOfRangeIsRefusedAtItsPath(String value) throws Exception {
        InvalidStudyException e = assertThrows(
                InvalidStudyException.class, () -> parser.parse(study("{\"maxAttempts\": " + value + "}")));
        assertEquals(
                List.of("$.budget.maxAttempts"),
                e.violations().stream().map(Violation::path).toList());
    }

    @Test
    void studiesHoldAtMostTenThousandTrialsAndBayesianOnesTwoThousand() throws Exception {
        assertEquals(
                10_000,
                parser.parse(withAlgorithm("tpe", "{\"maxTrials\": 10000}"))
                        .budget()
                        .maxTrials());
        assertEquals(
                2_000,
                parser.parse(withAlgorithm("bayesian", "{\"maxTrials\": 2000}"))
                        .budget()
                        .maxTrials());
        InvalidStudyException tooMany = assertThrows(
                InvalidStudyException.class, () -> parser.parse(withAlgorithm("random", "{\"maxTrials\": 10001}")));
        assertEquals(
                List.of(new Violation(
                        "$.budget.maxTrials",
                        "must be an integer from 1 to 10000 (limit tunelab.limits.study-trials), got 10001")),
                tooMany.violations());
        // The default algorithm is bayesian.
        InvalidStudyException gp =
                assertThrows(InvalidStudyException.class, () -> parser.parse(study("{\"maxTrials\": 2001}")));
        assertEquals("$.budget.maxTrials", gp.violations().get(0).path());
        assertEquals(
                "must be an integer from 1 to 2000 with algorithm bayesian (its Gaussian process refits on every trial;"
                        + " use tpe for larger studies), got 2001",
                gp.violations().get(0).message());
    }

    static JsonNode withAlgorithm(String algorithm, String budget) throws Exception {
        ObjectNode n = (ObjectNode) study(budget);
        n.putObject("algorithm").put("name", algorithm);
        return n;
    }

    @Test
    void aBudgetStoredBeforeRetriesReadsWithTheDefault() {
        StudySpec.Budget old =
                Json.read("{\"maxTrials\": 5, \"parallelTrials\": 2, \"epochs\": 4}", StudySpec.Budget.class);
        assertEquals(new StudySpec.Budget(5, 2, 4, 3), old);
    }

    @Test
    void theStoredSpecKeepsItsAttempts() throws Exception {
        StudySpec spec = parser.parse(study("{\"maxAttempts\": 7}"));
        assertEquals(7, Json.read(Json.write(spec), StudySpec.class).budget().maxAttempts());
    }
}
