package dev.tunelab.api;

import dev.tunelab.core.data.DatasetProfile;
import dev.tunelab.core.messages.Json;
import dev.tunelab.store.DatasetEntity;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A dataset as the API shows it. */
public record DatasetView(
    String id,
    String name,
    String task,
    String label,
    List<DatasetProfile.Column> columns,
    List<String> classes,
    int rows,
    long sizeBytes,
    boolean builtin,
    Instant createdAt,
    String url) {

  static DatasetView of(DatasetEntity d) {
    List<DatasetProfile.Column> columns = Arrays.asList(Json.read(d.columnsJson, DatasetProfile.Column[].class));
    List<String> classes = d.classesJson == null ? null : Arrays.asList(Json.read(d.classesJson, String[].class));
    return new DatasetView(d.id, d.name, d.task, d.labelColumn, columns, classes, d.rowCount, d.sizeBytes,
        d.builtin, d.createdAt, "/api/v1/datasets/" + d.id);
  }
}
