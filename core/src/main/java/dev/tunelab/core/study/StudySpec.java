package dev.tunelab.core.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.pruning.PrunerSpec;
import dev.tunelab.core.space.SearchSpace;

/**
 * A validated study with every default filled in; what is stored and what trials are made from.
 *
 * @param template the Keras-style template, kept as written (parameter references unresolved)
 */
public record StudySpec(
    String name,
    String dataset,
    Objective objective,
    Algorithm algorithm,
    Budget budget,
    double validationSplit,
    SearchSpace space,
    JsonNode template,
    PrunerSpec pruner) {

  /** Studies stored before pruners existed have none. */
  public StudySpec {
    if (pruner == null) pruner = PrunerSpec.NONE;
  }

  public record Objective(String metric, Direction direction) {}

  public record Algorithm(String name, long seed) {}

  public record Budget(int maxTrials, int parallelTrials, int epochs) {}

  /** Trials this study will run: the grid's size caps {@code maxTrials} for grid search. */
  public int plannedTrials() {
    if ("grid".equals(algorithm.name())) {
      long grid = space.gridSize();
      return (int) Math.min(grid, budget.maxTrials());
    }
    return budget.maxTrials();
  }
}
