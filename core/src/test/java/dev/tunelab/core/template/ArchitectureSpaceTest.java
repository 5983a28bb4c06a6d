package dev.tunelab.core.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.space.Condition;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.study.StudySpec;
import dev.tunelab.core.study.TestDatasets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Repeat and Choice blocks: the space samplers see, and the network each point resolves to. */
class ArchitectureSpaceTest {

    static StudySpec parse(String study) throws Exception {
        return TestDatasets.parser().parse(Json.MAPPER.readTree(study));
    }

    static Map<String, Object> point(Object... kv) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) p.put((String) kv[i], kv[i + 1]);
        return p;
    }

    static final String DEPTH = """
      {"dataset": "iris",
       "space": {"units": {"type": "int", "min": 4, "max": 32},
                 "blocks": {"type": "int", "min": 1, "max": 3},
                 "act": {"type": "choice", "values": ["relu", "tanh"]},
                 "lr": {"type": "float", "min": 0.001, "max": 0.1, "log": true}},
       "template": {"layers": [{"type": "Repeat", "times": {"param": "blocks"}, "shared": ["act"],
                                "layers": [{"type": "Dense", "units": {"param": "units"}, "activation": {"param": "act"}},
                                           {"type": "Dropout", "rate": 0.1}]}],
                    "learning_rate": {"param": "lr"}}}
      """;

    @Test
    void eachRepetitionSamplesItsOwnValues() throws Exception {
        SearchSpace space = parse(DEPTH).space();
        assertEquals(
                List.of("blocks", "units_0", "units_1", "units_2", "act", "lr"),
                List.copyOf(space.params().keySet()),
                "copies follow the parameter that decides them, even when written before it");
        assertEquals(
                new Condition("blocks", null, 1.0, null),
                space.params().get("units_0").when());
        assertEquals(
                new Condition("blocks", null, 3.0, null),
                space.params().get("units_2").when());
        assertNull(space.params().get("act").when(), "a shared parameter is sampled once");
        assertEquals(
                List.of("blocks", "units_0", "units_1", "act", "lr"),
                List.copyOf(space.activeOnly(point(
                                "blocks", 2, "units_0", 8, "units_1", 16, "units_2", 32, "act", "relu", "lr", 0.01))
                        .keySet()));
    }

    @Test
    void repetitionIReadsItsOwnCopy() throws Exception {
        StudySpec spec = parse(DEPTH);
        ModelSpec model = TemplateResolver.resolve(
                spec.template(),
                point("blocks", 2, "units_0", 8, "units_1", 16, "act", "tanh", "lr", 0.01),
                TestDatasets.IRIS);
        assertEquals(
                List.of("Dense", "Dropout", "Dense", "Dropout"),
                model.layers().stream().map(ModelSpec.Layer::type).toList());
        assertEquals(8, model.layers().get(0).intArg("units"));
        assertEquals(16, model.layers().get(2).intArg("units"));
        assertEquals("tanh", model.layers().get(2).text("activation"));
        assertEquals(0.01, model.learningRate());
    }

    static final String HEADS = """
      {"dataset": "images",
       "space": {"head": {"type": "choice", "values": ["conv", "dense"]},
                 "n": {"type": "int", "min": 1, "max": 2},
                 "f": {"type": "int", "min": 4, "max": 8, "step": 4},
                 "u": {"type": "int", "min": 8, "max": 16}},
       "template": {"layers": [{"type": "Choice", "choice": {"param": "head"}, "options": {
           "conv": [{"type": "Repeat", "times": {"param": "n"}, "layers": [
                      {"type": "Conv2D", "filters": {"param": "f"}, "kernel_size": 3, "padding": "same", "activation": "relu"},
                      {"type": "MaxPooling2D"}]},
                    {"type": "Flatten"}],
           "dense": [{"type": "Flatten"}, {"type": "Dense", "units": {"param": "u"}, "activation": "relu"}]}}]}}
      """;

    @Test
    void parametersOfAnOptionAreInactiveWhenItIsNotChosen() throws Exception {
        SearchSpace space = parse(HEADS).space();
        assertEquals(
                List.of("head", "n", "f_0", "f_1", "u"),
                List.copyOf(space.params().keySet()));
        assertEquals(
                new Condition("head", List.of("conv"), null, null),
                space.params().get("n").when());
        assertEquals(
                new Condition("n", null, 2.0, null), space.params().get("f_1").when());
        assertEquals(
                new Condition("head", List.of("dense"), null, null),
                space.params().get("u").when());
        Map<String, Object> all = point("head", "dense", "n", 2, "f_0", 4, "f_1", 8, "u", 12);
        assertEquals(
                List.of("head", "u"),
                List.copyOf(space.activeOnly(all).keySet()),
                "the repetitions' copies are inactive through the chain head -> n -> f_i");
    }

    @Test
    void theChosenOptionIsBuiltWithItsShapes() throws Exception {
        JsonNode template = parse(HEADS).template();
        Architecture.Built conv =
                Architecture.build(template, point("head", "conv", "n", 2, "f_0", 4, "f_1", 8), TestDatasets.IMAGES);
        assertTrue(conv.valid(), conv.invalidReason());
        assertEquals(
                List.of("Conv2D", "MaxPooling2D", "Conv2D", "MaxPooling2D", "Flatten"),
                conv.spec().layers().stream().map(ModelSpec.Layer::type).toList());
        // conv 3*3*1*4+4, conv 3*3*4*8+8, output (7*7*8)*10+10
        assertEquals(40 + 296 + 3930, conv.spec().paramCount());
        Architecture.Built dense = Architecture.build(template, point("head", "dense", "u", 10), TestDatasets.IMAGES);
        assertEquals(784 * 10 + 10 + 10 * 10 + 10, dense.spec().paramCount());
    }

    @Test
    void aChoiceInsideARepeatIsMadePerRepetition() throws Exception {
        StudySpec spec = parse("""
        {"dataset": "iris",
         "space": {"kind": {"type": "choice", "values": ["wide", "drop"]}, "w": {"type": "int", "min": 4, "max": 64}},
         "template": {"layers": [{"type": "Repeat", "times": 2, "layers": [{"type": "Choice", "choice": {"param": "kind"},
             "options": {"wide": [{"type": "Dense", "units": {"param": "w"}}], "drop": [{"type": "Dropout", "rate": 0.1}]}}]}]}}
        """);
        assertEquals(
                List.of("kind_0", "kind_1", "w_0", "w_1"),
                List.copyOf(spec.space().params().keySet()));
        assertNull(spec.space().params().get("kind_1").when(), "a literal number of repetitions always exists");
        assertEquals(
                new Condition("kind_1", List.of("wide"), null, null),
                spec.space().params().get("w_1").when());
        ModelSpec model = TemplateResolver.resolve(
                spec.template(), point("kind_0", "wide", "w_0", 5, "kind_1", "drop"), TestDatasets.IRIS);
        assertEquals(
                List.of("Dense", "Dropout"),
                model.layers().stream().map(ModelSpec.Layer::type).toList());
        assertEquals(5, model.layers().get(0).intArg("units"));
    }

    @Test
    void aParameterUsedInSeveralOptionsIsActiveForAllOfThem() throws Exception {
        SearchSpace space = parse("""
        {"dataset": "iris",
         "space": {"h": {"type": "choice", "values": ["a", "b", "c"]}, "u": {"type": "int", "min": 4, "max": 8}},
         "template": {"layers": [{"type": "Choice", "choice": {"param": "h"}, "options": {
             "a": [{"type": "Dense", "units": {"param": "u"}}], "b": [{"type": "Dense", "units": {"param": "u"}, "activation": "relu"}], "c": []}}]}}
        """).space();
        assertEquals(
                new Condition("h", List.of("a", "b"), null, null),
                space.params().get("u").when());
    }
}
