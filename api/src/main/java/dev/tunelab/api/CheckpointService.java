package dev.tunelab.api;

import dev.tunelab.store.CheckpointEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/**
 * Keeps each trial's newest checkpoint. Epoch numbers continue across attempts (a resumed attempt
 * goes on after its checkpoint's epoch), so "newest" is the highest epoch, whichever attempt took
 * it: a late upload of an older epoch never replaces a later one.
 */
@ApplicationScoped
public class CheckpointService {

    /** Stores the checkpoint unless the trial has one of a later epoch; true when stored. */
    @Transactional
    public boolean store(UUID trialId, int attempt, int epoch, byte[] zip) {
        // Locked, so two uploads for the same trial compare their epochs one after the other.
        CheckpointEntity c = CheckpointEntity.findById(trialId, LockModeType.PESSIMISTIC_WRITE);
        if (c != null && c.epoch > epoch) return false;
        if (c == null) {
            c = new CheckpointEntity();
            c.trialId = trialId;
        }
        c.attempt = attempt;
        c.epoch = epoch;
        c.content = zip;
        c.createdAt = Instant.now();
        c.persist();
        return true;
    }

    /** The trial's checkpoint, or null when it has none. */
    @Transactional
    public CheckpointEntity latest(UUID trialId) {
        return CheckpointEntity.findById(trialId);
    }

    /** Once the final model is stored no attempt will resume, and a checkpoint is model-sized. */
    @Transactional
    public void drop(UUID trialId) {
        CheckpointEntity.deleteById(trialId);
    }
}
