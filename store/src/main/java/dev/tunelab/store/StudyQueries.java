package dev.tunelab.store;

import dev.tunelab.core.study.StudyStatus;
import dev.tunelab.core.study.TrialStatus;
import jakarta.persistence.EntityManager;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the API reads about studies beyond their own rows: trial counts by status and best trials.
 * Callers hold the transaction.
 */
public final class StudyQueries {
    private StudyQueries() {}

    /** A study's best completed trial so far, as stored. */
    public record BestTrial(int number, double objective, String paramsJson) {}

    /** Studies still pending or running, oldest first: the ones the scheduler keeps going. */
    public static List<UUID> activeIds() {
        return em().createQuery(
                        "select s.id from StudyEntity s where s.status in :active order by s.createdAt", UUID.class)
                .setParameter("active", List.of(StudyStatus.PENDING, StudyStatus.RUNNING))
                .getResultList();
    }

    /** Each study's trial counts by status, for every study of the project, in one query. */
    public static Map<UUID, Map<TrialStatus, Integer>> countsByStudy(String projectId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("select t.study_id, t.status, count(*) from trial t"
                        + " join study s on s.id = t.study_id where s.project_id = ?1 group by t.study_id, t.status")
                .setParameter(1, projectId)
                .getResultList();
        Map<UUID, Map<TrialStatus, Integer>> counts = new HashMap<>();
        for (Object[] r : rows) {
            counts.computeIfAbsent((UUID) r[0], k -> new EnumMap<>(TrialStatus.class))
                    .put(TrialStatus.valueOf((String) r[1]), ((Number) r[2]).intValue());
        }
        return counts;
    }

    /** Each study's best trial by the (study_id, objective) index, in the study's direction. */
    public static Map<UUID, BestTrial> bestByStudy(String projectId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("select s.id, b.number, b.objective, b.params_json from study s"
                        + " cross join lateral (select number, objective, params_json from trial t where t.study_id = s.id"
                        + "   and t.status = 'COMPLETED' and t.objective is not null and s.direction = 'maximize'"
                        + "   order by objective desc, number limit 1) b where s.project_id = ?1"
                        + " union all select s.id, b.number, b.objective, b.params_json from study s"
                        + " cross join lateral (select number, objective, params_json from trial t where t.study_id = s.id"
                        + "   and t.status = 'COMPLETED' and t.objective is not null and s.direction <> 'maximize'"
                        + "   order by objective asc, number limit 1) b where s.project_id = ?1")
                .setParameter(1, projectId)
                .getResultList();
        Map<UUID, BestTrial> bests = new HashMap<>();
        for (Object[] r : rows) bests.put((UUID) r[0], best(r));
        return bests;
    }

    /** One study's trial counts by status. */
    public static Map<TrialStatus, Integer> counts(UUID studyId) {
        // count(*) reads only the (study_id, status) index. The id is written into the statement (a
        // UUID, never text from a request): with a bind parameter PostgreSQL soon plans once for any
        // study, and for a study holding a large share of all trials that plan scans the whole table.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery(
                        "select status, count(*) from trial where study_id = '" + studyId + "'::uuid group by status")
                .getResultList();
        Map<TrialStatus, Integer> by = new EnumMap<>(TrialStatus.class);
        for (Object[] c : rows) by.put(TrialStatus.valueOf((String) c[0]), ((Number) c[1]).intValue());
        return by;
    }

    /** One study's best completed trial, highest objective first when {@code maximize}. */
    public static Optional<BestTrial> best(UUID studyId, boolean maximize) {
        String order = maximize ? "desc" : "asc";
        // The id is written into the statement for the reason given in counts(): a plan made for any
        // study sorts a big one's trials instead of walking the (study_id, objective) index.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery(
                        "select number, objective, params_json from trial"
                                + " where study_id = '"
                                + studyId
                                + "'::uuid and status = 'COMPLETED' and objective is not null"
                                + " order by objective "
                                + order
                                + ", number limit 1",
                        Object[].class)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(best(rows.get(0)));
    }

    /** A best trial from a row ending in its number, objective and parameters. */
    private static BestTrial best(Object[] r) {
        int n = r.length;
        return new BestTrial(((Number) r[n - 3]).intValue(), ((Number) r[n - 2]).doubleValue(), (String) r[n - 1]);
    }

    private static EntityManager em() {
        return TrialEntity.getEntityManager();
    }
}
