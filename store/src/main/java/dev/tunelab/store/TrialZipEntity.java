package dev.tunelab.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/**
 * A zip a worker uploaded for one trial, at most one of its kind per trial: a model or a
 * checkpoint.
 */
@MappedSuperclass
public abstract class TrialZipEntity extends PanacheEntityBase {
    @Id
    @Column(name = "trial_id")
    public UUID trialId;

    /** The attempt that wrote it; a later attempt resumes from a checkpoint all the same. */
    public int attempt;

    public byte[] content;

    @Column(name = "created_at")
    public Instant createdAt;
}
