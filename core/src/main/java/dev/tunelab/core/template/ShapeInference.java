package dev.tunelab.core.template;

import dev.tunelab.core.data.DatasetKind;
import dev.tunelab.core.study.DatasetFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows one sample's shape (Keras's convention, channels last) from the dataset through every
 * layer to the output layer, and counts parameters as Keras's {@code count_params()} does
 * (BatchNormalization's moving statistics included). A network DL4J could not build, or that
 * Keras would refuse, is reported at the layer where it goes wrong.
 *
 * <p>Formulas (Keras): convolution and pooling with padding {@code valid} give
 * floor((n - k) / s) + 1 per axis, with {@code same} ceil(n / s).
 */
final class ShapeInference {
  /** The parameter count, or the path and reason of the first layer that cannot exist. */
  record Result(long params, String invalidPath, String invalidReason) {
    boolean valid() {
      return invalidPath == null;
    }
  }

  /** Why a layer cannot take the shape it is given. */
  private static final class Misfit extends Exception {
    private static final long serialVersionUID = 1L;

    Misfit(String reason) {
      super(reason, null, false, false);
    }
  }

  private final DatasetFacts facts;
  private List<Integer> shape;
  private long params;

  private ShapeInference(DatasetFacts facts) {
    this.facts = facts;
    this.shape = facts.inputShape();
  }

  static Result infer(List<TemplateResolver.Placed> layers, ModelSpec.Output output, DatasetFacts facts, String layersPath) {
    ShapeInference s = new ShapeInference(facts);
    for (int i = 0; i < layers.size(); i++) {
      TemplateResolver.Placed p = layers.get(i);
      try {
        s.layer(p.layer(), i == 0);
      } catch (Misfit m) {
        String where = p.repetition() < 0 ? "" : " (repetition " + (p.repetition() + 1) + ")";
        return new Result(0, p.path(), m.getMessage() + where);
      }
    }
    if (s.shape.size() != 1) {
      String path = layers.isEmpty() ? layersPath : layers.get(layers.size() - 1).path();
      return new Result(0, path, "the output layer needs a flat input, but " + (layers.isEmpty() ? "the data gives " : "this layer gives ")
          + s.shape + "; end with Flatten, a global pooling layer or a recurrent layer without return_sequences");
    }
    s.params += (long) s.shape.get(0) * output.units() + output.units();
    return new Result(s.params, null, null);
  }

  /**
   * Values each layer of a built network outputs for one sample, in order, the output layer last;
   * what activations take in memory.
   *
   * @throws IllegalArgumentException when the spec has no input shape or is not a built network
   */
  static List<Long> outputSizes(ModelSpec spec) {
    if (spec.inputShape() == null) throw new IllegalArgumentException("the network's input shape is unknown");
    // Only an Embedding first layer reads token ids; the facts need say no more than that.
    boolean tokens = !spec.layers().isEmpty() && spec.layers().get(0).type().equals("Embedding");
    DatasetFacts facts = new DatasetFacts(null, 0, spec.output().units(),
        tokens ? DatasetKind.TOKENS : DatasetKind.TABLE, spec.inputShape(), 0);
    ShapeInference s = new ShapeInference(facts);
    List<Long> sizes = new ArrayList<>();
    for (ModelSpec.Layer l : spec.layers()) {
      try {
        s.layer(l, sizes.isEmpty());
      } catch (Misfit m) {
        throw new IllegalArgumentException("not a built network: " + m.getMessage(), m);
      }
      long n = 1;
      for (int d : s.shape) n *= d;
      sizes.add(n);
    }
    sizes.add((long) spec.output().units());
    return sizes;
  }

  private void layer(ModelSpec.Layer l, boolean first) throws Misfit {
    String type = l.type();
    if (first && facts.kind() == DatasetKind.TOKENS && !type.equals("Embedding")) {
      // DL4J feeds token ids as a one-feature sequence; only an Embedding turns them into vectors.
      throw new Misfit(type + " cannot read token ids; start with an Embedding layer");
    }
    switch (type) {
      case "Dense" -> {
        if (shape.size() != 1) {
          throw new Misfit("Dense needs a flat input, but gets " + shape + "; put "
              + (shape.size() == 3 ? "Flatten or GlobalAveragePooling2D" : "GlobalAveragePooling1D or a recurrent layer") + " before it");
        }
        int units = l.intArg("units");
        params += (long) shape.get(0) * units + (l.bool("use_bias") ? units : 0);
        shape = List.of(units);
      }
      case "Dropout", "Activation" -> { }
      case "BatchNormalization" -> params += 4L * shape.get(shape.size() - 1);
      case "Conv1D", "Conv2D" -> convolution(l, LayerCatalog.rank(type));
      case "MaxPooling1D", "MaxPooling2D", "AveragePooling1D", "AveragePooling2D" -> pooling(l, LayerCatalog.rank(type));
      case "GlobalAveragePooling1D", "GlobalMaxPooling1D", "GlobalAveragePooling2D", "GlobalMaxPooling2D" -> {
        need(type, LayerCatalog.rank(type) + 1);
        shape = List.of(shape.get(shape.size() - 1));
      }
      case "Flatten" -> {
        if (shape.size() == 2) {
          throw new Misfit("Flatten cannot flatten a sequence " + shape + " (DL4J keeps time steps apart); "
              + "use GlobalAveragePooling1D or a recurrent layer without return_sequences");
        }
        long n = 1;
        for (int d : shape) n *= d;
        if (n > Integer.MAX_VALUE) throw new Misfit("Flatten of " + shape + " gives more than " + Integer.MAX_VALUE + " values");
        shape = List.of((int) n);
      }
      case "LSTM", "SimpleRNN" -> recurrent(l, 1);
      case "Bidirectional" -> {
        ModelSpec.Layer inner = l.inner();
        boolean concat = l.text("merge_mode").equals("concat");
        recurrent(inner, 2);
        if (concat) {
          List<Integer> doubled = new ArrayList<>(shape);
          doubled.set(doubled.size() - 1, 2 * doubled.get(doubled.size() - 1));
          shape = List.copyOf(doubled);
        }
      }
      case "Embedding" -> embedding(l, first);
      default -> throw new IllegalArgumentException("unchecked template: layer " + type);
    }
  }

  private void convolution(ModelSpec.Layer l, int rank) throws Misfit {
    need(l.type(), rank + 1);
    List<Integer> out = spatial(l, rank, l.ints("kernel_size"), "kernel");
    int filters = l.intArg("filters");
    long kernel = 1;
    for (int k : l.ints("kernel_size")) kernel *= k;
    params += kernel * shape.get(rank) * filters + (l.bool("use_bias") ? filters : 0);
    out.add(filters);
    shape = List.copyOf(out);
  }

  private void pooling(ModelSpec.Layer l, int rank) throws Misfit {
    need(l.type(), rank + 1);
    List<Integer> out = spatial(l, rank, l.ints("pool_size"), "pool");
    out.add(shape.get(rank));
    shape = List.copyOf(out);
  }

  /** The spatial axes after a window of {@code window} moved by the layer's strides. */
  private List<Integer> spatial(ModelSpec.Layer l, int rank, List<Integer> window, String what) throws Misfit {
    List<Integer> strides = l.ints("strides");
    boolean same = l.text("padding").equals("same");
    List<Integer> out = new ArrayList<>();
    for (int a = 0; a < rank; a++) {
      int n = shape.get(a);
      int k = window.get(a);
      int s = strides.get(a);
      int size = same ? (n + s - 1) / s : n < k ? 0 : (n - k) / s + 1;
      if (size < 1) {
        throw new Misfit(l.type() + " with " + what + " " + window + " and padding 'valid' shrinks "
            + shape + " below " + (rank == 1 ? "1 step" : "1×1"));
      }
      out.add(size);
    }
    return out;
  }

  private void recurrent(ModelSpec.Layer l, int copies) throws Misfit {
    need(l.type(), 2);
    int features = shape.get(1);
    int units = l.intArg("units");
    long bias = l.bool("use_bias") ? units : 0;
    long one = (long) features * units + (long) units * units + bias;
    params += copies * (l.type().equals("LSTM") ? 4 * one : one);
    shape = l.bool("return_sequences") ? List.of(shape.get(0), units) : List.of(units);
  }

  private void embedding(ModelSpec.Layer l, boolean first) throws Misfit {
    if (facts.kind() != DatasetKind.TOKENS) {
      throw new Misfit("Embedding reads token ids, but this dataset is " + facts.kind().json()
          + "; use it with a text column tokenized into ids");
    }
    if (!first) throw new Misfit("Embedding reads token ids, so it must be the first layer");
    int inputDim = l.intArg("input_dim");
    if (inputDim < facts.vocabulary()) {
      throw new Misfit("input_dim " + inputDim + " is smaller than the dataset's vocabulary of "
          + facts.vocabulary() + " token ids");
    }
    int dim = l.intArg("output_dim");
    params += (long) inputDim * dim;
    shape = List.of(shape.get(0), dim);
  }

  private void need(String type, int rank) throws Misfit {
    if (shape.size() == rank) return;
    String wanted = rank == 3 ? "an image [height, width, channels]" : rank == 2 ? "a sequence [steps, features]" : "a flat vector";
    throw new Misfit(type + " needs " + wanted + ", but gets " + shape);
  }
}
