package dev.tunelab.core.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.search.SearchNames;
import dev.tunelab.core.space.SearchSpace;
import java.util.List;
import java.util.Set;

/** Reads a study's {@code budget}: trials, trials at once, epochs and attempts, each bounded. */
final class BudgetParser {
    private BudgetParser() {}

    static StudySpec.Budget parse(
            JsonNode n, StudySpec.Algorithm algorithm, SearchSpace space, StudyLimits limits, List<Violation> out) {
        if (n != null && !n.isObject()) {
            out.add(new Violation("$.budget", "must be an object with maxTrials, parallelTrials, epochs, maxAttempts"));
            n = null;
        }
        if (n != null)
            JsonFields.unknown(n, Set.of("maxTrials", "parallelTrials", "epochs", "maxAttempts"), "$.budget", out);
        long grid = space.gridSize();
        int most = (int) limits.trials().value();
        int defaultTrials = SearchNames.GRID.equals(algorithm.name()) && grid > 0 ? (int) Math.min(grid, most) : 20;
        defaultTrials = Math.max(1, Math.min(defaultTrials, most));
        int maxTrials;
        if (SearchNames.BAYESIAN.equals(algorithm.name()) && most > StudyParser.MAX_BAYESIAN_TRIALS) {
            maxTrials = bounded(
                    n,
                    "maxTrials",
                    defaultTrials,
                    StudyParser.MAX_BAYESIAN_TRIALS,
                    " with algorithm bayesian (its Gaussian process refits on every trial; use tpe for larger studies)",
                    out);
        } else {
            maxTrials = bounded(
                    n, "maxTrials", defaultTrials, most, " " + limits.trials().cite(), out);
        }
        int parallel = bounded(n, "parallelTrials", 2, StudyParser.MAX_PARALLEL, out);
        int epochs = bounded(n, "epochs", 20, StudyParser.MAX_EPOCHS, out);
        int attempts = bounded(n, "maxAttempts", StudySpec.Budget.DEFAULT_ATTEMPTS, StudyParser.MAX_ATTEMPTS, out);
        return new StudySpec.Budget(maxTrials, parallel, epochs, attempts);
    }

    private static int bounded(JsonNode n, String key, int dflt, int max, List<Violation> out) {
        return bounded(n, key, dflt, max, "", out);
    }

    private static int bounded(JsonNode n, String key, int dflt, int max, String why, List<Violation> out) {
        JsonNode v = n == null ? null : n.get(key);
        if (v == null) return dflt;
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1 || v.asInt() > max) {
            out.add(new Violation("$.budget." + key, "must be an integer from 1 to " + max + why + ", got " + v));
            return dflt;
        }
        return v.asInt();
    }
}
