package dev.tunelab.worker.training;

import java.util.Locale;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.distribution.UniformDistribution;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.weights.WeightInitDistribution;
import org.deeplearning4j.nn.weights.WeightInitVarScalingUniformFanIn;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationGELU;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Keras names of activations, initializers and losses mapped to DL4J's, in one reviewable place so
 * what the template checker accepts and what the worker builds cannot drift apart.
 *
 * <p>Initializers: the uniform ones are exact (same bounds). Keras's normal-based variance-scaling
 * initializers ({@code glorot_normal}, {@code he_normal}, {@code lecun_normal}) draw from a normal
 * truncated at two standard deviations and rescaled to the target variance; DL4J draws from a plain
 * normal with the same variance, so the variance matches and only the tails differ. DL4J's fan-out
 * of a convolution divides by the stride product, which Keras does not; this touches only {@code
 * glorot_*}. Keras initializes recurrent kernels orthogonally; DL4J has no orthogonal initializer,
 * so recurrent kernels use the layer's {@code kernel_initializer}.
 */
final class KerasNames {

    private KerasNames() {}

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
            // Keras' gelu is the exact erf form; DL4J offers the tanh approximation (precise=true,
            // within 1e-3 of it) or the coarser x*sigmoid(1.702x). The closer one is taken.
            case "gelu" -> new ActivationGELU(true);
            case "softplus" -> Activation.SOFTPLUS.getActivationFunction();
            default -> throw new IllegalArgumentException("unknown activation '" + name + "'");
        };
    }

    static IWeightInit initializer(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "glorot_uniform" -> WeightInit.XAVIER_UNIFORM.getWeightInitFunction();
            case "glorot_normal" -> WeightInit.XAVIER.getWeightInitFunction();
            case "he_normal" -> WeightInit.RELU.getWeightInitFunction();
            case "he_uniform" -> WeightInit.RELU_UNIFORM.getWeightInitFunction();
            case "lecun_normal" -> WeightInit.LECUN_NORMAL.getWeightInitFunction();
            // DL4J's LECUN_UNIFORM bound is 3/sqrt(fanIn); Keras's is sqrt(3/fanIn). Fan-in variance
            // scaling (bound 3*scale/sqrt(fanIn)) with scale 1/sqrt(3) gives Keras's bound exactly.
            case "lecun_uniform" -> new WeightInitVarScalingUniformFanIn(1 / Math.sqrt(3));
            // Keras's RandomNormal and RandomUniform defaults.
            case "random_normal" -> new WeightInitDistribution(new NormalDistribution(0, 0.05));
            case "random_uniform" -> new WeightInitDistribution(new UniformDistribution(-0.05, 0.05));
            case "zeros" -> WeightInit.ZERO.getWeightInitFunction();
            case "ones" -> WeightInit.ONES.getWeightInitFunction();
            default -> throw new IllegalArgumentException("unknown kernel_initializer '" + name + "'");
        };
    }

    /** Keras's default {@code embeddings_initializer} ("uniform": U(-0.05, 0.05)). */
    static IWeightInit embeddingInitializer() {
        return initializer("random_uniform");
    }

    static LossFunction loss(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "categorical_crossentropy" -> LossFunction.MCXENT;
            case "binary_crossentropy" -> LossFunction.XENT;
            case "mse", "mean_squared_error" -> LossFunction.MSE;
            case "mae", "mean_absolute_error" -> LossFunction.MEAN_ABSOLUTE_ERROR;
            default -> throw new IllegalArgumentException("unknown loss '" + name + "'");
        };
    }
}
