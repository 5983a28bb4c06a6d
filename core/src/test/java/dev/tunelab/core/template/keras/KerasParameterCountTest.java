package dev.tunelab.core.template.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.study.Violation;
import dev.tunelab.core.template.Architecture;
import dev.tunelab.core.template.TemplateChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A converted fixture passes the native checker and, built by TuneLab, has the parameter count real
 * Keras gave the same model.
 */
class KerasParameterCountTest {

    @ParameterizedTest
    @EnumSource(KerasFixtures.class)
    void bothFormatsCountAsKerasCounts(KerasFixtures f) {
        long expected = KerasFixtures.read("/keras/parameter-counts.json")
                .get(f.file(3))
                .asLong();
        for (int version : new int[] {2, 3}) {
            List<Violation> out = new ArrayList<>();
            JsonNode nativeTemplate =
                    KerasImport.toNative(KerasFixtures.template(f.model(version)), f.facts, "$.template", out);
            assertEquals(List.of(), out);
            assertEquals(
                    List.of(),
                    TemplateChecker.check(nativeTemplate, new SearchSpace(Map.of()), f.facts, "$.template"),
                    f.file(version) + " passes the native checker");
            Architecture.Built built = Architecture.build(nativeTemplate, Map.of(), f.facts);
            assertTrue(built.valid(), f.file(version) + ": " + built.invalidPath() + " " + built.invalidReason());
            assertEquals(expected, built.spec().paramCount(), f.file(version));
        }
    }
}
