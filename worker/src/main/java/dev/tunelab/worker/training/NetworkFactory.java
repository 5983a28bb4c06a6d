package dev.tunelab.worker.training;

import dev.tunelab.core.data.DatasetKind;
import dev.tunelab.core.template.ModelSpec;
import java.util.List;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToRnnPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.RnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Turns a resolved {@link ModelSpec} (Keras layer classes and arguments) into an initialized DL4J
 * network for one kind of data; the input arrays are those of {@link DataSets}.
 *
 * <p>Shapes are inferred here, layer by layer, with DL4J's own output types, and every preprocessor
 * is placed explicitly, which fixes three cases DL4J's automatic inference gets wrong for Keras
 * models: an Embedding keeps its vocabulary as input size (DL4J would set it to 1 from the token
 * array's shape); Flatten flattens before any following layer, so a Dropout or BatchNormalization
 * after it acts on the flat vector as in Keras; BatchNormalization on a sequence normalizes each
 * feature over samples and time steps (Keras's axis -1), done by presenting the sequence to it as
 * rows and turning it back into a sequence afterwards. The flattened order is DL4J's (channel, row,
 * column), not Keras's (row, column, channel); this matters only to someone copying weights, not to
 * training.
 */
public final class NetworkFactory {

    private NetworkFactory() {}

    /**
     * Builds and {@code init()}s the network, seeded for repeatability.
     *
     * @param shape one sample's shape in Keras's convention (see {@link DatasetKind})
     */
    public static MultiLayerNetwork build(ModelSpec spec, DatasetKind kind, List<Integer> shape, long seed) {
        double decay = Optimizers.weightDecay(spec);
        NeuralNetConfiguration.Builder global = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .updater(Optimizers.updater(spec));
        if (decay > 0) global.weightDecay(decay, true).weightDecayBias(decay, true);
        Stack stack = new Stack(global.list(), DataSets.inputType(kind, shape));
        int timeSteps = kind == DatasetKind.TOKENS ? shape.get(0) : -1;
        for (ModelSpec.Layer layer : spec.layers()) {
            if (layer.type().equals("Flatten")) {
                stack.flatten();
            } else if (layer.type().equals("BatchNormalization") && stack.current.getType() == InputType.Type.RNN) {
                stack.addOverSteps(LayerConfigs.of(layer, timeSteps, decay));
            } else {
                stack.addWithActivationApart(LayerConfigs.of(layer, timeSteps, decay));
            }
        }
        ModelSpec.Output out = spec.output();
        stack.add(new OutputLayer.Builder(KerasNames.loss(out.loss()))
                .nOut(out.units())
                .activation(KerasNames.activation(out.activation()))
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .build());
        MultiLayerNetwork net = new MultiLayerNetwork(stack.list.build());
        net.init();
        return net;
    }

    /** The layers added so far and the type of the activations the next layer receives. */
    private static final class Stack {
        final NeuralNetConfiguration.ListBuilder list;
        InputType current;

        /** Placed before the next layer instead of the one DL4J would choose; yields current. */
        InputPreProcessor pending;

        int index;

        Stack(NeuralNetConfiguration.ListBuilder list, InputType input) {
            this.list = list;
            this.current = input;
        }

        void add(Layer layer) {
            InputPreProcessor p = pending;
            pending = null;
            if (p == null) {
                p = layer.getPreProcessorForInputType(current);
                if (p != null) current = p.getOutputType(current);
            }
            if (p != null) list.inputPreProcessor(index, p);
            // override=false: an Embedding keeps its vocabulary; every other layer has no nIn yet.
            layer.setNIn(current, false);
            list.layer(index, layer);
            current = layer.getOutputType(index, current);
            index++;
        }

        /**
         * A 2-D convolution's activation goes into an ActivationLayer of its own, with the same
         * function: the convolution's output is a strided view of its matrix product, and DL4J's fused
         * activation and its gradient ran on that view at a fraction of the speed they reach on the
         * dense array the next layer receives (the Fashion-MNIST CNN trained 1.6x faster on one thread;
         * docs/benchmarks.md, "Training speed"). Same values, same parameters.
         */
        void addWithActivationApart(Layer layer) {
            if (layer.getClass() == ConvolutionLayer.class
                    && !(((ConvolutionLayer) layer).getActivationFn() instanceof ActivationIdentity)) {
                ConvolutionLayer conv = (ConvolutionLayer) layer;
                IActivation fn = conv.getActivationFn();
                conv.setActivationFn(new ActivationIdentity());
                add(conv);
                add(new ActivationLayer.Builder().activation(fn).build());
            } else {
                add(layer);
            }
        }

        void flatten() {
            if (current instanceof InputType.InputTypeConvolutional c) {
                pending = new CnnToFeedForwardPreProcessor(c.getHeight(), c.getWidth(), c.getChannels());
                current = InputType.feedForward(c.getHeight() * c.getWidth() * c.getChannels());
            } else if (current.getType() != InputType.Type.FF) {
                // Keras flattens [T, F] to T*F; DL4J has no layer that reshapes a sequence that way.
                throw new IllegalArgumentException(
                        "Flatten of a sequence " + current + " is not supported; use global pooling");
            }
        }

        /** A layer that must see each time step as a row, then the rows turned back into a sequence. */
        void addOverSteps(Layer layer) {
            InputType sequence = current;
            pending = new RnnToFeedForwardPreProcessor();
            current = pending.getOutputType(current);
            add(layer);
            pending = new FeedForwardToRnnPreProcessor();
            current = sequence;
        }
    }
}
