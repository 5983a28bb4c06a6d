package dev.tunelab.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A dataset's bytes as uploaded (a CSV, or a zip for images). */
@Entity
@Table(name = "dataset_content")
public class DatasetContentEntity extends PanacheEntityBase {
    @Id
    @Column(name = "dataset_id")
    public String datasetId;

    public byte[] content;
}
