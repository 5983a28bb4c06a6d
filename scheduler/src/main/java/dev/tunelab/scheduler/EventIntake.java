package dev.tunelab.scheduler;

import dev.tunelab.core.messages.Json;
import dev.tunelab.core.messages.TrialEvent;
import dev.tunelab.core.study.TrialStatus;
import dev.tunelab.store.StudyEntity;
import dev.tunelab.store.TrialEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Applies workers' trial events to the store. Each write is idempotent by (trial, attempt, epoch)
 * and events of an old attempt or of a finished trial change nothing, so redelivery is harmless.
 */
@ApplicationScoped
public class EventIntake {
    private static final Logger LOG = Logger.getLogger(EventIntake.class);

    @Inject
    PruningJudge pruning;

    /** How long an attempt is presumed alive after its last sign of life; a few worker heartbeats. */
    @ConfigProperty(name = "tunelab.scheduler.lease", defaultValue = "PT15S")
    Duration lease;

    /**
     * Applies a batch of events (one poll's) in one transaction, in order: one commit instead of one
     * per event. Throws when any of them cannot be applied; nothing of the batch is then kept.
     */
    @Transactional
    public void applyAll(List<TrialEvent> events) {
        for (TrialEvent e : events) applyOne(e);
    }

    @Transactional
    public void apply(TrialEvent e) {
        applyOne(e);
    }

    private void applyOne(TrialEvent e) {
        TrialEntity trial = TrialEntity.findById(e.trialId(), LockModeType.PESSIMISTIC_WRITE);
        if (trial == null || e.attempt() > trial.attempt) {
            LOG.debugf("ignoring event %s for unknown trial or attempt %s/%d", e.type(), e.trialId(), e.attempt());
            return;
        }
        if (e.attempt() < trial.attempt) {
            // A presumed-dead attempt changes nothing, but an epoch it did finish stays on the curve:
            // the next attempt may have resumed from an earlier checkpoint than this epoch's.
            if (e.type() == TrialEvent.Type.EPOCH
                    && e.metrics() != null
                    && !e.metrics().isEmpty()
                    && e.epoch() > 0) {
                recordMetrics(e);
            }
            return;
        }
        if (e.type() == TrialEvent.Type.TEST_EVALUATED || e.type() == TrialEvent.Type.TEST_FAILED) {
            recordTest(trial, e);
            return;
        }
        if (e.type() == TrialEvent.Type.HEARTBEAT) {
            if (!trial.state().finished()) renewLease(trial);
            return;
        }
        if (e.metrics() != null && !e.metrics().isEmpty() && e.epoch() > 0) {
            recordMetrics(e);
            if (e.epoch() >= trial.epochsDone) {
                trial.epochsDone = e.epoch();
                trial.lastMetricsJson = Json.write(e.metrics());
            }
        }
        if (trial.state() == TrialStatus.PRUNED && e.type() == TrialEvent.Type.COMPLETED) {
            // The worker ran to the end before the stop reached it: the full result exists, so keep it.
            finish(
                    trial,
                    TrialStatus.COMPLETED,
                    e.objective(),
                    "completed before the pruner's stop reached its worker (" + trial.message + ")");
            return;
        }
        if (trial.state().finished()) return;
        switch (e.type()) {
            case STARTED, EPOCH -> {
                if (trial.state() == TrialStatus.QUEUED) {
                    trial.state(TrialStatus.RUNNING);
                    // A retried trial keeps the start of its first attempt.
                    if (trial.startedAt == null) trial.startedAt = Instant.now();
                }
                trial.worker = e.worker();
                renewLease(trial);
                if (e.type() == TrialEvent.Type.EPOCH && e.epoch() > 0) pruning.judge(trial, e.epoch());
            }
            case COMPLETED -> finish(trial, TrialStatus.COMPLETED, e.objective(), null);
            case STOPPED -> finish(trial, TrialStatus.CANCELLED, null, e.message());
            case FAILED -> finish(trial, TrialStatus.FAILED, null, e.message());
        }
    }

    private void renewLease(TrialEntity trial) {
        trial.leaseExpiresAt = Instant.now().plus(lease);
    }

    /**
     * The first report wins; a redelivered one, or one for a trial no longer asked about, is ignored.
     */
    private static void recordTest(TrialEntity trial, TrialEvent e) {
        StudyEntity study = StudyEntity.findById(trial.studyId, LockModeType.PESSIMISTIC_WRITE);
        if (study.testTrialNumber == null || study.testTrialNumber != trial.number) return;
        if (study.testMetricsJson != null || study.testMessage != null) return;
        if (e.type() == TrialEvent.Type.TEST_EVALUATED) study.testMetricsJson = Json.write(e.metrics());
        else study.testMessage = e.message();
    }

    private static void finish(TrialEntity trial, TrialStatus status, Double objective, String message) {
        trial.state(status);
        trial.objective = objective;
        trial.message = message;
        trial.finishedAt = Instant.now();
        trial.leaseExpiresAt = null;
        if (trial.startedAt == null) trial.startedAt = trial.finishedAt;
    }

    private static void recordMetrics(TrialEvent e) {
        TrialEntity.getEntityManager()
                .createNativeQuery(
                        "insert into trial_metric (trial_id, attempt, epoch, metrics_json) values (?1, ?2, ?3, ?4)"
                                + " on conflict (trial_id, attempt, epoch) do nothing")
                .setParameter(1, e.trialId())
                .setParameter(2, e.attempt())
                .setParameter(3, e.epoch())
                .setParameter(4, Json.write(e.metrics()))
                .executeUpdate();
    }
}
