package dev.tunelab.worker.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tunelab.core.template.ModelSpec;
import java.util.List;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.learning.config.RmsProp;

class NetworkFactoryTest {

  @Test
  void mapsKerasVocabularyToDl4j() {
    ModelSpec spec = new ModelSpec(
        List.of(new ModelSpec.Layer("Dense", java.util.Map.of("units", 5, "activation", "leaky_relu")), new ModelSpec.Layer("Dropout", java.util.Map.of("rate", 0.25)),
            new ModelSpec.Layer("Dropout", java.util.Map.of("rate", 0.0))),
        new ModelSpec.Output(3, "softmax", "categorical_crossentropy"), "rmsprop", 0.003, 8);
    MultiLayerNetwork net = NetworkFactory.build(spec, 4, 1);

    assertEquals(4, net.getnLayers());
    DenseLayer dense = (DenseLayer) net.getLayerWiseConfigurations().getConf(0).getLayer();
    assertEquals(4, dense.getNIn());
    assertEquals(5, dense.getNOut());
    assertEquals(0.2, ((ActivationLReLU) dense.getActivationFn()).getAlpha(), 1e-12);
    assertEquals(0.003, ((RmsProp) dense.getIUpdater()).getLearningRate(), 1e-12);

    // Keras drops 25%: DL4J must RETAIN 75%.
    DropoutLayer dropout = (DropoutLayer) net.getLayerWiseConfigurations().getConf(1).getLayer();
    assertEquals(0.75, ((Dropout) dropout.getIDropout()).getP(), 1e-12);
    assertNull(((DropoutLayer) net.getLayerWiseConfigurations().getConf(2).getLayer())
        .getIDropout());

    OutputLayer out = (OutputLayer) net.getLayerWiseConfigurations().getConf(3).getLayer();
    assertEquals(5, out.getNIn());
    assertEquals(3, out.getNOut());
    assertInstanceOf(ActivationSoftmax.class, out.getActivationFn());
    assertEquals(4 * 5 + 5 + 5 * 3 + 3, net.numParams());
  }

  @Test
  void rejectsUnknownNames() {
    assertThrows(IllegalArgumentException.class, () -> NetworkFactory.activation("mish"));
    assertThrows(IllegalArgumentException.class, () -> NetworkFactory.loss("hinge"));
    assertThrows(IllegalArgumentException.class, () -> NetworkFactory.updater("adagrad", 0.1));
  }
}
