package dev.tunelab.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The trained model of a trial: a DL4J zip that also holds its normalizer and model card. */
@Entity
@Table(name = "artifact")
public class ArtifactEntity extends PanacheEntityBase {
  @Id
  @Column(name = "trial_id")
  public UUID trialId;

  public int attempt;
  public byte[] content;

  @Column(name = "model_card_json")
  public String modelCardJson;

  @Column(name = "size_bytes")
  public long sizeBytes;

  @Column(name = "created_at")
  public Instant createdAt;
}
