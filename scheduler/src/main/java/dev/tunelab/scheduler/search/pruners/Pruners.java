package dev.tunelab.scheduler.search.pruners;

import dev.tunelab.core.search.Pruner;
import dev.tunelab.core.search.PrunerSpec;
import dev.tunelab.core.search.SearchNames;
import java.util.Optional;

/** The pruner a study's spec names, for its epoch budget. */
public final class Pruners {
    private Pruners() {}

    public static Optional<Pruner> of(PrunerSpec spec, int maxEpochs) {
        if (spec == null) return Optional.empty();
        return switch (spec.name()) {
            case SearchNames.MEDIAN -> Optional.of(new MedianPruner(spec.warmupEpochs(), spec.minTrials()));
            case SearchNames.ASHA ->
                Optional.of(new SuccessiveHalvingPruner(spec.minEpochs(), spec.reductionFactor(), maxEpochs));
            case SearchNames.HYPERBAND ->
                Optional.of(new HyperbandPruner(spec.minEpochs(), spec.reductionFactor(), maxEpochs));
            default -> Optional.empty();
        };
    }
}
