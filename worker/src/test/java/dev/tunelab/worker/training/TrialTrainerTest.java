package dev.tunelab.worker.training;

import static dev.tunelab.worker.training.Specs.layer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.data.DatasetKind;
import dev.tunelab.core.data.DatasetMeta;
import dev.tunelab.core.data.SampleReader;
import dev.tunelab.core.data.Samples;
import dev.tunelab.core.messages.ArtifactEntries;
import dev.tunelab.core.messages.TrialCommand;
import dev.tunelab.core.study.Task;
import dev.tunelab.core.template.ModelSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

class TrialTrainerTest {
    static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");

    static Samples iris() throws IOException {
        return SampleReader.readUpload(DatasetMeta.table("species", Task.CLASSIFICATION), resource("iris.csv"));
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TrialTrainerTest.class.getResourceAsStream("/" + name)) {
            return in.readAllBytes();
        }
    }

    static TrialCommand command(ModelSpec model, int epochs, String objective, double testFraction) {
        return new TrialCommand(
                TrialCommand.VERSION,
                UUID.randomUUID(),
                UUID.randomUUID(),
                3,
                1,
                "ds-1",
                Map.of("units", 16),
                model,
                epochs,
                42L,
                0.2,
                objective,
                testFraction,
                false);
    }

    static ModelSpec irisModel() {
        return Specs.spec(
                List.of(4),
                Specs.softmax(3),
                "adam",
                0.01,
                16,
                layer("Dense", "units", 16, "activation", "relu"),
                layer("Dropout", "rate", 0.1));
    }

    @Test
    void trainsIrisAndTheArtifactRestoresWithModelSerializerAndPredictsTheSame() throws IOException {
        Samples iris = iris();
        List<Integer> epochs = new ArrayList<>();
        TrainingResult r = new TrialTrainer()
                .train(
                        command(irisModel(), 30, "val_accuracy", 0),
                        iris,
                        (epoch, metrics) -> {
                            epochs.add(epoch);
                            assertEquals(
                                    List.of("loss", "accuracy", "log_loss", "val_loss", "val_accuracy", "val_log_loss"),
                                    List.copyOf(metrics.keySet()));
                        },
                        () -> false);

        assertFalse(r.stopped());
        assertEquals(30, r.epochsDone());
        assertEquals(List.of(1, 2, 3), epochs.subList(0, 3));
        double valAccuracy = r.finalMetrics().get("val_accuracy");
        assertTrue(valAccuracy >= 0.9, "val_accuracy " + valAccuracy);
        assertEquals(valAccuracy, r.objective());
        // No regularizer: the loss is the log loss.
        assertEquals(r.finalMetrics().get("val_log_loss"), r.finalMetrics().get("val_loss"), 1e-9);

        ModelCard card = ModelCard.fromJson(ModelZip.entry(r.artifactZip(), ArtifactEntries.MODEL_CARD));
        assertEquals(ModelCard.FORMAT, card.format());
        assertEquals(SPECIES, card.classes());
        assertEquals(DatasetKind.TABLE, card.kind());
        assertEquals(List.of(4), card.inputShape());
        assertEquals(irisModel(), card.model());
        assertEquals(30, card.split().validationRows().length);
        assertEquals(0, card.split().testRows().length);

        MultiLayerNetwork net =
                ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(r.artifactZip()), false);
        NormalizerStandardize normalizer =
                ModelSerializer.restoreNormalizerFromInputStream(new ByteArrayInputStream(r.artifactZip()));
        int[] rows = card.split().validationRows();
        Head head = Head.of(Task.CLASSIFICATION, card.model().output());
        INDArray x = DataSets.features(iris, rows);
        normalizer.transform(x);
        double[][] p = Metrics.probabilities(net.output(x, false).toFloatMatrix());
        int[] y = Metrics.classIndex(DataSets.labels(iris, rows, head).toFloatMatrix());
        assertEquals(valAccuracy, Metrics.accuracy(p, y), 1e-9);
        assertEquals(r.finalMetrics().get("val_log_loss"), Metrics.logLoss(p, y), 1e-6);
    }

    @Test
    void stopsBetweenEpochsWhenAsked() throws IOException {
        AtomicInteger seen = new AtomicInteger();
        TrainingResult r = new TrialTrainer()
                .train(
                        command(irisModel(), 30, "val_loss", 0),
                        iris(),
                        (epoch, metrics) -> seen.set(epoch),
                        () -> seen.get() >= 2);

        assertTrue(r.stopped());
        assertEquals(2, r.epochsDone());
        assertEquals(2, r.card().epochs());
        assertEquals(r.finalMetrics().get("val_loss"), r.objective());
    }

    @Test
    void aStopMidEpochEndsTrainingWithinOneMinibatch() throws IOException {
        // 120 training rows in minibatches of 16: 8 per epoch. The third poll (before minibatch 4 of
        // epoch 1) says stop, so exactly 3 minibatches are fitted.
        AtomicInteger polls = new AtomicInteger();
        List<Integer> epochs = new ArrayList<>();
        TrainingResult r = new TrialTrainer()
                .train(
                        command(irisModel(), 30, "val_loss", 0),
                        iris(),
                        (epoch, metrics) -> epochs.add(epoch),
                        () -> polls.incrementAndGet() >= 3);

        assertTrue(r.stopped());
        assertEquals(0, r.epochsDone());
        assertEquals(List.of(), epochs);
        assertEquals(3, polls.get());
        // The poll before a minibatch said stop, so no minibatch followed the third poll.
        assertNull(r.artifactZip(), "a stopped trial's model is never stored, so it is not written");
    }

    @Test
    void aLossThatBecomesNaNOrInfiniteFailsTrainingWithTheEpochAndMinibatch() throws IOException {
        Samples data = SampleReader.readUpload(DatasetMeta.table("y", Task.REGRESSION), resource("linear.csv"));
        // Plain SGD with a learning rate of 1e12 overshoots further on every step.
        ModelSpec exploding = Specs.spec(
                List.of(2), Specs.linear(), "sgd", 1e12, 16, layer("Dense", "units", 4, "activation", "relu"));
        List<Integer> epochs = new ArrayList<>();
        TrainingFailed e = assertThrows(
                TrainingFailed.class,
                () -> new TrialTrainer()
                        .train(
                                command(exploding, 50, "val_rmse", 0),
                                data,
                                (epoch, m) -> epochs.add(epoch),
                                () -> false));
        assertTrue(e.getMessage().matches("loss became (NaN|infinite) at epoch \\d+, minibatch \\d+"), e.getMessage());
        int epoch = Integer.parseInt(e.getMessage().replaceAll(".* at epoch (\\d+),.*", "$1"));
        assertEquals(epoch - 1, epochs.size(), "the failing epoch is not reported");
    }

    @Test
    void sameCommandTrainsTheSameNetwork() throws IOException {
        TrialCommand cmd = command(irisModel(), 3, "val_loss", 0.2);
        Samples iris = iris();
        TrainingResult a = new TrialTrainer().train(cmd, iris, (e, m) -> {}, () -> false);
        TrainingResult b = new TrialTrainer().train(cmd, iris, (e, m) -> {}, () -> false);
        assertEquals(a.finalMetrics(), b.finalMetrics());
    }

    @Test
    void trainsARegressionAndReportsRmseAndMae() throws IOException {
        Samples data = SampleReader.readUpload(DatasetMeta.table("y", Task.REGRESSION), resource("linear.csv"));
        ModelSpec model = Specs.spec(
                List.of(2), Specs.linear(), "adam", 0.02, 16, layer("Dense", "units", 8, "activation", "tanh"));
        TrainingResult r =
                new TrialTrainer().train(command(model, 40, "val_rmse", 0), data, (epoch, metrics) -> {}, () -> false);

        assertEquals(
                List.of("loss", "rmse", "mae", "val_loss", "val_rmse", "val_mae"),
                List.copyOf(r.finalMetrics().keySet()));
        // y = 2*x1 - x2 + N(0, 0.1) on [-2, 2]^2 has a standard deviation near 2.6.
        assertTrue(r.objective() < 0.5, "val_rmse " + r.objective());
        assertTrue(r.finalMetrics().get("val_mae") <= r.objective());
        assertEquals(Math.pow(r.objective(), 2), r.finalMetrics().get("val_loss"), 1e-6);
        assertNull(r.card().classes());
        assertEquals(Task.REGRESSION, r.card().task());
    }

    @Test
    void holdsOutTheTestRowsFirstAndNeverReportsThem() throws IOException {
        TrainingResult r = new TrialTrainer()
                .train(
                        command(irisModel(), 1, "val_loss", 0.2),
                        iris(),
                        (e, m) -> assertTrue(m.keySet().stream().noneMatch(k -> k.startsWith("test_"))),
                        () -> false);
        ModelCard.SplitInfo split = r.card().split();
        Split expected = Split.of(150, 0.2, 0.2, 42, false);
        assertArrayEquals(expected.test(), split.testRows());
        assertArrayEquals(expected.validation(), split.validationRows());
        assertEquals(30, split.testRows().length);
        assertEquals(24, split.validationRows().length);
        assertEquals(0.2, split.testFraction());
    }

    @Test
    void refusesAnObjectiveTheHeadDoesNotReportAndAMismatchedOutput() throws IOException {
        Samples iris = iris();
        assertThrows(
                IllegalArgumentException.class,
                () -> new TrialTrainer().train(command(irisModel(), 1, "val_auc", 0), iris, (e, m) -> {}, () -> false));
        ModelSpec twoClasses = Specs.spec(List.of(4), Specs.softmax(2), "adam", 0.01, 16);
        assertThrows(
                IllegalArgumentException.class,
                () -> new TrialTrainer().train(command(twoClasses, 1, "val_loss", 0), iris, (e, m) -> {}, () -> false));
    }

    @Test
    void trainingMetricsOfALargeSetUseEvenlySpreadRows() {
        int[] rows = new int[25];
        for (int i = 0; i < rows.length; i++) rows[i] = 2 * i;
        assertArrayEquals(new int[] {0, 10, 20, 30, 40}, RowOrder.evenlySpread(rows, 5));
        assertSame(rows, RowOrder.evenlySpread(rows, 25), "a small set is measured whole");
    }
}
