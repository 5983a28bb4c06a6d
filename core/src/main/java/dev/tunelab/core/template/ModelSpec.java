package dev.tunelab.core.template;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One concrete network: a template with every parameter reference replaced by the trial's value
 * and the output layer derived from the dataset. Workers build exactly this; the model card keeps it.
 */
public record ModelSpec(
    List<Layer> layers, Output output, String optimizer, double learningRate, int batchSize) {

  public ModelSpec {
    layers = List.copyOf(layers);
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = Dense.class, name = "Dense"),
    @JsonSubTypes.Type(value = Dropout.class, name = "Dropout")
  })
  public sealed interface Layer {}

  public record Dense(int units, String activation) implements Layer {}

  public record Dropout(double rate) implements Layer {}

  /** The last layer: {@code units} is the class count for classification, 1 for regression. */
  public record Output(int units, String activation, String loss) {}
}
