package dev.tunelab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.template.SpaceSummary;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a study stores about its architectures: the space summary, the test split, Keras input. */
class StudyArchitectureTest {
    final StudyParser parser = TestDatasets.parser();

    StudySpec parse(String text) throws Exception {
        return parser.parse(Json.MAPPER.readTree(text));
    }

    static final String DEEP_CNN = """
      {"dataset": "images",
       "space": {"n": {"type": "int", "min": 1, "max": 6}, "f": {"type": "int", "min": 4, "max": 32}},
       "template": {"layers": [{"type": "Repeat", "times": {"param": "n"}, "layers": [
                                  {"type": "Conv2D", "filters": {"param": "f"}, "kernel_size": 3, "padding": "same"},
                                  {"type": "MaxPooling2D"}]},
                               {"type": "Flatten"}]}}
      """;

    @Test
    void summaryChecksEveryCombinationOfExtremes() throws Exception {
        StudySpec spec = parse(DEEP_CNN);
        SpaceSummary s = spec.architecture();
        // n in {1, 6}; n = 1: f_0 in {4, 32}; n = 6: 2^6 combinations of f_0..f_5.
        assertEquals(2 + 64, s.pointsChecked());
        assertTrue(s.exhaustive());
        assertEquals(64, s.pointsInvalid(), "six poolings take 28 below 1x1; the study still runs with fewer");
        assertEquals("$.template.layers[0].layers[1]", s.invalidPath());
        assertTrue(s.invalidReason().endsWith("(repetition 5)"), s.invalidReason());
        // n = 1: conv 3*3*1*f+f, output 14*14*f*10+10
        assertEquals(10 * 4 + 1960 * 4 + 10, s.minParams());
        assertEquals(10 * 32 + 1960 * 32 + 10, s.maxParams());
        assertEquals(spec, Json.read(Json.write(spec), StudySpec.class), "the summary is stored with the study");
    }

    @Test
    void largeSpacesAreSampled() throws Exception {
        StudySpec spec = parse(DEEP_CNN.replace("\"max\": 6", "\"max\": 4")
                .replace(
                        "\"type\": \"Flatten\"",
                        "\"type\": \"Dropout\", \"rate\": {\"param\": \"d\"}}, {\"type\": \"Flatten\"")
                .replace(
                        "\"space\": {",
                        "\"space\": {\"d\": {\"type\": \"choice\", \"values\": [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]}, \"a\": {\"type\": \"choice\", \"values\": [1, 2, 3, 4, 5, 6, 7, 8]},"
                                + " \"b\": {\"type\": \"choice\", \"values\": [1, 2, 3, 4, 5, 6, 7, 8]},")
                .replace(
                        "\"template\": {",
                        "\"template\": {\"batch_size\": {\"param\": \"a\"}, \"learning_rate\": {\"param\": \"b\"}, "));
        SpaceSummary s = spec.architecture();
        assertFalse(s.exhaustive());
        assertEquals(4096, s.pointsChecked());
        assertEquals(0, s.pointsInvalid());
        // The corners are always among the points: all minimums (n = 1, f = 4), all maximums (n = 4, f
        // = 32).
        assertTrue(s.minParams() <= 10 * 4 + 1960 * 4 + 10, () -> "min " + s.minParams());
        assertTrue(s.maxParams() >= 10 * 32 + 3 * (9 * 32 * 32 + 32) + 32 * 10 + 10, () -> "max " + s.maxParams());
    }

    @Test
    void studiesStoredBeforeIssue4AreStillRead() throws Exception {
        StudySpec spec = parse("""
        {"dataset": "iris", "template": {"layers": [{"type": "Dense", "units": 4}]}}
        """);
        ObjectNode stored = (ObjectNode) Json.MAPPER.readTree(Json.write(spec));
        stored.remove("architecture");
        StudySpec old = Json.read(stored.toString(), StudySpec.class);
        assertNull(old.architecture());
        assertNull(old.test());
        assertEquals(4 * 4 + 4 + 4 * 3 + 3, spec.architecture().maxParams());
    }

    @Test
    void testSplitIsAFractionOrAMatchingDataset() throws Exception {
        String base = "{\"dataset\": \"images\", \"template\": {\"layers\": [{\"type\": \"Flatten\"}]}, \"test\": ";
        assertEquals(
                new StudySpec.TestSplit(0.1, null),
                parse(base + "{\"fraction\": 0.1}}").test());
        assertEquals(
                new StudySpec.TestSplit(0, "images-test"),
                parse(base + "{\"dataset\": \"images-test\"}}").test());
        StudySpec spec = parse(base + "{\"dataset\": \"images-test\"}}");
        assertEquals(spec, Json.read(Json.write(spec), StudySpec.class));
        refused(base + "{\"fraction\": 0.9}}", "$.test.fraction", "from 0.05 to 0.5");
        refused(base + "{\"fraction\": 0.5}, \"validationSplit\": 0.3}", "$.test.fraction", "less than 30%");
        refused(base + "{\"fraction\": 0.1, \"dataset\": \"images-test\"}}", "$.test", "must be {\"fraction\"");
        refused(base + "{\"dataset\": \"nope\"}}", "$.test.dataset", "no dataset with id 'nope'");
        refused(
                base + "{\"dataset\": \"small-images\"}}",
                "$.test.dataset",
                "its samples are [16, 16, 1], not [28, 28, 1]");
        refused(base + "{\"dataset\": \"tokens\"}}", "$.test.dataset", "its kind is tokens, not images");
        refused(base + "{\"dataset\": \"images\"}}", "$.test.dataset", "the study's own dataset");
    }

    @Test
    void aKerasTemplateIsStoredAsTheNativeTemplateItBecomes() throws Exception {
        JsonNode keras;
        try (InputStream in = getClass().getResourceAsStream("/keras/mlp-tabular.keras3.json")) {
            keras = Json.MAPPER.readTree(in);
        }
        ObjectNode study =
                (ObjectNode) Json.MAPPER.readTree("{\"dataset\": \"iris\", \"template\": {\"optimizer\": \"sgd\"}}");
        ((ObjectNode) study.get("template")).set("keras", keras);
        StudySpec spec = parser.parse(study);
        assertFalse(spec.template().has("keras"));
        assertTrue(spec.template().get("layers").get(0).has("$path"));
        assertEquals("sgd", spec.template().get("optimizer").asText());
        assertEquals(803, spec.architecture().maxParams(), "Keras's own count for this model");
    }

    private void refused(String study, String path, String fragment) {
        InvalidStudyException e = assertThrows(InvalidStudyException.class, () -> parse(study));
        assertTrue(
                e.violations().stream()
                        .anyMatch(v -> v.path().equals(path) && v.message().contains(fragment)),
                () -> path + " ~ " + fragment + ": " + e.violations());
    }

    @Test
    void everyPointInvalidIsRefusedAtTheLayer() {
        InvalidStudyException e = assertThrows(
                InvalidStudyException.class,
                () -> parse(DEEP_CNN.replace("\"min\": 1, \"max\": 6", "\"min\": 5, \"max\": 6")));
        assertEquals(
                List.of(
                        new Violation(
                                "$.template.layers[0].layers[1]",
                                "no point of the search space gives a valid network: MaxPooling2D with pool [2, 2] and padding 'valid' shrinks [1, 1, 4] below 1×1 (repetition 5)")),
                e.violations());
    }
}
