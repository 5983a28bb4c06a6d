package dev.tunelab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.template.ModelSpec;
import dev.tunelab.core.template.TemplateResolver;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StudyParserTest {
    static final DatasetFacts IRIS = new DatasetFacts(Task.CLASSIFICATION, 4, 3);
    final StudyParser parser =
            new StudyParser(id -> id.equals("iris") ? Optional.of(IRIS) : Optional.empty(), () -> 99);

    static JsonNode json(String text) throws Exception {
        return Json.MAPPER.readTree(text);
    }

    /** A Dense layer as the resolver writes it: every Keras default present. */
    static ModelSpec.Layer dense(int units, String activation) {
        return new ModelSpec.Layer(
                "Dense",
                Map.of(
                        "units",
                        units,
                        "activation",
                        activation,
                        "use_bias",
                        true,
                        "kernel_initializer",
                        "glorot_uniform"));
    }

    @Test
    void defaultsAreFilledAndStoredSpecRoundTrips() throws Exception {
        StudySpec spec = parser.parse(json("""
        {"dataset": "iris", "space": {"lr": {"type": "float", "min": 0.001, "max": 0.1, "log": true},
                                      "act": {"type": "choice", "values": ["relu", "tanh"]}},
         "template": {"layers": [{"type": "Dense", "units": 8, "activation": {"param": "act"}}],
                      "learning_rate": {"param": "lr"}}}
        """));
        assertEquals("bayesian", spec.algorithm().name(), "model-based search is the default");
        assertEquals(99, spec.algorithm().seed());
        assertEquals(new StudySpec.Objective("val_accuracy", Direction.MAXIMIZE), spec.objective());
        assertEquals(new StudySpec.Budget(20, 2, 20), spec.budget());
        assertEquals(
                new Param.FloatParam(0.001, 0.1, true), spec.space().params().get("lr"));
        assertEquals(spec, Json.read(Json.write(spec), StudySpec.class));
    }

    @Test
    void gridDefaultsToItsWholeProduct() throws Exception {
        StudySpec spec = parser.parse(json("""
        {"dataset": "iris", "algorithm": {"name": "grid"},
         "space": {"u": {"type": "int", "min": 2, "max": 8, "step": 2}, "o": {"type": "choice", "values": ["adam", "sgd"]}},
         "template": {"layers": [{"type": "Dense", "units": {"param": "u"}}], "optimizer": {"param": "o"}}}
        """));
        assertEquals(8, spec.budget().maxTrials());
        assertEquals(8, spec.plannedTrials());
    }

    @Test
    void everyViolationIsReportedWithItsPath() throws Exception {
        InvalidStudyException e = assertThrows(InvalidStudyException.class, () -> parser.parse(json("""
        {"dataset": "wine", "colour": 1, "budget": {"epochs": -1},
         "space": {"u": {"type": "int", "min": 9, "max": 2}, "c": {"type": "choice", "values": []}},
         "template": {"layers": [{"type": "Conv5D"}, {"type": "Dropout", "rate": 1.5}], "batch_size": 0}}
        """)));
        List<String> paths = e.violations().stream().map(Violation::path).toList();
        assertTrue(
                paths.containsAll(List.of(
                        "$.dataset",
                        "$.colour",
                        "$.budget.epochs",
                        "$.space.u.min",
                        "$.space.c.values",
                        "$.template.layers[0].type",
                        "$.template.layers[1].rate",
                        "$.template.batch_size")),
                paths.toString());
    }

    @Test
    void referencesAreCheckedAgainstTheWholeRange() throws Exception {
        InvalidStudyException e = assertThrows(InvalidStudyException.class, () -> parser.parse(json("""
        {"dataset": "iris", "space": {"d": {"type": "float", "min": 0.1, "max": 1.0}, "a": {"type": "choice", "values": ["relu", 3]}},
         "template": {"layers": [{"type": "Dropout", "rate": {"param": "d"}}, {"type": "Dense", "units": 4, "activation": {"param": "a"}}]}}
        """)));
        assertEquals(
                List.of("$.template.layers[0].rate", "$.template.layers[1].activation"),
                e.violations().stream().map(Violation::path).toList());
    }

    @Test
    void resolvedModelDerivesItsOutputFromTheTask() throws Exception {
        StudySpec spec = parser.parse(json("""
        {"dataset": "iris", "space": {"u": {"type": "int", "min": 4, "max": 8}},
         "template": {"layers": [{"type": "Dense", "units": {"param": "u"}, "activation": "relu"}, {"type": "Dropout", "rate": 0.2}],
                      "optimizer": "sgd", "batch_size": 8}}
        """));
        ModelSpec model = TemplateResolver.resolve(spec.template(), Map.of("u", 6), IRIS);
        assertEquals(List.of(dense(6, "relu"), new ModelSpec.Layer("Dropout", Map.of("rate", 0.2))), model.layers());
        assertEquals(new ModelSpec.Output(3, "softmax", "categorical_crossentropy"), model.output());
        assertEquals("sgd", model.optimizer());
        assertEquals(0.001, model.learningRate());
        assertEquals(8, model.batchSize());
        ModelSpec regression =
                TemplateResolver.resolve(spec.template(), Map.of("u", 6), new DatasetFacts(Task.REGRESSION, 4, 0));
        assertEquals(new ModelSpec.Output(1, "linear", "mse"), regression.output());
    }
}
