package dev.tunelab.core.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Reads a study's {@code objective}: a metric the dataset's task reports, and its direction. */
final class ObjectiveParser {
    private ObjectiveParser() {}

    /**
     * @param facts the study's dataset, or null when it is unknown (the metric is then not checked)
     */
    static StudySpec.Objective parse(JsonNode n, DatasetFacts facts, List<Violation> out) {
        Task task = facts == null ? null : facts.task();
        String dfltMetric = task == Task.REGRESSION ? "val_rmse" : "val_accuracy";
        if (n == null) return new StudySpec.Objective(dfltMetric, defaultDirection(dfltMetric));
        if (!n.isObject()) {
            out.add(new Violation(
                    "$.objective",
                    "must be an object such as {\"metric\": \"val_accuracy\", \"direction\": \"maximize\"}"));
            return new StudySpec.Objective(dfltMetric, defaultDirection(dfltMetric));
        }
        JsonFields.unknown(n, Set.of("metric", "direction"), "$.objective", out);
        String metric = n.path("metric").asText(dfltMetric);
        if (task != null) {
            Set<String> allowed = new TreeSet<>(StudyParser.METRICS.get(task));
            if (task == Task.CLASSIFICATION && facts.numClasses() == 2) allowed.addAll(StudyParser.BINARY_METRICS);
            if (!allowed.contains(metric)) {
                String binary = StudyParser.BINARY_METRICS.contains(metric) && task == Task.CLASSIFICATION
                        ? " (AUC needs two classes)"
                        : "";
                out.add(new Violation(
                        "$.objective.metric",
                        "a " + task.json() + " study can optimize " + allowed + ", not '" + metric + "'" + binary));
            }
        }
        Direction direction = defaultDirection(metric);
        JsonNode d = n.get("direction");
        if (d != null) {
            if (d.isTextual() && Set.of("maximize", "minimize").contains(d.asText())) {
                direction = Direction.parse(d.asText());
            } else {
                out.add(new Violation("$.objective.direction", "must be \"maximize\" or \"minimize\", got " + d));
            }
        }
        return new StudySpec.Objective(metric, direction);
    }

    private static Direction defaultDirection(String metric) {
        return metric.endsWith("accuracy") || metric.endsWith("auc") ? Direction.MAXIMIZE : Direction.MINIMIZE;
    }
}
