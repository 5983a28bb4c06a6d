package dev.tunelab.worker.training;

import dev.tunelab.core.messages.TrialCommand;
import dev.tunelab.core.study.Task;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.dataset.api.preprocessor.serializer.NormalizerSerializer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains one trial attempt end to end: split, standardize, build, fit epoch by epoch with metrics,
 * then package the model with its normalizer and model card.
 *
 * <p>Everything random is seeded from the command, so a redelivered or retried trial trains the
 * same network: the split uses {@code seed} (the same validation rows for every trial of a study,
 * so trials are compared fairly), the network and minibatch order use {@code seed + number} (so
 * trials differ from each other). The normalizer is fitted on the training rows only, so no
 * validation statistics leak into training. Stops are honoured between epochs, where the metrics
 * that a pruner judges have just been reported.
 *
 * <p>Holds no state: one instance may serve concurrent trials on different threads (ND4J's random
 * generator, seeded here, is per thread).
 */
public final class TrialTrainer {
  private static final Map<Task, Set<String>> OBJECTIVES = Map.of(
      Task.CLASSIFICATION, Set.of("loss", "accuracy", "val_loss", "val_accuracy"),
      Task.REGRESSION, Set.of("loss", "rmse", "val_loss", "val_rmse"));

  private final Clock clock;

  public TrialTrainer() {
    this(Clock.systemUTC());
  }

  /** @param clock source of the model card's {@code createdAt} */
  public TrialTrainer(Clock clock) {
    this.clock = clock;
  }

  /**
   * @param classes the classes in index order (classification), or null (regression)
   * @param stopRequested polled before each epoch after the first; true ends training early
   * @throws IllegalArgumentException when the command does not fit the data (objective metric
   *     of another task, output units that are not the class count)
   */
  public TrainingResult train(
      TrialCommand cmd, TabularData data, List<String> classes, EpochListener listener,
      BooleanSupplier stopRequested) {
    Task task = data.task();
    int classCount = checkFits(cmd, task, classes);

    Nd4j.getRandom().setSeed(cmd.seed());
    Split split = Split.of(data.rows(), cmd.validationSplit(), cmd.seed());
    DataSet train = DataSets.of(data, split.train(), classCount);
    DataSet validation = DataSets.of(data, split.validation(), classCount);
    NormalizerStandardize normalizer = new NormalizerStandardize();
    normalizer.fit(train);
    normalizer.preProcess(train);
    normalizer.preProcess(validation);

    long netSeed = cmd.seed() + cmd.number();
    MultiLayerNetwork net = NetworkFactory.build(cmd.model(), data.featureNames().size(), netSeed);
    Random shuffle = new Random(netSeed);
    int batchSize = cmd.model().batchSize();

    boolean stopped = false;
    int epochsDone = 0;
    Map<String, Double> metrics = Map.of();
    for (int epoch = 1; epoch <= cmd.epochs(); epoch++) {
      if (epoch > 1 && stopRequested.getAsBoolean()) {
        stopped = true;
        break;
      }
      fitEpoch(net, train, batchSize, shuffle);
      metrics = Collections.unmodifiableMap(Metrics.of(net, train, validation, task));
      epochsDone = epoch;
      listener.onEpoch(epoch, metrics);
    }
    Double objective = metrics.get(cmd.objectiveMetric());

    ModelCard card = new ModelCard(
        ModelCard.FORMAT, cmd.trialId(), cmd.studyId(), cmd.number(), cmd.attempt(),
        cmd.datasetId(), task, data.featureNames(), task == Task.CLASSIFICATION ? classes : null,
        cmd.params(), cmd.model(), epochsDone, metrics, cmd.objectiveMetric(), objective,
        new ModelCard.SplitInfo(cmd.seed(), cmd.validationSplit(), split.validation().clone()),
        clock.instant().toString(), ModelCard.FRAMEWORK);
    byte[] zip = artifact(net, normalizer, card);
    return new TrainingResult(stopped, epochsDone, metrics, objective, zip, card);
  }

  /** Checks what DL4J would otherwise report as a shape error deep in training. */
  private static int checkFits(TrialCommand cmd, Task task, List<String> classes) {
    if (!OBJECTIVES.get(task).contains(cmd.objectiveMetric())) {
      throw new IllegalArgumentException("objective metric '" + cmd.objectiveMetric()
          + "' is not reported for " + task.json() + "; one of " + OBJECTIVES.get(task));
    }
    if (task == Task.CLASSIFICATION && (classes == null || classes.size() < 2)) {
      throw new IllegalArgumentException("classification needs at least 2 classes, got " + classes);
    }
    int expected = task == Task.CLASSIFICATION ? classes.size() : 1;
    if (cmd.model().output().units() != expected) {
      throw new IllegalArgumentException("output layer has " + cmd.model().output().units()
          + " units, the " + task.json() + " data needs " + expected);
    }
    return expected;
  }

  /** One pass over the training rows in a fresh seeded order, in minibatches. */
  private static void fitEpoch(MultiLayerNetwork net, DataSet train, int batchSize, Random rnd) {
    int n = train.numExamples();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) order[i] = i;
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (int from = 0; from < n; from += batchSize) {
      int[] rows = Arrays.copyOfRange(order, from, Math.min(n, from + batchSize));
      net.fit(new DataSet(train.getFeatures().getRows(rows), train.getLabels().getRows(rows)));
    }
  }

  /**
   * The DL4J model zip with the normalizer and the card added as entries. Equivalent to {@code
   * ModelSerializer.writeModel(net, file, true, normalizer)}, which in M2.1 fails with the
   * commons-io on this classpath: its normalizer writer closes the zip stream and the final flush
   * then throws. Both restore methods read the entries by name, so the result is the same.
   */
  private static byte[] artifact(
      MultiLayerNetwork net, NormalizerStandardize normalizer, ModelCard card) {
    ByteArrayOutputStream model = new ByteArrayOutputStream();
    ByteArrayOutputStream norm = new ByteArrayOutputStream();
    try {
      // saveUpdater=true: the artifact can be fine-tuned later with Adam's moments intact.
      ModelSerializer.writeModel(net, model, true);
      NormalizerSerializer.getDefault().write(normalizer, norm);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, byte[]> extra = new LinkedHashMap<>();
    extra.put(ModelSerializer.NORMALIZER_BIN, norm.toByteArray());
    extra.put(ModelCard.ENTRY, card.toJson());
    return ModelZip.withEntries(model.toByteArray(), extra);
  }

}
