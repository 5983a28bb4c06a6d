package dev.tunelab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.space.Condition;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.template.ModelSpec;
import dev.tunelab.core.template.TemplateResolver;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Conditional parameters and grid points, as a user writes them in a study. */
class ConditionalSpaceTest {
    final StudyParser parser =
            new StudyParser(id -> id.equals("iris") ? Optional.of(StudyParserTest.IRIS) : Optional.empty(), () -> 7);

    static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    static final String DEPTH = """
      {"dataset": "iris",
       "space": {"layers": {"type": "int", "min": 1, "max": 3},
                 "units_1": {"type": "int", "min": 4, "max": 32, "step": 4},
                 "units_2": {"type": "int", "min": 4, "max": 32, "step": 4, "when": {"param": "layers", "min": 2}},
                 "units_3": {"type": "int", "min": 4, "max": 32, "step": 4, "when": {"param": "layers", "min": 3}},
                 "lr": {"type": "float", "min": 0.001, "max": 0.1, "log": true, "gridPoints": 3}},
       "template": {"layers": [{"type": "Dense", "units": {"param": "units_1"}},
                               {"type": "Dense", "units": {"param": "units_2"}},
                               {"type": "Dense", "units": {"param": "units_3"}}],
                    "learning_rate": {"param": "lr"}}}
      """;

    @Test
    void layersOfInactiveParametersAreLeftOut() throws Exception {
        StudySpec spec = parser.parse(json(DEPTH));
        assertEquals(
                new Condition("layers", null, 3.0, null),
                spec.space().params().get("units_3").when());
        Map<String, Object> point =
                spec.space().activeOnly(Map.of("layers", 2, "units_1", 8, "units_2", 12, "units_3", 16, "lr", 0.01));
        assertEquals(List.of("layers", "units_1", "units_2", "lr"), List.copyOf(point.keySet()));
        ModelSpec model = TemplateResolver.resolve(spec.template(), point, StudyParserTest.IRIS);
        assertEquals(List.of(StudyParserTest.dense(8, "linear"), StudyParserTest.dense(12, "linear")), model.layers());
        assertEquals(spec, Json.read(Json.write(spec), StudySpec.class), "conditions survive storage");
    }

    @Test
    void gridCountsOnlyDistinctActivePoints() throws Exception {
        StudySpec spec = parser.parse(json(DEPTH.replace(
                "\"dataset\": \"iris\",", "\"dataset\": \"iris\", \"algorithm\": {\"name\": \"grid\"},")));
        // layers=1: 8 × 3; layers=2: 8 × 8 × 3; layers=3: 8 × 8 × 8 × 3.
        assertEquals(8 * 3 + 64 * 3 + 512 * 3, spec.space().gridSize());
        assertEquals(
                List.of(0.001, 0.01, 0.1), round(spec.space().params().get("lr").gridValues()));
        assertEquals(List.of(4, 20, 32), new Param.IntParam(4, 32, 4, 3, null).gridValues());
    }

    @Test
    void badConditionsAreRefusedWithTheirPath() throws Exception {
        InvalidStudyException e = assertThrows(InvalidStudyException.class, () -> parser.parse(json("""
        {"dataset": "iris",
         "space": {"z": {"type": "int", "min": 1, "max": 3, "when": {"param": "b", "in": [1]}},
                   "a": {"type": "int", "min": 1, "max": 3},
                   "b": {"type": "choice", "values": ["x", "y"]},
                   "c": {"type": "float", "min": 0, "max": 1, "when": {"param": "b", "in": ["z"]}},
                   "d": {"type": "float", "min": 0, "max": 1, "when": {"param": "b"}},
                   "e": {"type": "float", "min": 0, "max": 1, "when": {"param": "b", "min": 2}},
                   "f": {"type": "float", "min": 0, "max": 1, "gridPoints": 0, "when": {"param": "a", "max": 0}},
                   "g": {"type": "choice", "values": [1, 2], "when": {"param": "a", "in": [2], "size": 1}},
                   "h": {"type": "int", "min": 1, "max": 3, "when": {"param": "a", "max": 2}}},
         "template": {"layers": [{"type": "Dense", "units": 4}], "batch_size": {"param": "h"}}}
        """)));
        assertEquals(
                List.of(
                        "$.space.z.when.param",
                        "$.space.c.when",
                        "$.space.d.when",
                        "$.space.e.when",
                        "$.space.f.gridPoints",
                        "$.space.f.when",
                        "$.space.g.when.size",
                        "$.template.batch_size"),
                e.violations().stream().map(Violation::path).toList());
    }

    @Test
    void floatRangesNeedGridPointsForAGrid() throws Exception {
        InvalidStudyException e = assertThrows(
                InvalidStudyException.class,
                () -> parser.parse(json(DEPTH.replace("\"gridPoints\": 3", "\"log\": true")
                        .replace("\"log\": true, \"log\": true", "\"log\": true")
                        .replace(
                                "\"dataset\": \"iris\",",
                                "\"dataset\": \"iris\", \"algorithm\": {\"name\": \"grid\"},"))));
        assertEquals("$.space", e.violations().get(0).path());
    }

    private static List<Double> round(List<Object> values) {
        return values.stream().map(v -> Math.round((Double) v * 1e9) / 1e9).toList();
    }
}
