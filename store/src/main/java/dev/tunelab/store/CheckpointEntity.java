package dev.tunelab.store;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A trial's newest checkpoint: a DL4J zip with updater state, normalizer and {@value
 * dev.tunelab.core.messages.ArtifactEntries#CHECKPOINT}, taken by a worker after an epoch so a
 * later attempt can resume.
 */
@Entity
@Table(name = "checkpoint")
public class CheckpointEntity extends TrialZipEntity {
    /** The last epoch trained into it. */
    public int epoch;
}
