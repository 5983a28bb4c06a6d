package dev.tunelab.core.search;

import dev.tunelab.core.space.SearchSpace;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Decides what to try next. Implementations keep no state: everything they need is in the history,
 * so a restarted scheduler or a redelivered message changes nothing.
 */
public interface Sampler {

    /** The next point of {@code space}, or empty when the space has no untried point left. */
    Optional<Map<String, Object>> suggest(SearchSpace space, StudyHistory history, RandomGenerator rng);

    /**
     * Whether {@link #suggest} reads how trials went ({@code finished}, {@code objective}). A sampler
     * that reads only the trials' points and their number answers false, and may then be given a
     * history whose outcomes are out of date: the scheduler keeps such a study's points in memory
     * instead of reading every trial back for every suggestion.
     */
    default boolean readsOutcomes() {
        return true;
    }
}
