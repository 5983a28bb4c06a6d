package dev.tunelab.core.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.search.SearchNames;
import dev.tunelab.core.space.SearchSpace;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Reads a study's {@code algorithm}: the sampler's name and the seed that makes it reproducible.
 */
final class AlgorithmParser {
    private AlgorithmParser() {}

    /**
     * @param seeds gives the seed when the study names none
     */
    static StudySpec.Algorithm parse(JsonNode n, LongSupplier seeds, List<Violation> out) {
        if (n == null) return new StudySpec.Algorithm(SearchNames.BAYESIAN, seeds.getAsLong());
        if (!n.isObject()) {
            out.add(new Violation("$.algorithm", "must be an object such as {\"name\": \"random\", \"seed\": 42}"));
            return new StudySpec.Algorithm(SearchNames.BAYESIAN, 0);
        }
        JsonFields.unknown(n, Set.of("name", "seed"), "$.algorithm", out);
        String name = n.path("name").asText(SearchNames.BAYESIAN);
        if (!SearchNames.SAMPLERS.contains(name)) {
            out.add(new Violation(
                    "$.algorithm.name", "must be one of " + SearchNames.SAMPLERS + ", got " + n.get("name")));
        }
        long seed;
        JsonNode s = n.get("seed");
        if (s == null) {
            seed = seeds.getAsLong();
        } else if (!s.isIntegralNumber() || !s.canConvertToLong()) {
            out.add(new Violation("$.algorithm.seed", "must be an integer, got " + s));
            seed = 0;
        } else {
            seed = s.asLong();
        }
        return new StudySpec.Algorithm(name, seed);
    }

    /** Grid search enumerates the space, so the space must be finite and not empty. */
    static void checkSpace(StudySpec.Algorithm algorithm, SearchSpace space, List<Violation> out) {
        if (SearchNames.GRID.equals(algorithm.name()) && space.gridSize() < 0) {
            out.add(new Violation(
                    "$.space", "grid search needs finite parameters: a float range needs \"gridPoints\""));
        }
        if (SearchNames.GRID.equals(algorithm.name()) && space.params().isEmpty()) {
            out.add(new Violation("$.space", "grid search needs at least one parameter"));
        }
    }
}
