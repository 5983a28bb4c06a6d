package dev.tunelab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.messages.Json;
import org.junit.jupiter.api.Test;

class NestingTest {
    @Test
    void deepNestingIsRefusedAtThePathWhereItCrossesTheLimit() throws Exception {
        // The template's passes recurse: 100,000 nested arrays overflowed the stack before this check.
        JsonNode deep = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < 100_000; i++)
            deep = JsonNodeFactory.instance.arrayNode().add(deep);
        ObjectNode study = (ObjectNode) Json.MAPPER.readTree("{\"dataset\": \"iris\"}");
        study.set("template", deep);
        InvalidStudyException e = assertThrows(
                InvalidStudyException.class, () -> TestDatasets.parser().parse(study));
        assertEquals(1, e.violations().size());
        assertEquals(
                "$.template" + "[0]".repeat(Nesting.MAX_DEPTH - 1),
                e.violations().get(0).path());
    }

    @Test
    void nestingUpToTheLimitIsLeftToTheStages() throws Exception {
        JsonNode deep = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < Nesting.MAX_DEPTH - 3; i++)
            deep = JsonNodeFactory.instance.arrayNode().add(deep);
        ObjectNode study = (ObjectNode) Json.MAPPER.readTree("{\"dataset\": \"iris\"}");
        study.set("template", deep);
        InvalidStudyException e = assertThrows(
                InvalidStudyException.class, () -> TestDatasets.parser().parse(study));
        assertEquals("$.template", e.violations().get(0).path());
    }
}
