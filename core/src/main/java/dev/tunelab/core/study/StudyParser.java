package dev.tunelab.core.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.search.PrunerSpec;
import dev.tunelab.core.search.SearchNames;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.template.Architecture;
import dev.tunelab.core.template.ArchitectureSpace;
import dev.tunelab.core.template.SpaceSummary;
import dev.tunelab.core.template.TemplateChecker;
import dev.tunelab.core.template.keras.KerasImport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Reads a submitted study, fills in defaults and reports every problem at its JSON path, so a
 * study that cannot run is refused at the door instead of failing in trial 37.
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
  static final List<String> ALGORITHMS = SearchNames.SAMPLERS;
  static final Set<String> FIELDS = Set.of(
      "name", "dataset", "objective", "algorithm", "budget", "validationSplit", "space", "template", "pruner", "test", "device");
  static final Map<Task, Set<String>> METRICS = Map.of(
      Task.CLASSIFICATION, Set.of("val_accuracy", "accuracy", "val_loss", "loss", "val_log_loss", "log_loss"),
      Task.REGRESSION, Set.of("val_rmse", "rmse", "val_mae", "mae", "val_loss", "loss"));
  /** Reported only when there are two classes (ROC AUC of the positive, second class). */
  static final Set<String> BINARY_METRICS = Set.of("val_auc", "auc");

  private final Function<String, Optional<DatasetFacts>> datasets;
  private final LongSupplier seeds;

  /**
   * @param datasets looks up a dataset by id
   * @param seeds gives a seed when the study names none, so every stored study is reproducible
   */
  public StudyParser(Function<String, Optional<DatasetFacts>> datasets, LongSupplier seeds) {
    this.datasets = datasets;
    this.seeds = seeds;
  }

  /** The validated study; throws {@link InvalidStudyException} listing every violation. */
  public StudySpec parse(JsonNode root) {
    List<Violation> out = new ArrayList<>();
    if (root == null || !root.isObject()) {
      throw new InvalidStudyException(List.of(new Violation("$", "a study is a JSON object")));
    }
    root.fieldNames().forEachRemaining(f -> {
      if (!FIELDS.contains(f)) out.add(new Violation("$." + f, "unknown field; allowed: " + new java.util.TreeSet<>(FIELDS)));
    });

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
    Task task = facts == null ? null : facts.task();

    SearchSpace written = SpaceParser.parse(root.get("space"), "$.space", out);
    JsonNode given = root.get("template");
    boolean keras = given != null && given.isObject() && given.has("keras");
    JsonNode template = keras ? nativeTemplate(given, facts, out) : given;
    SearchSpace space = written;
    SpaceSummary architecture = null;
    if (!keras || template != null) {
      int before = out.size();
      out.addAll(TemplateChecker.check(template, written, facts, "$.template"));
      if (out.size() == before) space = ArchitectureSpace.expand(template, written, "$.template", out);
      if (out.size() == before && facts != null) {
        architecture = Architecture.summarize(template, space, facts);
        if (architecture.noneValid()) {
          out.add(new Violation(architecture.invalidPath(),
              "no point of the search space gives a valid network: " + architecture.invalidReason()));
        }
      }
    }
    StudySpec.Algorithm algorithm = algorithm(root.get("algorithm"), out);
    if (SearchNames.GRID.equals(algorithm.name()) && space.gridSize() < 0) {
      out.add(new Violation("$.space", "grid search needs finite parameters: a float range needs \"gridPoints\""));
    }
    if (SearchNames.GRID.equals(algorithm.name()) && space.params().isEmpty()) {
      out.add(new Violation("$.space", "grid search needs at least one parameter"));
    }
    StudySpec.Budget budget = budget(root.get("budget"), algorithm, space, out);
    StudySpec.Objective objective = objective(root.get("objective"), facts, out);
    PrunerSpec pruner = PrunerParser.parse(root.get("pruner"), budget.epochs(), out);
    double split = validationSplit(root.get("validationSplit"), out);
    StudySpec.TestSplit test = test(root.get("test"), dataset, facts, split, out);
    String device = device(root.get("device"), out);

    if (!out.isEmpty()) throw new InvalidStudyException(out);
    JsonNode nameNode = root.get("name");
    String name = nameNode != null && nameNode.isTextual() && !nameNode.asText().isBlank()
        ? nameNode.asText().strip()
        : dataset + " " + algorithm.name();
    return new StudySpec(name, dataset, objective, algorithm, budget, split, space, template, pruner, architecture, test, device);
  }

  /**
   * The template in TuneLab's own form: a Keras {@code to_json()} template is converted first, so
   * everything after this checks, expands and stores one language. Null when it could not be
   * converted (the violations say why).
   */
  private static JsonNode nativeTemplate(JsonNode template, DatasetFacts facts, List<Violation> out) {
    int before = out.size();
    JsonNode converted = KerasImport.toNative(template, facts, "$.template", out);
    return out.size() == before ? converted : null;
  }

  /** The held-out test split: a fraction of the dataset, or a separate dataset of the same shape. */
  private StudySpec.TestSplit test(JsonNode n, String dataset, DatasetFacts facts, double split, List<Violation> out) {
    if (n == null) return null;
    if (!n.isObject() || n.has("fraction") == n.has("dataset")) {
      out.add(new Violation("$.test", "must be {\"fraction\": 0.1} or {\"dataset\": \"<id>\"}, got " + n));
      return null;
    }
    unknown(n, Set.of("fraction", "dataset"), "$.test", out);
    JsonNode f = n.get("fraction");
    if (f != null) {
      if (!f.isNumber() || f.asDouble() < 0.05 || f.asDouble() > 0.5) {
        out.add(new Violation("$.test.fraction", "must be a number from 0.05 to 0.5, got " + f));
        return null;
      }
      if (f.asDouble() + split > 0.7) {
        out.add(new Violation("$.test.fraction", "with validationSplit " + split + " it leaves less than 30% of the data for training"));
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
      out.add(new Violation("$.test.dataset", "is the study's own dataset; a test set must be data the study never tunes on"));
      return null;
    }
    Optional<DatasetFacts> testFacts = datasets.apply(id);
    if (testFacts.isEmpty()) {
      out.add(new Violation("$.test.dataset", "no dataset with id '" + id + "'"));
      return null;
    }
    String mismatch = facts == null ? null : mismatch(facts, testFacts.get());
    if (mismatch != null) {
      out.add(new Violation("$.test.dataset", "dataset '" + id + "' does not match the study's dataset: " + mismatch));
      return null;
    }
    return new StudySpec.TestSplit(0, id);
  }

  private static String mismatch(DatasetFacts main, DatasetFacts test) {
    if (main.kind() != test.kind()) return "its kind is " + test.kind().json() + ", not " + main.kind().json();
    if (!main.inputShape().equals(test.inputShape())) return "its samples are " + test.inputShape() + ", not " + main.inputShape();
    if (main.task() != test.task()) return "its task is " + test.task().json() + ", not " + main.task().json();
    if (main.numClasses() != test.numClasses()) return "it has " + test.numClasses() + " classes, not " + main.numClasses();
    return null;
  }

  private StudySpec.Algorithm algorithm(JsonNode n, List<Violation> out) {
    if (n == null) return new StudySpec.Algorithm(SearchNames.BAYESIAN, seeds.getAsLong());
    if (!n.isObject()) {
      out.add(new Violation("$.algorithm", "must be an object such as {\"name\": \"random\", \"seed\": 42}"));
      return new StudySpec.Algorithm(SearchNames.BAYESIAN, 0);
    }
    unknown(n, Set.of("name", "seed"), "$.algorithm", out);
    String name = n.path("name").asText(SearchNames.BAYESIAN);
    if (!ALGORITHMS.contains(name)) {
      out.add(new Violation("$.algorithm.name", "must be one of " + ALGORITHMS + ", got " + n.get("name")));
    }
    long seed;
    JsonNode s = n.get("seed");
    if (s == null) {
      seed = seeds.getAsLong();
    } else if (!s.isIntegralNumber() || !s.canConvertToLong()) {
      out.add(new Violation("$.algorithm.seed", "must be an integer, got " + s));
      seed = 0;
    } else {
      seed = s.asLong();
    }
    return new StudySpec.Algorithm(name, seed);
  }

  private StudySpec.Budget budget(JsonNode n, StudySpec.Algorithm algorithm, SearchSpace space, List<Violation> out) {
    if (n != null && !n.isObject()) {
      out.add(new Violation("$.budget", "must be an object with maxTrials, parallelTrials, epochs, maxAttempts"));
      n = null;
    }
    if (n != null) unknown(n, Set.of("maxTrials", "parallelTrials", "epochs", "maxAttempts"), "$.budget", out);
    long grid = space.gridSize();
    int defaultTrials = SearchNames.GRID.equals(algorithm.name()) && grid > 0 ? (int) Math.min(grid, MAX_TRIALS) : 20;
    int maxTrials;
    if (SearchNames.BAYESIAN.equals(algorithm.name())) {
      maxTrials = bounded(n, "maxTrials", defaultTrials, MAX_BAYESIAN_TRIALS,
          " with algorithm bayesian (its Gaussian process refits on every trial; use tpe for larger studies)", out);
    } else {
      maxTrials = bounded(n, "maxTrials", defaultTrials, MAX_TRIALS, out);
    }
    int parallel = bounded(n, "parallelTrials", 2, MAX_PARALLEL, out);
    int epochs = bounded(n, "epochs", 20, MAX_EPOCHS, out);
    int attempts = bounded(n, "maxAttempts", StudySpec.Budget.DEFAULT_ATTEMPTS, MAX_ATTEMPTS, out);
    return new StudySpec.Budget(maxTrials, parallel, epochs, attempts);
  }

  private static int bounded(JsonNode n, String key, int dflt, int max, List<Violation> out) {
    return bounded(n, key, dflt, max, "", out);
  }

  private static int bounded(JsonNode n, String key, int dflt, int max, String why, List<Violation> out) {
    JsonNode v = n == null ? null : n.get(key);
    if (v == null) return dflt;
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1 || v.asInt() > max) {
      out.add(new Violation("$.budget." + key, "must be an integer from 1 to " + max + why + ", got " + v));
      return dflt;
    }
    return v.asInt();
  }

  private StudySpec.Objective objective(JsonNode n, DatasetFacts facts, List<Violation> out) {
    Task task = facts == null ? null : facts.task();
    String dfltMetric = task == Task.REGRESSION ? "val_rmse" : "val_accuracy";
    if (n == null) return new StudySpec.Objective(dfltMetric, defaultDirection(dfltMetric));
    if (!n.isObject()) {
      out.add(new Violation("$.objective", "must be an object such as {\"metric\": \"val_accuracy\", \"direction\": \"maximize\"}"));
      return new StudySpec.Objective(dfltMetric, defaultDirection(dfltMetric));
    }
    unknown(n, Set.of("metric", "direction"), "$.objective", out);
    String metric = n.path("metric").asText(dfltMetric);
    if (task != null) {
      Set<String> allowed = new java.util.TreeSet<>(METRICS.get(task));
      if (task == Task.CLASSIFICATION && facts.numClasses() == 2) allowed.addAll(BINARY_METRICS);
      if (!allowed.contains(metric)) {
        String binary = BINARY_METRICS.contains(metric) && task == Task.CLASSIFICATION ? " (AUC needs two classes)" : "";
        out.add(new Violation("$.objective.metric", "a " + task.json() + " study can optimize " + allowed
            + ", not '" + metric + "'" + binary));
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

  private static void unknown(JsonNode n, Set<String> keys, String path, List<Violation> out) {
    n.fieldNames().forEachRemaining(f -> {
      if (!keys.contains(f)) out.add(new Violation(path + "." + f, "unknown field; allowed: " + new java.util.TreeSet<>(keys)));
    });
  }
}
