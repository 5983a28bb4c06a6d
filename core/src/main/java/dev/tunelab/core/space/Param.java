package dev.tunelab.core.space;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** One named dimension of a search space. Numbers stay numbers: bounds are never strings. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Param.IntParam.class, name = "int"),
  @JsonSubTypes.Type(value = Param.FloatParam.class, name = "float"),
  @JsonSubTypes.Type(value = Param.ChoiceParam.class, name = "choice")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface Param {

  /** Integers from {@code min} to {@code max} inclusive, every {@code step}. */
  record IntParam(int min, int max, int step) implements Param {
    public IntParam {
      if (min > max) throw new IllegalArgumentException("min must not exceed max");
      if (step < 1) throw new IllegalArgumentException("step must be at least 1");
    }

    public int size() {
      return (max - min) / step + 1;
    }

    public int valueAt(int index) {
      return min + index * step;
    }
  }

  /** Reals in [min, max]; with {@code log} sampled uniformly in log space. */
  record FloatParam(double min, double max, boolean log) implements Param {
    public FloatParam {
      if (!(min <= max)) throw new IllegalArgumentException("min must not exceed max");
      if (log && min <= 0) throw new IllegalArgumentException("log range needs min > 0");
    }
  }

  /** One of a list of values (strings, numbers or booleans). */
  record ChoiceParam(List<Object> values) implements Param {
    public ChoiceParam {
      if (values == null || values.isEmpty()) throw new IllegalArgumentException("values must not be empty");
      values = List.copyOf(values);
    }
  }
}
