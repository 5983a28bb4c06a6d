package dev.tunelab.core.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a study's held-out {@code test} split: a fraction of the dataset, or a separate dataset of
 * the same shape.
 */
final class TestSplitParser {
    private TestSplitParser() {}

    /**
     * @param dataset the study's own dataset id; {@code facts} its facts, or null when unknown
     * @param split the validation split, which the test fraction must leave room beside
     * @param datasets looks up the test dataset by id
     */
    static StudySpec.TestSplit parse(
            JsonNode n,
            String dataset,
            DatasetFacts facts,
            double split,
            Function<String, Optional<DatasetFacts>> datasets,
            List<Violation> out) {
        if (n == null) return null;
        if (!n.isObject() || n.has("fraction") == n.has("dataset")) {
            out.add(new Violation("$.test", "must be {\"fraction\": 0.1} or {\"dataset\": \"<id>\"}, got " + n));
            return null;
        }
        JsonFields.unknown(n, Set.of("fraction", "dataset"), "$.test", out);
        JsonNode f = n.get("fraction");
        if (f != null) {
            if (!f.isNumber() || f.asDouble() < 0.05 || f.asDouble() > 0.5) {
                out.add(new Violation("$.test.fraction", "must be a number from 0.05 to 0.5, got " + f));
                return null;
            }
            if (f.asDouble() + split > 0.7) {
                out.add(new Violation(
                        "$.test.fraction",
                        "with validationSplit " + split + " it leaves less than 30% of the data for training"));
                return null;
            }
            return new StudySpec.TestSplit(f.asDouble(), null);
        }
        JsonNode d = n.get("dataset");
        if (!d.isTextual() || d.asText().isBlank()) {
            out.add(new Violation("$.test.dataset", "must be the id of an uploaded dataset, got " + d));
            return null;
        }
        String id = d.asText();
        if (id.equals(dataset)) {
            out.add(new Violation(
                    "$.test.dataset", "is the study's own dataset; a test set must be data the study never tunes on"));
            return null;
        }
        Optional<DatasetFacts> testFacts = datasets.apply(id);
        if (testFacts.isEmpty()) {
            out.add(new Violation("$.test.dataset", "no dataset with id '" + id + "'"));
            return null;
        }
        String mismatch = facts == null ? null : mismatch(facts, testFacts.get());
        if (mismatch != null) {
            out.add(new Violation(
                    "$.test.dataset", "dataset '" + id + "' does not match the study's dataset: " + mismatch));
            return null;
        }
        return new StudySpec.TestSplit(0, id);
    }

    private static String mismatch(DatasetFacts main, DatasetFacts test) {
        if (main.kind() != test.kind())
            return "its kind is " + test.kind().json() + ", not " + main.kind().json();
        if (!main.inputShape().equals(test.inputShape()))
            return "its samples are " + test.inputShape() + ", not " + main.inputShape();
        if (main.task() != test.task())
            return "its task is " + test.task().json() + ", not " + main.task().json();
        if (main.numClasses() != test.numClasses())
            return "it has " + test.numClasses() + " classes, not " + main.numClasses();
        return null;
    }
}
