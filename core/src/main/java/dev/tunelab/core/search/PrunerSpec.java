package dev.tunelab.core.search;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A study's early-stopping rule with every default filled in, as stored with the study.
 *
 * @param name none, median, asha or hyperband
 * @param warmupEpochs median: epochs a trial always runs before it may be stopped
 * @param minTrials median: completed trials needed before anything is stopped
 * @param minEpochs asha, hyperband: epochs of the first rung (of the most aggressive bracket)
 * @param reductionFactor asha, hyperband: 1 in this many trials goes on at each rung
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PrunerSpec(
        String name, Integer warmupEpochs, Integer minTrials, Integer minEpochs, Integer reductionFactor) {
    public static final PrunerSpec NONE = new PrunerSpec(SearchNames.NONE, null, null, null, null);

    public static PrunerSpec median(int warmupEpochs, int minTrials) {
        return new PrunerSpec(SearchNames.MEDIAN, warmupEpochs, minTrials, null, null);
    }

    public static PrunerSpec halving(String name, int minEpochs, int reductionFactor) {
        return new PrunerSpec(name, null, null, minEpochs, reductionFactor);
    }
}
