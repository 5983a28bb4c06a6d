package dev.tunelab.api;

import dev.tunelab.core.messages.Json;
import dev.tunelab.store.TrialEntity;
import java.time.Instant;
import java.util.Map;

/**
 * One row of a leaderboard. {@code rank} is the trial's place among those with an objective
 * (completed first, then pruned), and {@code durationMs} its wall time once finished. {@code
 * metrics} holds the latest epoch's values; {@code attempt} counts the runs so far (a lost worker's
 * trial runs again), and {@code leaseExpiresAt} is when a running attempt is presumed lost unless
 * its worker reports.
 */
public record TrialView(
        int number,
        Integer rank,
        String id,
        String status,
        int attempt,
        Map<String, Object> params,
        Double objective,
        int epochsDone,
        int rung,
        int bracket,
        Long paramCount,
        Map<String, Object> metrics,
        String error,
        boolean hasModel,
        String worker,
        Instant leaseExpiresAt,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Long durationMs) {

    static TrialView of(TrialEntity t, boolean hasModel) {
        return of(t, hasModel, null);
    }

    /**
     * @param rank 1-based place among trials with an objective; null or 0 when it has none
     */
    @SuppressWarnings("unchecked")
    static TrialView of(TrialEntity t, boolean hasModel, Integer rank) {
        Map<String, Object> metrics = t.lastMetricsJson == null ? Map.of() : Json.read(t.lastMetricsJson, Map.class);
        Long duration = t.startedAt != null && t.finishedAt != null
                ? t.finishedAt.toEpochMilli() - t.startedAt.toEpochMilli()
                : null;
        return new TrialView(
                t.number,
                rank == null || rank == 0 ? null : rank,
                t.id.toString(),
                t.status.name(),
                t.attempt,
                Json.read(t.paramsJson, Map.class),
                t.objective,
                t.epochsDone,
                t.rung,
                t.bracket,
                t.paramCount,
                metrics,
                t.message,
                hasModel,
                t.worker,
                t.leaseExpiresAt,
                t.createdAt,
                t.startedAt,
                t.finishedAt,
                duration);
    }
}
