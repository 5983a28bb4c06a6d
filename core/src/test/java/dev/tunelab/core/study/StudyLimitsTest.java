package dev.tunelab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.messages.Json;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A study's size, bounded by configured limits: refused with the path and the limit's name. */
class StudyLimitsTest {
    /** 50 trials, 6 layers, 64 units, 10,000 parameters. */
    static final StudyLimits SMALL = StudyLimits.of(50, 6, 64, 10_000);

    final StudyParser parser = new StudyParser(id -> Optional.of(TestDatasets.IRIS), () -> 7, SMALL);

    static JsonNode study(String budget, String space, String layers) throws Exception {
        return Json.MAPPER.readTree("""
        {"dataset": "iris", "algorithm": {"name": "random"}, "budget": %s, "space": %s, "template": {"layers": %s}}
        """.formatted(budget, space, layers));
    }

    private Violation refused(JsonNode study) {
        List<Violation> v = assertThrows(InvalidStudyException.class, () -> parser.parse(study))
                .violations();
        assertEquals(1, v.size(), v.toString());
        return v.get(0);
    }

    @Test
    void trialsPastTheLimitAreRefusedNamingIt() throws Exception {
        String dense = "[{\"type\": \"Dense\", \"units\": 8}]";
        assertEquals(
                50,
                parser.parse(study("{\"maxTrials\": 50}", "{}", dense)).budget().maxTrials());
        assertEquals(
                new Violation(
                        "$.budget.maxTrials",
                        "must be an integer from 1 to 50 (limit tunelab.limits.study-trials), got 51"),
                refused(study("{\"maxTrials\": 51}", "{}", dense)));
    }

    @Test
    void theDeepestNetworkCountsRepeatsAtTheirMostAndTheDeepestChoice() throws Exception {
        String space = "{\"n\": {\"type\": \"int\", \"min\": 1, \"max\": 3}, \"head\": {\"type\": \"choice\","
                + " \"values\": [\"a\", \"b\"]}}";
        String fits = "[{\"type\": \"Repeat\", \"times\": {\"param\": \"n\"}, \"layers\": [{\"type\": \"Dense\","
                + " \"units\": 4}]}, {\"type\": \"Choice\", \"choice\": {\"param\": \"head\"}, \"options\": {\"a\":"
                + " [{\"type\": \"Dense\", \"units\": 4}], \"b\": [{\"type\": \"Dense\", \"units\": 4}, {\"type\":"
                + " \"Dense\", \"units\": 4}, {\"type\": \"Dense\", \"units\": 4}]}}]";
        parser.parse(study("{}", space, fits));
        Violation v = refused(study("{}", space.replace("\"max\": 3", "\"max\": 4"), fits));
        assertEquals("$.template.layers", v.path());
        assertEquals(
                "the deepest network of the template has 7 layers; at most 6 (limit tunelab.limits.study-layers)",
                v.message());
    }

    @Test
    void aLayerWiderThanTheLimitIsRefusedAtItsArgument() throws Exception {
        Violation literal = refused(study("{}", "{}", "[{\"type\": \"Dense\", \"units\": 65}]"));
        assertEquals("$.template.layers[0].units", literal.path());
        assertEquals("is 65 units; at most 64 (limit tunelab.limits.layer-units)", literal.message());
        Violation param = refused(study(
                "{}",
                "{\"u\": {\"type\": \"int\", \"min\": 8, \"max\": 128}}",
                "[{\"type\": \"Dense\", \"units\": {\"param\": \"u\"}}]"));
        assertEquals("$.template.layers[0].units", param.path());
        assertTrue(param.message().startsWith("parameter 'u' reaches 128 units"), param.message());
        Violation wrapped = refused(
                study("{}", "{}", "[{\"type\": \"Bidirectional\", \"layer\": {\"type\": \"LSTM\", \"units\": 100}}]"));
        assertTrue(wrapped.message().contains("tunelab.limits.layer-units"), wrapped.message());
    }

    @Test
    void theLargestNetworkOfTheSpaceIsBoundedInParameters() throws Exception {
        // Iris: 4 inputs; Dense(u) then 3 outputs: 4u + u + 3u + 3 = 8u + 3 parameters.
        String space = "{\"u\": {\"type\": \"int\", \"min\": 8, \"max\": 64}}";
        String layers = "[{\"type\": \"Dense\", \"units\": {\"param\": \"u\"}}]";
        StudyParser tight =
                new StudyParser(id -> Optional.of(TestDatasets.IRIS), () -> 7, StudyLimits.of(50, 6, 64, 500));
        assertEquals(
                515, parser.parse(study("{}", space, layers)).architecture().maxParams());
        List<Violation> v = assertThrows(InvalidStudyException.class, () -> tight.parse(study("{}", space, layers)))
                .violations();
        assertEquals(
                List.of(new Violation(
                        "$.template",
                        "the largest network of the search space has 515 parameters; at most 500"
                                + " (limit tunelab.limits.study-params)")),
                v);
    }
}
