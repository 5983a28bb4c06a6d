package dev.tunelab.store.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Who did what, and when: creations, cancels, downloads, member and token changes. */
@Entity
@Table(name = "audit_log")
public class AuditEntity extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Instant at;

    /** Null for what belongs to no project (worker credentials). */
    @Column(name = "project_id")
    public String projectId;

    public String actor;
    public String action;
    public String target;
    public String detail;
}
