package dev.tunelab.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A trial's newest checkpoint: a DL4J zip with updater state, normalizer and {@value
 * dev.tunelab.core.messages.ArtifactEntries#CHECKPOINT}, taken by a worker after an epoch so a
 * later attempt can resume.
 */
@Entity
@Table(name = "checkpoint")
public class CheckpointEntity extends PanacheEntityBase {
  @Id
  @Column(name = "trial_id")
  public UUID trialId;

  /** The attempt that took it; a later attempt resumes from it all the same. */
  public int attempt;

  /** The last epoch trained into it. */
  public int epoch;

  public byte[] content;

  @Column(name = "created_at")
  public Instant createdAt;
}
