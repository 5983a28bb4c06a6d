package dev.tunelab.worker.training;

import dev.tunelab.core.template.ModelSpec;
import java.util.Locale;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Turns a concrete {@link ModelSpec} (Keras vocabulary) into an initialized DL4J network. The
 * name mappings live here and nowhere else, so the template checker's accepted names and what the
 * worker can build stay in one reviewable place.
 */
public final class NetworkFactory {

  private NetworkFactory() {}

  /** Builds and {@code init()}s the network for {@code inputs} features, seeded for repeatability. */
  public static MultiLayerNetwork build(ModelSpec spec, int inputs, long seed) {
    NeuralNetConfiguration.ListBuilder list =
        new NeuralNetConfiguration.Builder()
            .seed(seed)
            .weightInit(WeightInit.XAVIER)
            .updater(updater(spec.optimizer(), spec.learningRate()))
            .list();
    for (ModelSpec.Layer layer : spec.layers()) {
      if (layer.type().equals("Dense")) {
        list.layer(new DenseLayer.Builder().nOut(layer.intArg("units")).activation(activation(layer.text("activation")))
            .build());
      } else if (layer.type().equals("Dropout")) {
        // Keras' rate is the probability to DROP; DL4J's argument is the probability to RETAIN.
        // Rate 0 means "no dropout": an argument-less DropoutLayer is the identity, which keeps
        // the layer count equal to the template's.
        double rate = layer.number("rate");
        list.layer(rate > 0
            ? new DropoutLayer.Builder(1.0 - rate).build()
            : new DropoutLayer.Builder().build());
      }
    }
    ModelSpec.Output out = spec.output();
    list.layer(new OutputLayer.Builder(loss(out.loss()))
        .nOut(out.units())
        .activation(activation(out.activation()))
        .build());
    // Input type lets DL4J wire every nIn from the previous layer's nOut.
    list.setInputType(InputType.feedForward(inputs));
    MultiLayerNetwork net = new MultiLayerNetwork(list.build());
    net.init();
    return net;
  }

  static IUpdater updater(String optimizer, double learningRate) {
    return switch (optimizer.toLowerCase(Locale.ROOT)) {
      case "adam" -> new Adam(learningRate);
      case "sgd" -> new Sgd(learningRate);
      case "rmsprop" -> new RmsProp(learningRate);
      default -> throw new IllegalArgumentException("unknown optimizer '" + optimizer + "'");
    };
  }

  static IActivation activation(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "relu" -> Activation.RELU.getActivationFunction();
      case "tanh" -> Activation.TANH.getActivationFunction();
      case "sigmoid" -> Activation.SIGMOID.getActivationFunction();
      case "softmax" -> Activation.SOFTMAX.getActivationFunction();
      case "linear" -> Activation.IDENTITY.getActivationFunction();
      case "elu" -> Activation.ELU.getActivationFunction();
      case "selu" -> Activation.SELU.getActivationFunction();
      // Keras' leaky_relu slope is 0.2; DL4J's LEAKYRELU default (0.01) would be a different net.
      case "leaky_relu" -> new ActivationLReLU(0.2);
      case "swish" -> Activation.SWISH.getActivationFunction();
      case "gelu" -> Activation.GELU.getActivationFunction();
      case "softplus" -> Activation.SOFTPLUS.getActivationFunction();
      default -> throw new IllegalArgumentException("unknown activation '" + name + "'");
    };
  }

  static LossFunction loss(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "categorical_crossentropy" -> LossFunction.MCXENT;
      case "mse", "mean_squared_error" -> LossFunction.MSE;
      case "mae", "mean_absolute_error" -> LossFunction.MEAN_ABSOLUTE_ERROR;
      default -> throw new IllegalArgumentException("unknown loss '" + name + "'");
    };
  }
}
