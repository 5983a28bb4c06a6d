package dev.tunelab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.messages.Json;
import org.junit.jupiter.api.Test;

class StudyNameTest {
    static ObjectNode study() throws Exception {
        return (ObjectNode) Json.MAPPER.readTree("""
        {"dataset": "iris", "algorithm": {"name": "random"},
         "space": {"units": {"type": "int", "min": 4, "max": 8}},
         "template": {"layers": [{"type": "Dense", "units": {"param": "units"}}]}}
        """);
    }

    @Test
    void aMissingNullOrBlankNameIsMadeUp() throws Exception {
        assertEquals("iris random", TestDatasets.parser().parse(study()).name());
        assertEquals(
                "iris random",
                TestDatasets.parser().parse(study().putNull("name")).name());
        assertEquals(
                "iris random",
                TestDatasets.parser().parse(study().put("name", "  ")).name());
        assertEquals(
                "mine",
                TestDatasets.parser().parse(study().put("name", " mine ")).name());
    }

    @Test
    void aNameIsAShortString() throws Exception {
        for (ObjectNode bad : new ObjectNode[] {
            study().put("name", 7),
            study().put("name", true),
            (ObjectNode) study().set("name", study()),
            study().put("name", "n".repeat(StudyParser.MAX_NAME + 1))
        }) {
            InvalidStudyException e = assertThrows(
                    InvalidStudyException.class, () -> TestDatasets.parser().parse(bad));
            assertEquals("$.name", e.violations().get(0).path(), bad.get("name").toString());
        }
        assertEquals(
                200,
                TestDatasets.parser()
                        .parse(study().put("name", "n".repeat(200)))
                        .name()
                        .length());
    }
}
