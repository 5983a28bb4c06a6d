package dev.tunelab.api;

import dev.tunelab.core.data.Csv;
import dev.tunelab.core.data.DatasetProfile;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.study.DatasetFacts;
import dev.tunelab.core.study.Task;
import dev.tunelab.store.DatasetContentEntity;
import dev.tunelab.store.DatasetEntity;
import dev.tunelab.store.Projects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores profiled CSV datasets and answers what studies need to know about them. */
@ApplicationScoped
public class DatasetService {

  /** Profiles and stores a table; the table is refused whole when it cannot train a model. */
  @Transactional
  public DatasetEntity create(String id, String name, byte[] csv, String label, Task task, boolean builtin) {
    DatasetProfile profile;
    try {
      profile = DatasetProfile.of(Csv.parse(csv), label, task);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.invalid(e.getMessage().startsWith("no column named") ? "$.label" : "$.file", e.getMessage());
    }
    DatasetEntity d = new DatasetEntity();
    d.id = id == null ? UUID.randomUUID().toString() : id;
    d.projectId = Projects.DEFAULT;
    d.name = name;
    d.task = profile.task().json();
    d.labelColumn = label;
    d.columnsJson = Json.write(profile.columns());
    d.classesJson = profile.classes() == null ? null : Json.write(profile.classes());
    d.rowCount = profile.rows();
    d.builtin = builtin;
    d.sizeBytes = csv.length;
    d.createdAt = Instant.now();
    d.persist();
    DatasetContentEntity content = new DatasetContentEntity();
    content.datasetId = d.id;
    content.csv = csv;
    content.persist();
    return d;
  }

  @Transactional
  public List<DatasetEntity> list() {
    return DatasetEntity.list("projectId = ?1 order by builtin desc, createdAt desc", Projects.DEFAULT);
  }

  @Transactional
  public DatasetEntity get(String id) {
    DatasetEntity d = DatasetEntity.findById(id);
    if (d == null) throw ApiProblem.notFound("no dataset with id '" + id + "'");
    return d;
  }

  @Transactional
  public byte[] content(String id) {
    get(id);
    DatasetContentEntity c = DatasetContentEntity.findById(id);
    return c.csv;
  }

  @Transactional
  public Optional<DatasetFacts> facts(String id) {
    DatasetEntity d = DatasetEntity.findById(id);
    if (d == null) return Optional.empty();
    int classes = d.classesJson == null ? 0 : Json.read(d.classesJson, List.class).size();
    int columns = Json.read(d.columnsJson, List.class).size();
    return Optional.of(new DatasetFacts(Task.parse(d.task), columns - 1, classes));
  }
}
