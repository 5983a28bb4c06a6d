package dev.tunelab.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.search.PrunerSpec;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.study.StudySpec;
import dev.tunelab.core.study.TrialStatus;
import dev.tunelab.core.template.SpaceSummary;
import dev.tunelab.store.StudyEntity;
import dev.tunelab.store.StudyQueries;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A study as the API shows it: its spec, where it stands, and its best trial so far. */
public record StudyView(
        String id,
        String project,
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

    /**
     * Trial counts; {@code done} counts every finished trial (completed, pruned, skipped, failed or
     * cancelled).
     */
    public record Progress(
            int total,
            int done,
            int completed,
            int running,
            int queued,
            int pruned,
            int skipped,
            int failed,
            int cancelled) {

        static Progress of(int planned, Map<TrialStatus, Integer> by) {
            int completed = by.getOrDefault(TrialStatus.COMPLETED, 0);
            int failed = by.getOrDefault(TrialStatus.FAILED, 0);
            int cancelled = by.getOrDefault(TrialStatus.CANCELLED, 0);
            int pruned = by.getOrDefault(TrialStatus.PRUNED, 0);
            int skipped = by.getOrDefault(TrialStatus.SKIPPED, 0);
            return new Progress(
                    planned,
                    completed + pruned + skipped + failed + cancelled,
                    completed,
                    by.getOrDefault(TrialStatus.RUNNING, 0),
                    by.getOrDefault(TrialStatus.QUEUED, 0),
                    pruned,
                    skipped,
                    failed,
                    cancelled);
        }
    }

    /**
     * The held-out test split and, once the study has ended, its best trial's score on it.
     *
     * @param status {@code pending} until the worker reports, then {@code done} or {@code failed}
     */
    public record Test(
            StudySpec.TestSplit split, Integer trial, String status, Map<String, Object> metrics, String message) {}

    public record Best(int number, double objective, Map<String, Object> params, String modelUrl) {
        @SuppressWarnings("unchecked")
        static Best of(UUID studyId, StudyQueries.BestTrial b) {
            return new Best(
                    b.number(),
                    b.objective(),
                    Json.read(b.paramsJson(), Map.class),
                    "/api/v1/studies/" + studyId + "/best-model");
        }
    }

    static StudyView of(StudyEntity s, String datasetName, Progress progress, Best best) {
        StudySpec spec = Json.read(s.specJson, StudySpec.class);
        return new StudyView(
                s.id.toString(),
                s.projectId,
                s.name,
                s.status.name(),
                s.datasetId,
                datasetName,
                spec.objective(),
                spec.algorithm(),
                spec.budget(),
                spec.pruner(),
                spec.validationSplit(),
                spec.space(),
                spec.template(),
                progress,
                best,
                spec.architecture(),
                test(s, spec),
                s.createdAt,
                s.finishedAt,
                s.message,
                "/api/v1/studies/" + s.id);
    }

    @SuppressWarnings("unchecked")
    private static Test test(StudyEntity s, StudySpec spec) {
        if (spec.test() == null) return null;
        String status = s.testTrialNumber == null
                ? null
                : s.testMetricsJson != null ? "done" : s.testMessage != null ? "failed" : "pending";
        Map<String, Object> metrics = s.testMetricsJson == null ? null : Json.read(s.testMetricsJson, Map.class);
        return new Test(spec.test(), s.testTrialNumber, status, metrics, s.testMessage);
    }
}
