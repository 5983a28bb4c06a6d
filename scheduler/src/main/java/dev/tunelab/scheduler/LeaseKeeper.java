package dev.tunelab.scheduler;

import dev.tunelab.core.study.StudySpec;
import dev.tunelab.core.study.TrialStatus;
import dev.tunelab.store.Outbox;
import dev.tunelab.store.StudyEntity;
import dev.tunelab.store.TrialEntity;
import dev.tunelab.store.TrialQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Finds running trials whose worker stopped renewing their lease and re-queues them as a new
 * attempt that resumes from the last checkpoint, or fails them after {@code budget.maxAttempts}.
 * Run by the leader only; each trial is settled in a transaction of its own that re-reads it under
 * its row lock, so an event renewing the lease at the same moment wins or loses cleanly.
 */
@ApplicationScoped
public class LeaseKeeper {
    private static final Logger LOG = Logger.getLogger(LeaseKeeper.class);

    @Inject
    Outbox outbox;

    @Inject
    PruningJudge pruning;

    @Transactional
    public List<UUID> expired() {
        return TrialQueries.leaseExpired(Instant.now());
    }

    @Transactional
    public void reclaim(UUID trialId) {
        TrialEntity trial = TrialEntity.findById(trialId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        if (trial == null
                || trial.state() != TrialStatus.RUNNING
                || trial.leaseExpiresAt == null
                || trial.leaseExpiresAt.isAfter(now)) {
            return;
        }
        StudyEntity study = StudyEntity.findById(trial.studyId);
        StudySpec spec = pruning.spec(trial.studyId);
        LeaseExpiry expiry =
                LeaseExpiry.decide(trial.attempt, spec.budget().maxAttempts(), trial.worker, study.active());
        trial.message = expiry.message();
        trial.leaseExpiresAt = null;
        switch (expiry.outcome()) {
            case RETRY -> {
                trial.attempt++;
                trial.state(TrialStatus.QUEUED);
                trial.worker = null;
                outbox.add(TrialCommands.topic(spec), trial.id.toString(), TrialCommands.of(study, spec, trial));
            }
            case FAIL -> end(trial, TrialStatus.FAILED, now);
            case CANCEL -> end(trial, TrialStatus.CANCELLED, now);
        }
        LOG.infof("study %s: trial %d %s", trial.studyId, trial.number, trial.message);
    }

    private static void end(TrialEntity trial, TrialStatus status, Instant now) {
        trial.state(status);
        trial.finishedAt = now;
    }

    /**
     * Checkpoints exist to resume a trial; once it has ended (completed, pruned, failed, cancelled)
     * none will resume, so they only take space. Returns how many were dropped.
     */
    @Transactional
    public int dropFinishedCheckpoints() {
        return TrialEntity.getEntityManager()
                .createNativeQuery("delete from checkpoint c using trial t where c.trial_id = t.id"
                        + " and t.status not in ('QUEUED', 'RUNNING')")
                .executeUpdate();
    }
}
