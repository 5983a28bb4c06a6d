package dev.tunelab.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A table of examples: numeric feature columns and one label column. Bytes live in {@link DatasetContentEntity}. */
@Entity
@Table(name = "dataset")
public class DatasetEntity extends PanacheEntityBase {
  @Id public String id;

  @Column(name = "project_id")
  public String projectId;

  public String name;
  public String task;

  @Column(name = "label_column")
  public String labelColumn;

  @Column(name = "columns_json")
  public String columnsJson;

  @Column(name = "classes_json")
  public String classesJson;

  @Column(name = "row_count")
  public int rowCount;

  public boolean builtin;

  @Column(name = "size_bytes")
  public long sizeBytes;

  @Column(name = "created_at")
  public Instant createdAt;
}
