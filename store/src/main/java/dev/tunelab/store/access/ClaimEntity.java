package dev.tunelab.store.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A worker credential took a live attempt of a trial; it reaches that trial's data only. */
@Entity
@Table(name = "trial_claim")
@IdClass(ClaimEntity.Key.class)
public class ClaimEntity extends PanacheEntityBase {
    @Id
    @Column(name = "trial_id")
    public UUID trialId;

    @Id
    public int attempt;

    @Id
    @Column(name = "credential_id")
    public UUID credentialId;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    public static boolean holds(UUID credential, UUID trial) {
        return count("credentialId = ?1 and trialId = ?2", credential, trial) > 0;
    }

    public static boolean holds(UUID credential, UUID trial, int attempt) {
        return findById(new Key(trial, attempt, credential)) != null;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public UUID trialId;
        public int attempt;
        public UUID credentialId;

        public Key() {}

        public Key(UUID trialId, int attempt, UUID credentialId) {
            this.trialId = trialId;
            this.attempt = attempt;
            this.credentialId = credentialId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && trialId.equals(k.trialId)
                    && attempt == k.attempt
                    && credentialId.equals(k.credentialId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(trialId, attempt, credentialId);
        }
    }
}
