package dev.tunelab.core.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.messages.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafeTextTest {
    @Test
    void printableTextTabsNewlinesAndWholeSurrogatePairsAreStorable() {
        assertNull(SafeText.problem("Iris, 4 features\tand\r\na flower \uD83C\uDF3C é"));
        assertNull(SafeText.problem(""));
    }

    @Test
    void nulOtherControlsAndHalfCharactersAreNot() {
        assertEquals("holds the control character U+0000 at character 2", SafeText.problem("a\u0000b"));
        assertEquals("holds the control character U+001B at character 1", SafeText.problem("\u001B[31m"));
        assertEquals("holds the control character U+007F at character 1", SafeText.problem("\u007F"));
        assertEquals("holds the control character U+0085 at character 1", SafeText.problem("\u0085"));
        assertEquals("holds an unpaired surrogate (U+D800) at character 2", SafeText.problem("x\uD800"));
        assertEquals("holds an unpaired surrogate (U+DC00) at character 1", SafeText.problem("\uDC00\uD800"));
        assertEquals("holds an unpaired surrogate (U+D83C) at character 1", SafeText.problem("\uD83Cx"));
    }

    @Test
    void everyStringAndFieldNameOfADocumentIsCheckedWithItsPath() throws Exception {
        List<Violation> out = new ArrayList<>();
        SafeText.check(
                Json.MAPPER.readTree("{\"name\": \"a\\u0000\", \"space\": {\"u\\u0001\": 1},"
                        + " \"template\": {\"layers\": [{\"type\": \"Dense\"}, {\"activation\": \"\\ud800\"}]}}"),
                "$",
                out);
        assertEquals(
                List.of(
                        new Violation("$.name", "holds the control character U+0000 at character 2"),
                        new Violation("$.space", "a field name holds the control character U+0001 at character 2"),
                        new Violation(
                                "$.template.layers[1].activation",
                                "holds an unpaired surrogate (U+D800) at character 1")),
                out);
    }

    @Test
    void aStudyHoldingUnstorableTextIsRefusedBeforeItsDatasetIsLookedUp() throws Exception {
        StudyParser parser = new StudyParser(
                id -> {
                    throw new AssertionError("the dataset id '" + id + "' reached the lookup");
                },
                () -> 1L);
        InvalidStudyException e = assertThrows(
                InvalidStudyException.class,
                () -> parser.parse(Json.MAPPER.readTree("{\"dataset\": \"iris\\u0000\", \"name\": \"\\udfff\"}")));
        assertEquals(
                List.of("$.dataset", "$.name"),
                e.violations().stream().map(Violation::path).sorted().toList());
        assertTrue(e.violations().get(0).message().startsWith("holds"));
    }
}
