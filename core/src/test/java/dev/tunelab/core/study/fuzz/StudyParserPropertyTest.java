package dev.tunelab.core.study.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.study.InvalidStudyException;
import dev.tunelab.core.study.StudyParser;
import dev.tunelab.core.study.StudySpec;
import dev.tunelab.core.study.TestDatasets;
import dev.tunelab.core.study.Violation;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile studies never get past the parser as anything but a verdict: every example, mutated by a
 * few random edits, is either accepted (and then stores and reads back unchanged) or refused with
 * violations at JSON paths. Any other exception would be a 500 at {@code POST /studies}.
 */
class StudyParserPropertyTest {
    private static final List<StudyDocuments.Example> EXAMPLES = StudyDocuments.examples();
    private static final List<JsonNode> DONORS = StudyDocuments.donors(EXAMPLES);
    private final StudyParser parser = TestDatasets.parser();

    /** A mutated study: the example it came from, its edits in order, and the result. */
    record Mutant(StudyDocuments.Example example, List<Edit> edits, ObjectNode study) {
        @Override
        public String toString() {
            return example + " " + edits;
        }
    }

    @Example
    void everyExampleIsAcceptedAsWritten() {
        assertTrue(EXAMPLES.size() >= 5, "examples/ has the repository's studies: " + EXAMPLES);
        for (StudyDocuments.Example e : EXAMPLES) parser.parse(e.study());
    }

    /** A fixed seed keeps CI deterministic; about 20% of the mutants are accepted, the rest refused. */
    @Property(tries = 3000, seed = "1515", shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
    void acceptedOrRefusedWithPaths(@ForAll("mutants") Mutant m) {
        verdict(m.study());
        // The tree the api builds: read from text as POST /studies does, with Jackson's limits.
        String text;
        try {
            text = Json.MAPPER.writeValueAsString(m.study());
        } catch (JsonProcessingException | RuntimeException e) {
            return; // no client could send it: NaN is no JSON, and the writer refuses deep nesting
        }
        JsonNode read;
        try {
            read = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return; // POST /studies answers 400 Malformed JSON
        }
        StudySpec spec = verdict(read);
        Statistics.label("verdict").collect(spec == null ? "refused" : "accepted");
        if (spec != null) {
            assertEquals(spec, Json.read(Json.write(spec), StudySpec.class), "the stored spec reads back unchanged");
        }
    }

    /** The accepted spec, or null when the study was refused with a path for every violation. */
    private StudySpec verdict(JsonNode study) {
        try {
            return parser.parse(study);
        } catch (InvalidStudyException e) {
            assertFalse(e.violations().isEmpty(), "a refusal says why");
            for (Violation v : e.violations()) assertTrue(v.path().startsWith("$"), "a path: " + v);
            return null;
        }
    }

    @Provide
    Arbitrary<Mutant> mutants() {
        Arbitrary<Edit> edit = Combinators.combine(
                        Arbitraries.of(Edit.Kind.class),
                        Arbitraries.integers().between(0, 100_000),
                        Arbitraries.integers().between(0, 100_000),
                        HostileValues.any())
                .as(Edit::new);
        return Combinators.combine(
                        Arbitraries.of(EXAMPLES), edit.list().ofMinSize(1).ofMaxSize(4))
                .as((example, edits) -> {
                    ObjectNode study = example.study().deepCopy();
                    edits.forEach(e -> e.applyTo(study, DONORS));
                    return new Mutant(example, edits, study);
                });
    }
}
