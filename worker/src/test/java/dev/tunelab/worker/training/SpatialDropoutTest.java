package dev.tunelab.worker.training;

import static dev.tunelab.worker.training.Specs.layer;
import static dev.tunelab.worker.training.Specs.reluConv3x3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.data.DatasetKind;
import dev.tunelab.core.data.Samples;
import dev.tunelab.core.study.Task;
import dev.tunelab.core.template.ModelSpec;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.dropout.SpatialDropout;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Keras's SpatialDropout2D as DL4J's SpatialDropout on a DropoutLayer: whole channels dropped. */
class SpatialDropoutTest {

    @Test
    void dropsWholeChannelsAndKeepsKerasParameterCount() {
        ModelSpec spec = Specs.spec(
                List.of(8, 8, 1),
                Specs.softmax(2),
                "adam",
                0.01,
                16,
                reluConv3x3(4),
                layer("SpatialDropout2D", "rate", 0.25),
                layer("Flatten"));
        MultiLayerNetwork net = NetworkFactory.build(spec, DatasetKind.IMAGES, spec.inputShape(), 1);
        DropoutLayer dropout =
                (DropoutLayer) net.getLayerWiseConfigurations().getConf(2).getLayer();
        // Keras's rate is the share dropped; DL4J's argument is the share kept.
        assertEquals(
                0.75,
                assertInstanceOf(SpatialDropout.class, dropout.getIDropout()).getP(),
                1e-12);
        // Keras: Conv2D 3*3*1*4 + 4 = 40, SpatialDropout2D 0, Dense(2) on 8*8*4 = 256 values 256*2 + 2
        // = 514.
        assertEquals(40 + 514, net.numParams());
    }

    @Test
    void inTrainingEachChannelIsKeptOrDroppedWhole() {
        ModelSpec spec = Specs.spec(
                List.of(4, 4, 3),
                Specs.softmax(2),
                "adam",
                0.01,
                16,
                layer("SpatialDropout2D", "rate", 0.5),
                layer("Flatten"));
        MultiLayerNetwork net = NetworkFactory.build(spec, DatasetKind.IMAGES, spec.inputShape(), 1);
        INDArray ones = Nd4j.ones(DataType.FLOAT, 8, 3, 4, 4);
        INDArray out = net.feedForward(ones, true).get(1);
        for (int n = 0; n < 8; n++) {
            for (int c = 0; c < 3; c++) {
                INDArray map = out.get(NDArrayIndex.point(n), NDArrayIndex.point(c));
                double first = map.getDouble(0, 0);
                // Kept channels are scaled by 1 / 0.5 so the expected activation is unchanged.
                assertTrue(first == 0 || first == 2, "value " + first);
                assertEquals(first * 16, map.sumNumber().doubleValue(), 1e-5, "channel " + c + " of sample " + n);
            }
        }
    }

    @Test
    void aTinyCnnWithSpatialDropoutStillLearns() {
        Random rnd = new Random(1);
        int n = 200;
        float[][] x = new float[n][64];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int p = 0; p < 64; p++) x[i][p] = rnd.nextInt(120) + (((p < 32) == (y[i] == 0)) ? 100 : 0);
        }
        ModelSpec cnn = Specs.spec(
                List.of(8, 8, 1),
                Specs.softmax(2),
                "adam",
                0.01,
                16,
                reluConv3x3(4),
                layer("SpatialDropout2D", "rate", 0.25),
                layer("MaxPooling2D", "pool_size", List.of(2, 2), "strides", List.of(2, 2), "padding", "valid"),
                layer("Flatten"));
        Samples data = new Samples(
                DatasetKind.IMAGES,
                Task.CLASSIFICATION,
                List.of(8, 8, 1),
                x,
                List.of("a", "b"),
                y,
                null,
                List.of(),
                false);
        TrainingResult r = new TrialTrainer()
                .train(TrialTrainerTest.command(cnn, 8, "val_accuracy", 0), data, (e, m) -> {}, () -> false);
        assertTrue(r.objective() >= 0.9, "val_accuracy " + r.objective());
    }
}
