package dev.tunelab.core.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.messages.MetricNames;
import dev.tunelab.core.search.PrunerSpec;
import dev.tunelab.core.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Reads a submitted study, fills in defaults and reports every problem at its JSON path, so a study
 * that cannot run is refused at the door instead of failing in trial 37. Each part of the study has
 * a stage of its own ({@link SpaceParser}, {@link StudyTemplate}, {@link AlgorithmParser}, {@link
 * BudgetParser}, {@link ObjectiveParser}, {@link PrunerParser}, {@link TestSplitParser}); this
 * class reads the top-level fields and runs the stages in order.
 */
public final class StudyParser {
    public static final int MAX_TRIALS = 10_000;

    /**
     * The Gaussian process refits on every finished trial at each suggestion, O(n^3) in time and
     * O(n^2) in memory: about 0.9 s per suggestion at 2,000 trials and 5 s at 4,000 on one core
     * (docs/benchmarks.md), on the scheduler's one loop. Larger studies want tpe.
     */
    public static final int MAX_BAYESIAN_TRIALS = 2_000;

    public static final int MAX_PARALLEL = 64;
    public static final int MAX_EPOCHS = 1_000;
    public static final int MAX_ATTEMPTS = 10;

    /** A name is a label in lists and charts, not a place to store text. */
    public static final int MAX_NAME = 200;

    static final Set<String> FIELDS = Set.of(
            "name",
            "dataset",
            "objective",
            "algorithm",
            "budget",
            "validationSplit",
            "space",
            "template",
            "pruner",
            "test",
            "device");
    static final Map<Task, Set<String>> METRICS = Map.of(
            Task.CLASSIFICATION, MetricNames.objectives(Task.CLASSIFICATION, false),
            Task.REGRESSION, MetricNames.objectives(Task.REGRESSION, false));

    /** Reported only when there are two classes (ROC AUC of the positive, second class). */
    static final Set<String> BINARY_METRICS = Set.of(MetricNames.VALIDATION_PREFIX + MetricNames.AUC, MetricNames.AUC);

    private final Function<String, Optional<DatasetFacts>> datasets;
    private final LongSupplier seeds;
    private final StudyLimits limits;

    /**
     * @param datasets looks up a dataset by id
     * @param seeds gives a seed when the study names none, so every stored study is reproducible
     */
    public StudyParser(Function<String, Optional<DatasetFacts>> datasets, LongSupplier seeds) {
        this(datasets, seeds, StudyLimits.DEFAULT);
    }

    /** A parser that bounds a study's size by {@code limits} (the API passes the configured ones). */
    public StudyParser(Function<String, Optional<DatasetFacts>> datasets, LongSupplier seeds, StudyLimits limits) {
        this.datasets = datasets;
        this.seeds = seeds;
        this.limits = limits;
    }

    /** The validated study; throws {@link InvalidStudyException} listing every violation. */
    public StudySpec parse(JsonNode root) {
        List<Violation> out = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new InvalidStudyException(List.of(new Violation("$", "a study is a JSON object")));
        }
        // Before anything reads a value: the passes below recurse, and a dataset id holding U+0000
        // must not reach a query.
        Nesting.check(root, "$", out);
        if (!out.isEmpty()) throw new InvalidStudyException(out);
        SafeText.check(root, "$", out);
        if (!out.isEmpty()) throw new InvalidStudyException(out);
        JsonFields.unknown(root, FIELDS, "$", out);

        DatasetFacts facts = null;
        String dataset = null;
        JsonNode ds = root.get("dataset");
        if (ds == null || !ds.isTextual() || ds.asText().isBlank()) {
            out.add(new Violation("$.dataset", "is required: the id of an uploaded dataset, or \"iris\""));
        } else {
            dataset = ds.asText();
            facts = datasets.apply(dataset).orElse(null);
            if (facts == null) out.add(new Violation("$.dataset", "no dataset with id '" + dataset + "'"));
        }

        // Violations are reported in the order the stages run, so that order is part of the contract.
        SearchSpace written = SpaceParser.parse(root.get("space"), "$.space", out);
        StudyTemplate template = StudyTemplate.parse(root.get("template"), written, facts, limits, out);
        SearchSpace space = template.space();
        StudySpec.Algorithm algorithm = AlgorithmParser.parse(root.get("algorithm"), seeds, out);
        AlgorithmParser.checkSpace(algorithm, space, out);
        StudySpec.Budget budget = BudgetParser.parse(root.get("budget"), algorithm, space, limits, out);
        StudySpec.Objective objective = ObjectiveParser.parse(root.get("objective"), facts, out);
        PrunerSpec pruner = PrunerParser.parse(root.get("pruner"), budget.epochs(), out);
        double split = validationSplit(root.get("validationSplit"), out);
        StudySpec.TestSplit test = TestSplitParser.parse(root.get("test"), dataset, facts, split, datasets, out);
        String device = device(root.get("device"), out);
        String given = name(root.get("name"), out);

        if (!out.isEmpty()) throw new InvalidStudyException(out);
        String name = given != null ? given : dataset + " " + algorithm.name();
        return new StudySpec(
                name,
                dataset,
                objective,
                algorithm,
                budget,
                split,
                space,
                template.template(),
                pruner,
                template.architecture(),
                test,
                device);
    }

    /** The name as given, stripped; null when absent, null or blank (the study is then named for you). */
    private static String name(JsonNode v, List<Violation> out) {
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) {
            out.add(new Violation(
                    "$.name", "must be a string, got " + v.getNodeType().name().toLowerCase(Locale.ROOT)));
            return null;
        }
        String name = v.asText().strip();
        if (name.length() > MAX_NAME) {
            out.add(new Violation("$.name", "must be at most " + MAX_NAME + " characters, got " + name.length()));
            return null;
        }
        return name.isEmpty() ? null : name;
    }

    private static String device(JsonNode v, List<Violation> out) {
        if (v == null) return StudySpec.CPU;
        if (v.isTextual() && Set.of(StudySpec.CPU, StudySpec.GPU).contains(v.asText())) return v.asText();
        out.add(new Violation("$.device", "must be \"cpu\" or \"gpu\", got " + v));
        return StudySpec.CPU;
    }

    private static double validationSplit(JsonNode v, List<Violation> out) {
        if (v == null) return 0.2;
        if (!v.isNumber() || v.asDouble() < 0.05 || v.asDouble() > 0.5) {
            out.add(new Violation("$.validationSplit", "must be a number from 0.05 to 0.5, got " + v));
            return 0.2;
        }
        return v.asDouble();
    }
}
