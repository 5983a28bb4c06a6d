package dev.tunelab.core.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.search.PrunerSpec;
import dev.tunelab.core.search.SearchNames;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.template.SpaceSummary;

/**
 * A validated study with every default filled in; what is stored and what trials are made from.
 *
 * @param space the space samplers draw from: Repeat and Choice blocks already expanded
 *     (per-repetition parameters {@code units_0, units_1, ...} and conditions on the chosen option)
 * @param template the native Keras-style template with parameter references unresolved (a Keras
 *     JSON template is stored as the native template it was converted to)
 * @param architecture what the space gives as networks (parameter count range, invalid points);
 *     null when not inferred (studies stored before shapes were inferred)
 * @param test the held-out test split, or null when the study has none
 * @param device where its trials train: {@code cpu} (default) or {@code gpu} (GPU workers' topic)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StudySpec(
        String name,
        String dataset,
        Objective objective,
        Algorithm algorithm,
        Budget budget,
        double validationSplit,
        SearchSpace space,
        JsonNode template,
        PrunerSpec pruner,
        SpaceSummary architecture,
        TestSplit test,
        String device) {
    public static final String CPU = "cpu";
    public static final String GPU = "gpu";

    /** Studies stored before pruners existed have none; before devices, all trained on the CPU. */
    public StudySpec {
        if (pruner == null) pruner = PrunerSpec.NONE;
        if (device == null) device = CPU;
    }

    public record Objective(String metric, Direction direction) {}

    public record Algorithm(String name, long seed) {}

    /**
     * @param maxAttempts how many times a trial is run before it fails for good when its worker is
     *     lost (its lease expires); each later attempt resumes from the trial's last checkpoint
     */
    public record Budget(int maxTrials, int parallelTrials, int epochs, int maxAttempts) {
        public static final int DEFAULT_ATTEMPTS = 3;

        /** Studies stored before retries existed have no {@code maxAttempts}: they get the default. */
        public Budget {
            if (maxAttempts == 0) maxAttempts = DEFAULT_ATTEMPTS;
        }

        public Budget(int maxTrials, int parallelTrials, int epochs) {
            this(maxTrials, parallelTrials, epochs, DEFAULT_ATTEMPTS);
        }
    }

    /**
     * Data held out from tuning; the best trial is evaluated on it once.
     *
     * @param fraction the share of the study's dataset held out (0.05 to 0.5), or 0 when a separate
     *     dataset is the test set
     * @param dataset the id of a separate test dataset of the same kind and shape, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TestSplit(double fraction, String dataset) {}

    /** Trials this study will run: the grid's size caps {@code maxTrials} for grid search. */
    public int plannedTrials() {
        if (SearchNames.GRID.equals(algorithm.name())) {
            long grid = space.gridSize();
            return (int) Math.min(grid, budget.maxTrials());
        }
        return budget.maxTrials();
    }
}
