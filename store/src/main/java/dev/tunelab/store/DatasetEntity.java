package dev.tunelab.store;

import dev.tunelab.core.data.DatasetKind;
import dev.tunelab.core.data.DatasetMeta;
import dev.tunelab.core.data.DatasetOptions;
import dev.tunelab.core.data.DatasetSummary;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.study.DatasetFacts;
import dev.tunelab.core.study.Task;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An uploaded dataset's description; its bytes live in {@link DatasetContentEntity}. The meta
 * ({@link #meta()}) is what a worker needs to read the bytes, the shape what validation needs.
 */
@Entity
@Table(name = "dataset")
public class DatasetEntity extends PanacheEntityBase {
    @Id
    public String id;

    @Column(name = "project_id")
    public String projectId;

    public String name;
    public String task;

    /** {@code table}, {@code images}, {@code tokens}, {@code sequence} or {@code timeseries}. */
    public String kind;

    /** The label column of a CSV; null for images. */
    @Column(name = "label_column")
    public String labelColumn;

    /** Each CSV column's role; empty for images. */
    @Column(name = "columns_json")
    public String columnsJson;

    @Column(name = "classes_json")
    public String classesJson;

    /** One sample's shape, Keras convention. */
    @Column(name = "shape_json")
    public String shapeJson;

    /** {@link DatasetOptions}, vocabulary included. */
    @Column(name = "options_json")
    public String optionsJson;

    /** Samples (rows of a table, images, windows of a series). */
    @Column(name = "row_count")
    public int rowCount;

    public boolean builtin;

    @Column(name = "size_bytes")
    public long sizeBytes;

    @Column(name = "created_at")
    public Instant createdAt;

    public DatasetMeta meta() {
        List<String> classes = classesJson == null ? null : Arrays.asList(Json.read(classesJson, String[].class));
        return new DatasetMeta(
                DatasetKind.parse(kind),
                Task.parse(task),
                labelColumn,
                classes,
                Json.read(optionsJson, DatasetOptions.class));
    }

    public List<Integer> shape() {
        return Arrays.asList(Json.read(shapeJson, Integer[].class));
    }

    /** What study validation needs; read from the row, no bytes. */
    public DatasetFacts facts() {
        return DatasetSummary.facts(meta(), shape());
    }
}
