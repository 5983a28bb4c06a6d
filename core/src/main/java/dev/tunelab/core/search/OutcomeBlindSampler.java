package dev.tunelab.core.search;

/**
 * A sampler that reads only the trials' points and their number, never how they went (grid, random,
 * Sobol): the scheduler may hand it a history whose outcomes are out of date.
 */
public interface OutcomeBlindSampler extends Sampler {
    @Override
    default boolean readsOutcomes() {
        return false;
    }
}
