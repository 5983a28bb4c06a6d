package dev.tunelab.core.pruning;

import java.util.Optional;

/** The pruner a study's spec names, for its epoch budget. */
public final class Pruners {
  private Pruners() {}

  public static Optional<Pruner> of(PrunerSpec spec, int maxEpochs) {
    if (spec == null) return Optional.empty();
    return switch (spec.name()) {
      case "median" -> Optional.of(new MedianPruner(spec.warmupEpochs(), spec.minTrials()));
      case "asha" -> Optional.of(new SuccessiveHalvingPruner(spec.minEpochs(), spec.reductionFactor(), maxEpochs));
      case "hyperband" -> Optional.of(new HyperbandPruner(spec.minEpochs(), spec.reductionFactor(), maxEpochs));
      default -> Optional.empty();
    };
  }
}
