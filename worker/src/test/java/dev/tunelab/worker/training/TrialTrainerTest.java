package dev.tunelab.worker.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.messages.TrialCommand;
import dev.tunelab.core.study.Task;
import dev.tunelab.core.template.ModelSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

class TrialTrainerTest {
  private static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = TrialTrainerTest.class.getResourceAsStream("/" + name)) {
      return in.readAllBytes();
    }
  }

  private static TrialCommand command(ModelSpec model, int epochs, String objective) {
    return new TrialCommand(
        TrialCommand.VERSION, UUID.randomUUID(), UUID.randomUUID(), 3, 1, "ds-1",
        Map.of("units", 16), model, epochs, 42L, 0.2, objective);
  }

  private static ModelSpec irisModel() {
    return new ModelSpec(
        List.of(new ModelSpec.Layer("Dense", java.util.Map.of("units", 16, "activation", "relu")), new ModelSpec.Layer("Dropout", java.util.Map.of("rate", 0.1))),
        new ModelSpec.Output(3, "softmax", "categorical_crossentropy"), "adam", 0.01, 16);
  }

  @Test
  void trainsIrisAndTheArtifactReproducesValidationAccuracy(@TempDir Path dir) throws IOException {
    TabularData iris =
        TabularData.parse(resource("iris.csv"), "species", Task.CLASSIFICATION, SPECIES);
    List<Integer> epochs = new ArrayList<>();
    TrainingResult r = new TrialTrainer().train(
        command(irisModel(), 30, "val_accuracy"), iris, SPECIES,
        (epoch, metrics) -> {
          epochs.add(epoch);
          assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"),
              List.copyOf(metrics.keySet()));
        },
        () -> false);

    assertFalse(r.stopped());
    assertEquals(30, r.epochsDone());
    assertEquals(30, epochs.size());
    assertEquals(List.of(1, 2, 3), epochs.subList(0, 3));
    double valAccuracy = r.finalMetrics().get("val_accuracy");
    assertTrue(valAccuracy >= 0.9, "val_accuracy " + valAccuracy);
    assertEquals(valAccuracy, r.objective());

    ModelCard card = ModelCard.fromJson(ModelZip.entry(r.artifactZip(), ModelCard.ENTRY));
    assertEquals(ModelCard.FORMAT, card.format());
    assertEquals(SPECIES, card.classes());
    assertEquals(irisModel(), card.model());
    assertEquals(30, card.split().validationRows().length);
    assertEquals(valAccuracy, card.objective());

    Path file = dir.resolve("model.zip");
    Files.write(file, r.artifactZip());
    MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(file.toFile());
    NormalizerStandardize normalizer = ModelSerializer.restoreNormalizerFromFile(file.toFile());
    int[] rows = card.split().validationRows();
    INDArray x = DataSets.features(iris, rows);
    normalizer.transform(x);
    INDArray out = net.output(x, false);
    assertEquals(valAccuracy,
        Metrics.accuracy(out, DataSets.labels(iris, rows, SPECIES.size())), 1e-6);
  }

  @Test
  void stopsBetweenEpochsWhenAsked() throws IOException {
    TabularData iris =
        TabularData.parse(resource("iris.csv"), "species", Task.CLASSIFICATION, SPECIES);
    AtomicInteger seen = new AtomicInteger();
    TrainingResult r = new TrialTrainer().train(
        command(irisModel(), 30, "val_loss"), iris, SPECIES,
        (epoch, metrics) -> seen.set(epoch), () -> seen.get() >= 2);

    assertTrue(r.stopped());
    assertEquals(2, r.epochsDone());
    assertEquals(2, r.card().epochs());
    assertEquals(r.finalMetrics().get("val_loss"), r.objective());
  }

  @Test
  void sameCommandTrainsTheSameNetwork() throws IOException {
    TabularData iris =
        TabularData.parse(resource("iris.csv"), "species", Task.CLASSIFICATION, SPECIES);
    TrialCommand cmd = command(irisModel(), 3, "val_loss");
    TrainingResult a = new TrialTrainer().train(cmd, iris, SPECIES, (e, m) -> { }, () -> false);
    TrainingResult b = new TrialTrainer().train(cmd, iris, SPECIES, (e, m) -> { }, () -> false);
    assertEquals(a.finalMetrics(), b.finalMetrics());
  }

  @Test
  void trainsARegression() throws IOException {
    TabularData data = TabularData.parse(resource("linear.csv"), "y", Task.REGRESSION, null);
    ModelSpec model = new ModelSpec(
        List.of(new ModelSpec.Layer("Dense", java.util.Map.of("units", 8, "activation", "tanh"))), new ModelSpec.Output(1, "linear", "mse"),
        "adam", 0.02, 16);
    TrainingResult r = new TrialTrainer().train(
        command(model, 40, "val_rmse"), data, null, (epoch, metrics) -> { }, () -> false);

    assertEquals(List.of("loss", "rmse", "val_loss", "val_rmse"),
        List.copyOf(r.finalMetrics().keySet()));
    assertNotNull(r.objective());
    // y = 2*x1 - x2 + N(0, 0.1) on [-2, 2]^2 has a standard deviation near 2.6.
    assertTrue(r.objective() < 0.5, "val_rmse " + r.objective());
    assertNull(r.card().classes());
    assertEquals(Task.REGRESSION, r.card().task());
  }
}
