package dev.tunelab.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.pruning.PrunerSpec;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.study.StudySpec;
import dev.tunelab.core.template.SpaceSummary;
import dev.tunelab.store.StudyEntity;
import java.time.Instant;
import java.util.Map;

/** A study as the API shows it: its spec, where it stands, and its best trial so far. */
public record StudyView(
    String id,
    String name,
    String status,
    String dataset,
    String datasetName,
    StudySpec.Objective objective,
    StudySpec.Algorithm algorithm,
    StudySpec.Budget budget,
    PrunerSpec pruner,
    double validationSplit,
    SearchSpace space,
    JsonNode template,
    Progress progress,
    Best best,
    SpaceSummary architecture,
    Test test,
    Instant createdAt,
    Instant finishedAt,
    String message,
    String url) {

  /** Trial counts; {@code done} counts every finished trial (completed, pruned, skipped, failed or cancelled). */
  public record Progress(
      int total, int done, int completed, int running, int queued, int pruned, int skipped, int failed, int cancelled) {}

  /**
   * The held-out test split and, once the study has ended, its best trial's score on it.
   *
   * @param status {@code pending} until the worker reports, then {@code done} or {@code failed}
   */
  public record Test(StudySpec.TestSplit split, Integer trial, String status, Map<String, Object> metrics, String message) {}

  public record Best(int number, double objective, Map<String, Object> params, String modelUrl) {}

  static StudyView of(StudyEntity s, String datasetName, Progress progress, Best best) {
    StudySpec spec = Json.read(s.specJson, StudySpec.class);
    return new StudyView(s.id.toString(), s.name, s.status.name(), s.datasetId, datasetName, spec.objective(), spec.algorithm(),
        spec.budget(), spec.pruner(), spec.validationSplit(), spec.space(), spec.template(), progress, best,
        spec.architecture(), test(s, spec), s.createdAt, s.finishedAt, s.message, "/api/v1/studies/" + s.id);
  }

  @SuppressWarnings("unchecked")
  private static Test test(StudyEntity s, StudySpec spec) {
    if (spec.test() == null) return null;
    String status = s.testTrialNumber == null ? null
        : s.testMetricsJson != null ? "done" : s.testMessage != null ? "failed" : "pending";
    Map<String, Object> metrics = s.testMetricsJson == null ? null : Json.read(s.testMetricsJson, Map.class);
    return new Test(spec.test(), s.testTrialNumber, status, metrics, s.testMessage);
  }
}
