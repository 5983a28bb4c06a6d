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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

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

    @Test
    void everyExampleIsAcceptedAsWritten() {
        assertTrue(EXAMPLES.size() >= 5, "examples/ has the repository's studies: " + EXAMPLES);
        for (StudyDocuments.Example e : EXAMPLES) parser.parse(e.study());
    }

    /**
     * 3,000 mutants from a fixed seed, so CI is deterministic (another seed: {@code
     * -Dtunelab.fuzz.seed=N}); a failure names the example and its edits, which replay it.
     */
    @Test
    void acceptedOrRefusedWithPaths() {
        long seed = Long.getLong("tunelab.fuzz.seed", 1515);
        Random r = new Random(seed);
        int accepted = 0;
        int tries = 3000;
        for (int i = 0; i < tries; i++) {
            Mutant m = mutant(r);
            try {
                if (check(m)) accepted++;
            } catch (AssertionError | RuntimeException | StackOverflowError e) {
                throw new AssertionError("seed " + seed + ", try " + i + ": " + m, e);
            }
        }
        System.out.printf(
                "study parser: %d mutants, %d accepted, %d refused with paths%n", tries, accepted, tries - accepted);
        assertTrue(accepted > 0 && accepted < tries, "the mutants reach both verdicts");
    }

    /** True when the mutant was accepted (as sent over HTTP), false when refused. */
    private boolean check(Mutant m) {
        verdict(m.study());
        // The tree the api builds: read from text as POST /studies does, with Jackson's limits.
        String text;
        try {
            text = Json.MAPPER.writeValueAsString(m.study());
        } catch (JsonProcessingException | RuntimeException e) {
            return false; // no client could send it: NaN is no JSON, and the writer refuses deep nesting
        }
        JsonNode read;
        try {
            read = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return false; // POST /studies answers 400 Malformed JSON
        }
        StudySpec spec = verdict(read);
        if (spec != null) {
            assertEquals(spec, Json.read(Json.write(spec), StudySpec.class), "the stored spec reads back unchanged");
        }
        return spec != null;
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

    /** An example with one to four random edits. */
    private static Mutant mutant(Random r) {
        StudyDocuments.Example example = HostileValues.pick(r, EXAMPLES);
        List<Edit> edits = new ArrayList<>();
        for (int n = 1 + r.nextInt(4); n > 0; n--) {
            Edit.Kind kind = HostileValues.pick(r, List.of(Edit.Kind.values()));
            edits.add(new Edit(kind, r.nextInt(100_001), r.nextInt(100_001), HostileValues.any(r)));
        }
        ObjectNode study = example.study().deepCopy();
        edits.forEach(e -> e.applyTo(study, DONORS));
        return new Mutant(example, edits, study);
    }
}
