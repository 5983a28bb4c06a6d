package dev.tunelab.api.limits;

import dev.tunelab.core.limits.Limit;
import dev.tunelab.core.study.StudyStatus;
import dev.tunelab.store.StudyEntity;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Bounds the studies of one project that have not finished, so one user cannot queue more work than
 * the workers will reach; checked in the transaction that creates a study.
 */
@ApplicationScoped
public class RunningStudies {
    /** The first key of the lock: what the lock is about ("sr"), the project is the second. */
    static final int LOCK_CLASS = 0x7372;

    @Inject
    Limits limits;

    /**
     * Throws 409 naming {@code tunelab.limits.studies-running} when the project is at its limit. An
     * advisory lock on the project, held to the end of the caller's transaction, makes two
     * submissions at once count one after the other.
     */
    public void checkRoomFor(String projectId) {
        Limit limit = limits.studiesRunning();
        // The two-key form: its key space is apart from the scheduler's one-key leader lock. Panache's
        // EntityManager, not an injected one: a worker-only process has no persistence unit to inject.
        Panache.getEntityManager()
                .createNativeQuery("select 1 from pg_advisory_xact_lock(" + LOCK_CLASS + ", hashtext(?1))")
                .setParameter(1, projectId)
                .getSingleResult();
        long running = StudyEntity.count(
                "projectId = ?1 and status in ?2", projectId, List.of(StudyStatus.PENDING, StudyStatus.RUNNING));
        if (!limit.exceededBy(running + 1)) return;
        throw LimitProblems.tooManyStudies(running, limit);
    }
}
