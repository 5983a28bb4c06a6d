package dev.tunelab.core.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.search.PrunerSpec;
import dev.tunelab.core.search.SearchNames;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a study's {@code pruner}: a name such as {@code "asha"}, or an object with its settings.
 */
final class PrunerParser {
    private static final Map<String, Set<String>> FIELDS = Map.of(
            SearchNames.NONE, Set.of("name"),
            SearchNames.MEDIAN, Set.of("name", "warmupEpochs", "minTrials"),
            SearchNames.ASHA, Set.of("name", "minEpochs", "reductionFactor"),
            SearchNames.HYPERBAND, Set.of("name", "minEpochs", "reductionFactor"));

    private PrunerParser() {}

    static PrunerSpec parse(JsonNode n, int epochs, List<Violation> out) {
        if (n == null || n.isNull()) return PrunerSpec.NONE;
        String at = "$.pruner";
        JsonNode nameNode = n.isTextual() ? n : n.get("name");
        if (!n.isTextual() && !n.isObject()) {
            out.add(new Violation(
                    at, "must be a name such as \"asha\" or an object such as {\"name\": \"asha\", \"minEpochs\": 1}"));
            return PrunerSpec.NONE;
        }
        String name = nameNode != null && nameNode.isTextual() ? nameNode.asText() : null;
        if (name == null || !SearchNames.PRUNERS.contains(name)) {
            out.add(new Violation(
                    n.isTextual() ? at : at + ".name", "must be one of " + SearchNames.PRUNERS + ", got " + nameNode));
            return PrunerSpec.NONE;
        }
        if (n.isObject()) {
            n.fieldNames().forEachRemaining(f -> {
                if (!FIELDS.get(name).contains(f)) {
                    out.add(new Violation(
                            at + "." + f,
                            "unknown field for the " + name + " pruner; allowed: " + new TreeSet<>(FIELDS.get(name))));
                }
            });
        }
        switch (name) {
            case SearchNames.MEDIAN -> {
                int warmup = integer(n, "warmupEpochs", 1, 0, epochs, out);
                int minTrials = integer(n, "minTrials", 5, 1, StudyParser.MAX_TRIALS, out);
                return PrunerSpec.median(warmup, minTrials);
            }
            case SearchNames.ASHA, SearchNames.HYPERBAND -> {
                int minEpochs = integer(n, "minEpochs", 1, 1, StudyParser.MAX_EPOCHS, out);
                int eta = integer(n, "reductionFactor", 3, 2, 100, out);
                if ((long) minEpochs * (SearchNames.ASHA.equals(name) ? 1 : eta) >= epochs) {
                    out.add(new Violation(
                            n.isObject() && n.has("minEpochs") ? at + ".minEpochs" : at,
                            "the first rung ("
                                    + minEpochs
                                    + " epochs) must come before the last epoch (budget.epochs = "
                                    + epochs
                                    + "), or the "
                                    + name
                                    + " pruner never stops anything"));
                }
                return PrunerSpec.halving(name, minEpochs, eta);
            }
            default -> {
                return PrunerSpec.NONE;
            }
        }
    }

    private static int integer(JsonNode n, String key, int dflt, int min, int max, List<Violation> out) {
        JsonNode v = n.isObject() ? n.get(key) : null;
        if (v == null) return dflt;
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < min || v.asInt() > max) {
            out.add(new Violation("$.pruner." + key, "must be an integer from " + min + " to " + max + ", got " + v));
            return dflt;
        }
        return v.asInt();
    }
}
