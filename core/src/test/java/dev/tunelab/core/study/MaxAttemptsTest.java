package dev.tunelab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.messages.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaxAttemptsTest {
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
    InvalidStudyException e = assertThrows(InvalidStudyException.class,
        () -> parser.parse(study("{\"maxAttempts\": " + value + "}")));
    assertEquals(List.of("$.budget.maxAttempts"), e.violations().stream().map(Violation::path).toList());
  }

  @Test
  void aBudgetStoredBeforeRetriesReadsWithTheDefault() {
    StudySpec.Budget old = Json.read("{\"maxTrials\": 5, \"parallelTrials\": 2, \"epochs\": 4}", StudySpec.Budget.class);
    assertEquals(new StudySpec.Budget(5, 2, 4, 3), old);
  }

  @Test
  void theStoredSpecKeepsItsAttempts() throws Exception {
    StudySpec spec = parser.parse(study("{\"maxAttempts\": 7}"));
    assertEquals(7, Json.read(Json.write(spec), StudySpec.class).budget().maxAttempts());
  }
}
