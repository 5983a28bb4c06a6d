package dev.tunelab.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** The trained model of a trial: a DL4J zip that also holds its normalizer and model card. */
@Entity
@Table(name = "artifact")
public class ArtifactEntity extends TrialZipEntity {
    @Column(name = "model_card_json")
    public String modelCardJson;

    @Column(name = "size_bytes")
    public long sizeBytes;
}
