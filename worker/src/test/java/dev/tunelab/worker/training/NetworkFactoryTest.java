package dev.tunelab.worker.training;

import static dev.tunelab.worker.training.Specs.layer;
import static dev.tunelab.worker.training.Specs.softmax;
import static dev.tunelab.worker.training.Specs.spec;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.data.DatasetKind;
import dev.tunelab.core.data.Samples;
import dev.tunelab.core.study.Task;
import dev.tunelab.core.template.ModelSpec;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.same.ASum;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.learning.regularization.WeightDecay;

class NetworkFactoryTest {

    private static MultiLayerNetwork table(ModelSpec spec) {
        return NetworkFactory.build(spec, DatasetKind.TABLE, spec.inputShape(), 1);
    }

    @Test
    void mapsKerasVocabularyToDl4j() {
        MultiLayerNetwork net = table(spec(
                List.of(4),
                softmax(3),
                "rmsprop",
                0.003,
                8,
                layer("Dense", "units", 5, "activation", "leaky_relu"),
                layer("Dropout", "rate", 0.25),
                layer("Dropout", "rate", 0.0)));

        assertEquals(4, net.getnLayers());
        DenseLayer dense =
                (DenseLayer) net.getLayerWiseConfigurations().getConf(0).getLayer();
        assertEquals(4, dense.getNIn());
        assertEquals(5, dense.getNOut());
        assertEquals(0.2, ((ActivationLReLU) dense.getActivationFn()).getAlpha(), 1e-12);
        assertEquals(0.003, ((RmsProp) dense.getIUpdater()).getLearningRate(), 1e-12);
        assertEquals(0.9, ((RmsProp) dense.getIUpdater()).getRmsDecay(), 1e-12);

        // Keras drops 25%: DL4J must RETAIN 75%.
        DropoutLayer dropout =
                (DropoutLayer) net.getLayerWiseConfigurations().getConf(1).getLayer();
        assertEquals(0.75, ((Dropout) dropout.getIDropout()).getP(), 1e-12);
        assertNull(((DropoutLayer) net.getLayerWiseConfigurations().getConf(2).getLayer()).getIDropout());

        OutputLayer out =
                (OutputLayer) net.getLayerWiseConfigurations().getConf(3).getLayer();
        assertEquals(5, out.getNIn());
        assertEquals(3, out.getNOut());
        assertInstanceOf(ActivationSoftmax.class, out.getActivationFn());
        assertEquals(4 * 5 + 5 + 5 * 3 + 3, net.numParams());
    }

    @Test
    void l2PenaltyIsKerasLambdaTimesSumOfSquaresAndL1IsLambdaTimesSumOfMagnitudes() {
        MultiLayerNetwork net = table(spec(
                List.of(3),
                softmax(2),
                "adam",
                0.01,
                8,
                layer("Dense", "units", 4, "use_bias", false, "kernel_regularizer", Map.of("l1", 0.0, "l2", 0.05))));
        INDArray w = net.getParam("0_W");
        assertEquals(0.05 * w.mul(w).sumNumber().doubleValue(), net.calcRegularizationScore(true), 1e-6);

        net = table(spec(
                List.of(3),
                softmax(2),
                "adam",
                0.01,
                8,
                layer("Dense", "units", 4, "kernel_regularizer", Map.of("l1", 0.02, "l2", 0.0))));
        w = net.getParam("0_W");
        assertEquals(
                0.02 * Nd4j.getExecutioner().exec(new ASum(w)).getDouble(0), net.calcRegularizationScore(true), 1e-6);
    }

    @Test
    void lecunUniformHasKerasBound() {
        MultiLayerNetwork net = table(spec(
                List.of(300),
                softmax(2),
                "adam",
                0.01,
                8,
                layer("Dense", "units", 200, "kernel_initializer", "lecun_uniform")));
        double max = net.getParam("0_W").amaxNumber().doubleValue();
        double bound = Math.sqrt(3.0 / 300);
        assertTrue(max <= bound && max > 0.98 * bound, max + " vs " + bound);
    }

    @Test
    void optimizersFollowKeras() {
        ModelSpec.Layer dense = layer("Dense", "units", 2);
        ModelSpec momentum = new ModelSpec(
                List.of(dense),
                softmax(2),
                "sgd",
                0.1,
                8,
                Map.of("momentum", 0.9, "nesterov", true),
                null,
                List.of(3),
                0);
        assertEquals(0.9, ((Nesterovs) Optimizers.updater(momentum)).getMomentum(), 1e-12);
        ModelSpec plain = new ModelSpec(
                List.of(dense),
                softmax(2),
                "sgd",
                0.1,
                8,
                Map.of("momentum", 0.0, "nesterov", false),
                null,
                List.of(3),
                0);
        assertInstanceOf(Sgd.class, Optimizers.updater(plain));

        ModelSpec adamw = new ModelSpec(
                List.of(dense, layer("Dense", "units", 2, "kernel_regularizer", Map.of("l1", 0.0, "l2", 0.1))),
                softmax(2),
                "adamw",
                0.01,
                8,
                Map.of("weight_decay", 0.004),
                null,
                List.of(3),
                0);
        MultiLayerNetwork net = table(adamw);
        for (int i = 0; i < 3; i++) {
            var layer = (BaseLayer) net.getLayerWiseConfigurations().getConf(i).getLayer();
            assertTrue(layer.getRegularization().stream().anyMatch(r -> r instanceof WeightDecay), "layer " + i);
            assertTrue(
                    layer.getRegularizationBias().stream().anyMatch(r -> r instanceof WeightDecay),
                    "bias of layer " + i);
        }
        for (String name : List.of("adam", "rmsprop", "adagrad", "nadam")) {
            table(new ModelSpec(List.of(dense), softmax(2), name, 0.01, 8, Map.of(), null, List.of(3), 0));
        }
    }

    @Test
    void imagesArriveChannelsLastAndAreFedAsNchw() {
        // One 2x2 image with 3 channels: pixel p, channel c holds 10*p + c.
        float[] hwc = new float[12];
        for (int p = 0; p < 4; p++) for (int c = 0; c < 3; c++) hwc[p * 3 + c] = 10 * p + c;
        var samples = new Samples(
                DatasetKind.IMAGES,
                Task.REGRESSION,
                List.of(2, 2, 3),
                new float[][] {hwc},
                null,
                null,
                new double[1],
                List.of(),
                false);
        INDArray x = DataSets.features(samples, new int[] {0});
        assertArrayEquals(new long[] {1, 3, 2, 2}, x.shape());
        assertEquals(21f, x.getFloat(0, 1, 1, 0)); // channel 1 of pixel (row 1, column 0) = pixel 2
        var series = new Samples(
                DatasetKind.TIMESERIES,
                Task.REGRESSION,
                List.of(3, 2),
                new float[][] {{1, 2, 3, 4, 5, 6}},
                null,
                null,
                new double[1],
                List.of(),
                false);
        INDArray s = DataSets.features(series, new int[] {0});
        assertArrayEquals(new long[] {1, 2, 3}, s.shape());
        assertEquals(
                Nd4j.create(new float[] {2, 4, 6}).castTo(DataType.FLOAT),
                s.get(NDArrayIndex.point(0), NDArrayIndex.point(1), NDArrayIndex.all()));
    }

    @Test
    void flattenActsBeforeTheNextLayerAndBatchNormOnSequencesNormalizesFeatures() {
        // BatchNormalization after Flatten normalizes each of the 4*4*2 flat features, as in Keras.
        ModelSpec flat = spec(
                List.of(8, 8, 1),
                softmax(2),
                "adam",
                0.01,
                8,
                layer(
                        "Conv2D",
                        "filters",
                        2,
                        "kernel_size",
                        List.of(3, 3),
                        "strides",
                        List.of(2, 2),
                        "padding",
                        "same"),
                layer("MaxPooling2D", "pool_size", List.of(1, 1), "strides", List.of(1, 1), "padding", "valid"),
                layer("Flatten"),
                layer("BatchNormalization", "momentum", 0.99, "epsilon", 0.001));
        MultiLayerNetwork net = NetworkFactory.build(flat, DatasetKind.IMAGES, flat.inputShape(), 1);
        assertEquals(4 * 4 * 4 * 2, net.getLayer(2).numParams());
        assertArrayEquals(
                new long[] {3, 2},
                net.output(Nd4j.rand(DataType.FLOAT, 3, 1, 8, 8)).shape());

        ModelSpec seq = spec(
                List.of(6, 3),
                softmax(2),
                "adam",
                0.01,
                8,
                layer("BatchNormalization", "momentum", 0.99, "epsilon", 0.001),
                layer("LSTM", "units", 4, "return_sequences", false));
        MultiLayerNetwork rnn = NetworkFactory.build(seq, DatasetKind.TIMESERIES, seq.inputShape(), 1);
        assertEquals(4 * 3, rnn.getLayer(0).numParams());
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 3, 6);
        rnn.fit(x, Nd4j.eye(2).getRows(0, 1, 0, 1, 0).castTo(DataType.FLOAT));
        assertArrayEquals(new long[] {5, 2}, rnn.output(x).shape());
    }

    @Test
    void rejectsUnknownNamesAndFlatteningASequence() {
        assertThrows(IllegalArgumentException.class, () -> KerasNames.activation("mish"));
        assertThrows(IllegalArgumentException.class, () -> KerasNames.loss("hinge"));
        assertThrows(IllegalArgumentException.class, () -> KerasNames.initializer("orthogonal"));
        assertThrows(IllegalArgumentException.class, () -> table(spec(List.of(3), softmax(2), "lion", 0.1, 8)));
        ModelSpec seq = spec(List.of(6, 3), softmax(2), "adam", 0.01, 8, layer("Flatten"));
        assertThrows(
                IllegalArgumentException.class,
                () -> NetworkFactory.build(seq, DatasetKind.TIMESERIES, seq.inputShape(), 1));
    }
}
