package dev.tunelab.store;

import dev.tunelab.core.study.TrialStatus;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** How the API finds trials and what was recorded about them. Callers hold the transaction. */
public final class TrialQueries {
    private TrialQueries() {}

    /** One epoch of a trial's learning curve as the newest attempt that reached it reported it. */
    public record CurvePoint(int epoch, int attempt, String metricsJson) {}

    public static Optional<TrialEntity> byNumber(UUID studyId, int number) {
        return TrialEntity.find("studyId = ?1 and number = ?2", studyId, number).firstResultOptional();
    }

    /** The trial under its row lock, so a concurrent event cannot change it in between. */
    public static Optional<TrialEntity> byNumberLocked(UUID studyId, int number) {
        return TrialEntity.find("studyId = ?1 and number = ?2", studyId, number)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public static List<TrialEntity> byIds(List<UUID> ids) {
        return ids.isEmpty() ? List.of() : TrialEntity.<TrialEntity>list("id in ?1", ids);
    }

    /** Running trials whose lease ran out before {@code now}: their worker has gone quiet. */
    public static List<UUID> leaseExpired(Instant now) {
        return TrialEntity.getEntityManager()
                .createQuery(
                        "select t.id from TrialEntity t where t.status = :running and t.leaseExpiresAt < :now",
                        UUID.class)
                .setParameter("running", TrialStatus.RUNNING)
                .setParameter("now", now)
                .getResultList();
    }

    /** The study's queued and running trials. */
    public static List<TrialEntity> unfinished(UUID studyId) {
        return TrialEntity.<TrialEntity>list(
                "studyId = ?1 and status in ?2", studyId, List.of(TrialStatus.QUEUED, TrialStatus.RUNNING));
    }

    /** The trial's learning curve in epoch order, across its attempts (see {@code trial_curve}). */
    public static List<CurvePoint> curve(UUID trialId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = TrialEntity.getEntityManager()
                .createNativeQuery(
                        "select epoch, attempt, metrics_json from trial_curve where trial_id = ?1 order by epoch",
                        Object[].class)
                .setParameter(1, trialId)
                .getResultList();
        return rows.stream()
                .map(r -> new CurvePoint(((Number) r[0]).intValue(), ((Number) r[1]).intValue(), (String) r[2]))
                .toList();
    }

    /** The trials among {@code trialIds} that have a stored model. */
    public static Set<UUID> withModel(List<UUID> trialIds) {
        if (trialIds.isEmpty()) return Set.of();
        return new HashSet<>(TrialEntity.getEntityManager()
                .createQuery("select a.trialId from ArtifactEntity a where a.trialId in :ids", UUID.class)
                .setParameter("ids", trialIds)
                .getResultList());
    }
}
