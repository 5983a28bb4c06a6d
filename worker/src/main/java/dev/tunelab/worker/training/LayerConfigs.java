package dev.tunelab.worker.training;

import dev.tunelab.core.template.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.dropout.SpatialDropout;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.regularization.L1Regularization;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.learning.regularization.WeightDecay;

/**
 * One Keras layer (class name and resolved arguments) as a DL4J layer configuration. Shapes and
 * preprocessors are the {@link NetworkFactory}'s business; here only the layer itself.
 *
 * <p>Regularizers: Keras adds λ·Σw² for {@code l2(λ)}; DL4J's {@code L2Regularization(c)} adds
 * c/2·Σw² (gradient c·w), so c = 2λ gives the same penalty and gradient. L1 is the same in both.
 * DL4J regularizes an LSTM's recurrent weights along with its input weights, where Keras's {@code
 * kernel_regularizer} touches the input kernel only.
 *
 * <p>{@code use_bias=false} on LSTM and SimpleRNN (DL4J always has their bias): the bias starts at
 * 0 and is never updated, so the layer computes exactly what Keras's does; it still counts in
 * {@code numParams()}.
 */
final class LayerConfigs {

    private LayerConfigs() {}

    /**
     * The DL4J layer for a Keras layer that maps to exactly one; not Flatten.
     *
     * @param timeSteps the sequence length, needed by Embedding
     * @param weightDecay AdamW's decoupled decay, kept beside a layer's own regularizer
     */
    static Layer of(ModelSpec.Layer l, int timeSteps, double weightDecay) {
        return switch (l.type()) {
            case "Dense" ->
                configure(
                                new DenseLayer.Builder()
                                        .nOut(l.intArg("units"))
                                        .activation(KerasNames.activation(text(l, "activation", "linear")))
                                        .hasBias(bool(l, "use_bias", true)),
                                l,
                                weightDecay)
                        .build();
            // Keras' rate is the probability to DROP; DL4J's argument is the probability to RETAIN.
            // Rate 0 is "no dropout": an argument-less DropoutLayer is the identity.
            case "Dropout" ->
                l.number("rate") > 0
                        ? new DropoutLayer.Builder(1.0 - l.number("rate")).build()
                        : new DropoutLayer.Builder().build();
            // Keras drops whole feature maps; DL4J's SpatialDropout does so on [N, C, H, W], also given
            // the share kept.
            case "SpatialDropout2D" ->
                l.number("rate") > 0
                        ? new DropoutLayer.Builder()
                                .dropOut(new SpatialDropout(1.0 - l.number("rate")))
                                .build()
                        : new DropoutLayer.Builder().build();
            case "Activation" ->
                new ActivationLayer.Builder()
                        .activation(KerasNames.activation(l.text("activation")))
                        .build();
            // Keras's moving average keeps `momentum` of the old value, as DL4J's `decay` does.
            case "BatchNormalization" ->
                new BatchNormalization.Builder()
                        .decay(number(l, "momentum", 0.99))
                        .eps(number(l, "epsilon", 0.001))
                        .build();
            case "Conv1D" ->
                convolution(
                                new Convolution1DLayer.Builder()
                                        .kernelSize(l.ints("kernel_size").get(0))
                                        .stride(ints(l, "strides", 1)[0]),
                                l,
                                weightDecay)
                        .build();
            case "Conv2D" ->
                convolution(
                                new ConvolutionLayer.Builder()
                                        .kernelSize(toArray(l.ints("kernel_size")))
                                        .stride(ints(l, "strides", 2)),
                                l,
                                weightDecay)
                        .build();
            case "MaxPooling1D", "AveragePooling1D" -> {
                int[] pool = toArray(l.ints("pool_size"));
                int[] stride = l.has("strides") ? toArray(l.ints("strides")) : pool;
                yield new Subsampling1DLayer.Builder(pooling(l.type()))
                        .kernelSize(pool[0])
                        .stride(stride[0])
                        .convolutionMode(padding(l))
                        .avgPoolIncludePadInDivisor(false)
                        .build();
            }
            case "MaxPooling2D", "AveragePooling2D" -> {
                int[] pool = toArray(l.ints("pool_size"));
                int[] stride = l.has("strides") ? toArray(l.ints("strides")) : pool;
                // Keras averages over the real pixels only when padding is "same".
                yield new SubsamplingLayer.Builder(pooling(l.type()))
                        .kernelSize(pool)
                        .stride(stride)
                        .convolutionMode(padding(l))
                        .avgPoolIncludePadInDivisor(false)
                        .build();
            }
            case "GlobalAveragePooling1D", "GlobalAveragePooling2D" ->
                new GlobalPoolingLayer.Builder(PoolingType.AVG).build();
            case "GlobalMaxPooling1D", "GlobalMaxPooling2D" -> new GlobalPoolingLayer.Builder(PoolingType.MAX).build();
            case "LSTM", "SimpleRNN" -> lastStepUnlessSequences(recurrent(l, weightDecay), l);
            case "Bidirectional" -> bidirectional(l, weightDecay);
            case "Embedding" ->
                new EmbeddingSequenceLayer.Builder()
                        .nIn(l.intArg("input_dim"))
                        .nOut(l.intArg("output_dim"))
                        .inputLength(timeSteps)
                        .hasBias(false)
                        .weightInit(KerasNames.embeddingInitializer())
                        .build();
            default -> throw new IllegalArgumentException("unknown layer '" + l.type() + "'");
        };
    }

    /**
     * Keras's Bidirectional. Merge modes map one to one. With {@code return_sequences=false} Keras
     * joins the forward pass's last output with the backward pass's last output (the one at the first
     * time step). DL4J 1.0.0-M2.1 cannot backpropagate through a Bidirectional wrapping LastTimeStep
     * (it reverses the 2-D gradient as if it were a sequence), and a MultiLayerNetwork has no layer
     * that picks different steps for the two halves. So the last step of the whole bidirectional
     * sequence is taken: the forward half is Keras's, the backward half has read only the final time
     * step. Use {@code return_sequences=true} with global pooling for a network that reads the
     * sequence in both directions.
     */
    private static Layer bidirectional(ModelSpec.Layer l, double weightDecay) {
        ModelSpec.Layer inner = l.inner();
        Bidirectional.Mode mode = switch (text(l, "merge_mode", "concat").toLowerCase(Locale.ROOT)) {
            case "concat" -> Bidirectional.Mode.CONCAT;
            case "sum" -> Bidirectional.Mode.ADD;
            case "mul" -> Bidirectional.Mode.MUL;
            case "ave" -> Bidirectional.Mode.AVERAGE;
            default -> throw new IllegalArgumentException("unknown merge_mode '" + l.text("merge_mode") + "'");
        };
        return lastStepUnlessSequences(new Bidirectional(mode, recurrent(inner, weightDecay)), inner);
    }

    private static Layer recurrent(ModelSpec.Layer l, double weightDecay) {
        boolean bias = bool(l, "use_bias", true);
        if (l.type().equals("LSTM")) {
            LSTM.Builder b = new LSTM.Builder()
                    .nOut(l.intArg("units"))
                    .activation(KerasNames.activation(text(l, "activation", "tanh")))
                    .gateActivationFunction(KerasNames.activation(text(l, "recurrent_activation", "sigmoid")));
            // Keras's unit_forget_bias adds 1 to the forget gate's bias, as DL4J's default does.
            if (!bias) b.forgetGateBiasInit(0).biasInit(0).biasUpdater(new NoOp());
            return configure(b, l, weightDecay).build();
        }
        if (l.type().equals("SimpleRNN")) {
            SimpleRnn.Builder b = new SimpleRnn.Builder()
                    .nOut(l.intArg("units"))
                    .activation(KerasNames.activation(text(l, "activation", "tanh")));
            if (!bias) b.biasInit(0).biasUpdater(new NoOp());
            return configure(b, l, weightDecay).build();
        }
        throw new IllegalArgumentException("Bidirectional wraps LSTM or SimpleRNN, not '" + l.type() + "'");
    }

    private static Layer lastStepUnlessSequences(Layer layer, ModelSpec.Layer l) {
        return bool(l, "return_sequences", false) ? layer : new LastTimeStep(layer);
    }

    /** Kernel initializer and regularizers of a layer with weights. */
    /** What Conv1D and Conv2D set alike once their kernel and strides are given. */
    private static <T extends ConvolutionLayer.BaseConvBuilder<T>> T convolution(
            T b, ModelSpec.Layer l, double weightDecay) {
        b.nOut(l.intArg("filters"));
        b.convolutionMode(padding(l));
        b.activation(KerasNames.activation(text(l, "activation", "linear")));
        b.hasBias(bool(l, "use_bias", true));
        return configure(b, l, weightDecay);
    }

    private static <T extends BaseLayer.Builder<T>> T configure(T b, ModelSpec.Layer l, double weightDecay) {
        b.weightInit(KerasNames.initializer(text(l, "kernel_initializer", "glorot_uniform")));
        ModelSpec.Regularizer r = l.regularizer();
        if (r == null) return b; // the network-wide weight decay applies
        List<Regularization> list = new ArrayList<>();
        if (r.l1() > 0) list.add(new L1Regularization(r.l1()));
        if (r.l2() > 0) list.add(new L2Regularization(2 * r.l2()));
        // A layer's own list replaces the network-wide one, so AdamW's decay is repeated here.
        if (weightDecay > 0) list.add(new WeightDecay(weightDecay, true));
        b.regularization(list);
        return b;
    }

    private static ConvolutionMode padding(ModelSpec.Layer l) {
        String p = text(l, "padding", "valid").toLowerCase(Locale.ROOT);
        return switch (p) {
            case "same" -> ConvolutionMode.Same;
            // Truncate: floor((n - k) / s) + 1, Keras's "valid".
            case "valid" -> ConvolutionMode.Truncate;
            default -> throw new IllegalArgumentException("unknown padding '" + p + "'");
        };
    }

    private static PoolingType pooling(String type) {
        return type.startsWith("Max") ? PoolingType.MAX : PoolingType.AVG;
    }

    private static int[] ints(ModelSpec.Layer l, String key, int rank) {
        if (l.has(key)) return toArray(l.ints(key));
        int[] ones = new int[rank];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }

    private static int[] toArray(List<Integer> v) {
        return v.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String text(ModelSpec.Layer l, String key, String fallback) {
        return l.has(key) ? l.text(key) : fallback;
    }

    private static boolean bool(ModelSpec.Layer l, String key, boolean fallback) {
        return l.has(key) ? l.bool(key) : fallback;
    }

    private static double number(ModelSpec.Layer l, String key, double fallback) {
        return l.has(key) ? l.number(key) : fallback;
    }
}
