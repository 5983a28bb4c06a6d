package dev.tunelab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tunelab.core.messages.Json;
import dev.tunelab.core.search.PrunerSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PrunerParserTest {
    final StudyParser parser =
            new StudyParser(id -> id.equals("iris") ? Optional.of(StudyParserTest.IRIS) : Optional.empty(), () -> 7);

    StudySpec parse(String pruner) throws Exception {
        return parser.parse(Json.MAPPER.readTree("""
        {"dataset": "iris", "budget": {"epochs": 9}, %s
         "template": {"layers": [{"type": "Dense", "units": 8}]}}
        """.formatted(pruner == null ? "" : "\"pruner\": " + pruner + ",")));
    }

    @Test
    void namesGetTheirDefaultsAndObjectsTheirSettings() throws Exception {
        assertEquals(PrunerSpec.NONE, parse(null).pruner());
        assertEquals(PrunerSpec.halving("asha", 1, 3), parse("\"asha\"").pruner());
        assertEquals(
                PrunerSpec.halving("hyperband", 2, 2),
                parse("{\"name\": \"hyperband\", \"minEpochs\": 2, \"reductionFactor\": 2}")
                        .pruner());
        assertEquals(PrunerSpec.median(1, 5), parse("{\"name\": \"median\"}").pruner());
        StudySpec spec = parse("{\"name\": \"median\", \"warmupEpochs\": 3, \"minTrials\": 2}");
        assertEquals(spec, Json.read(Json.write(spec), StudySpec.class));
    }

    @Test
    void badPrunersAreRefusedAtTheirPath() throws Exception {
        assertEquals(List.of("$.pruner"), paths("\"bohb\""));
        assertEquals(List.of("$.pruner.name"), paths("{\"name\": 3}"));
        assertEquals(List.of("$.pruner.minEpochs"), paths("{\"name\": \"median\", \"minEpochs\": 2}"));
        assertEquals(List.of("$.pruner.reductionFactor"), paths("{\"name\": \"asha\", \"reductionFactor\": 1}"));
        assertEquals(List.of("$.pruner.minEpochs"), paths("{\"name\": \"asha\", \"minEpochs\": 9}"));
        assertEquals(List.of("$.pruner"), paths("[1]"));
    }

    private List<String> paths(String pruner) {
        return assertThrows(InvalidStudyException.class, () -> parse(pruner)).violations().stream()
                .map(Violation::path)
                .toList();
    }
}
