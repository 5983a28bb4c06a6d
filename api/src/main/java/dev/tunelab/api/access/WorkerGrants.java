package dev.tunelab.api.access;

import dev.tunelab.api.ApiProblem;
import dev.tunelab.store.TrialEntity;
import dev.tunelab.store.access.ClaimEntity;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a worker credential may reach: a trial it claimed (an attempt it took from Kafka), that
 * trial's model and checkpoints, and the datasets of its study. Nothing else answers it.
 */
@ApplicationScoped
public class WorkerGrants {
    @Inject
    Access access;

    /**
     * Records that the calling worker took the attempt, when the attempt is live: the trial's
     * current attempt, still to train, or the finished trial whose test evaluation is awaited. A
     * person's token passes without a claim when it is a site admin's, for operators and tests.
     */
    @Transactional
    public void claim(TrialEntity trial, int attempt, boolean live) {
        Caller c = access.caller();
        if (!c.worker()) {
            requireOperator(c);
            return;
        }
        if (!live || ClaimEntity.holds(c.credential(), trial.id, attempt)) return;
        ClaimEntity claim = new ClaimEntity();
        claim.trialId = trial.id;
        claim.attempt = attempt;
        claim.credentialId = c.credential();
        claim.claimedAt = Instant.now();
        claim.persist();
    }

    /** The caller is a worker that claimed {@code attempt} of the trial, or an operator; else 404. */
    @Transactional
    public void requireAttempt(UUID trial, int attempt) {
        Caller c = access.caller();
        if (!c.worker()) {
            requireOperator(c);
            return;
        }
        if (!ClaimEntity.holds(c.credential(), trial, attempt)) throw ApiProblem.notFound("no trial " + trial);
    }

    /** The caller is a worker holding a claim on the trial, or an operator; else 404. */
    @Transactional
    public void requireTrial(UUID trial) {
        Caller c = access.caller();
        if (!c.worker()) {
            requireOperator(c);
            return;
        }
        if (!ClaimEntity.holds(c.credential(), trial)) throw ApiProblem.notFound("no trial " + trial);
    }

    /** Whether the caller is a worker that claimed a trial of a study reading {@code dataset}. */
    @Transactional
    public boolean workerMayRead(String dataset) {
        Caller c = access.caller();
        if (!c.worker()) return false;
        List<?> hit = Panache.getEntityManager()
                .createNativeQuery("select 1 from trial_claim c join trial t on t.id = c.trial_id"
                        + " join study s on s.id = t.study_id where c.credential_id = ?1"
                        + " and (s.dataset_id = ?2 or (s.spec_json::jsonb -> 'test' ->> 'dataset') = ?2) limit 1")
                .setParameter(1, c.credential())
                .setParameter(2, dataset)
                .getResultList();
        return !hit.isEmpty();
    }

    /** Whether the caller is a worker that claimed trial {@code number} of {@code study}. */
    @Transactional
    public boolean workerMayRead(UUID study, int number) {
        Caller c = access.caller();
        if (!c.worker()) return false;
        TrialEntity t =
                TrialEntity.find("studyId = ?1 and number = ?2", study, number).firstResult();
        return t != null && ClaimEntity.holds(c.credential(), t.id);
    }

    /** Internal endpoints answer people only when they run the site. */
    private static void requireOperator(Caller c) {
        if (!c.siteAdmin()) throw ApiProblem.notFound("not found");
    }
}
