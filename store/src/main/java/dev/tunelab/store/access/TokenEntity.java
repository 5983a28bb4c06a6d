package dev.tunelab.store.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An API token as stored: its SHA-256, never the token itself. */
@Entity
@Table(name = "api_token")
public class TokenEntity extends PanacheEntityBase {
    public static final String USER = "user";
    public static final String WORKER = "worker";

    @Id
    public UUID id;

    /** {@link #USER} or {@link #WORKER}. */
    public String kind;

    /** The user it signs in as; null for a worker credential. */
    @Column(name = "user_name")
    public String userName;

    /** The only project it reaches; null: every project of its user. */
    @Column(name = "project_id")
    public String projectId;

    public String name;

    public byte[] hash;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    public boolean live(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public static TokenEntity byHash(byte[] hash) {
        return find("hash", (Object) hash).firstResult();
    }
}
