package dev.tunelab.store.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The owner of datasets, studies and their trials; access is granted per project. */
@Entity
@Table(name = "project")
public class ProjectEntity extends PanacheEntityBase {
    @Id
    public String id;

    public String name;

    @Column(name = "created_at")
    public Instant createdAt;
}
