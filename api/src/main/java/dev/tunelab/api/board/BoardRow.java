package dev.tunelab.api.board;

import dev.tunelab.core.study.TrialStatus;
import java.util.UUID;

/**
 * What a leaderboard sorts and filters on, for one trial; the page's full rows are read from the
 * database for the few trials shown.
 *
 * @param params values in the order of the study's parameter names; null where inactive
 */
public record BoardRow(
        UUID id,
        int number,
        String status,
        Double objective,
        int epochs,
        Long durationMs,
        String worker,
        Long paramCount,
        Object[] params,
        long seq) {

    /**
     * Completed trials rank first, then pruned ones (their value is from an early epoch), skipped
     * last.
     */
    int statusGroup() {
        return is(TrialStatus.COMPLETED) ? 0 : is(TrialStatus.PRUNED) ? 1 : is(TrialStatus.SKIPPED) ? 3 : 2;
    }

    /** The status stays the stored name: sorting by it is by that text, as before. */
    boolean is(TrialStatus s) {
        return s.name().equals(status);
    }
}
