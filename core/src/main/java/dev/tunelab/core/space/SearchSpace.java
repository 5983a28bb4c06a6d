package dev.tunelab.core.space;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Named parameters in the order the user wrote them; that order fixes grid enumeration. */
public record SearchSpace(Map<String, Param> params) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public SearchSpace {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  @JsonValue
  public Map<String, Param> params() {
    return params;
  }

  /** Number of grid points, or -1 when some parameter is continuous. */
  public long gridSize() {
    long size = 1;
    for (Param p : params.values()) {
      if (p instanceof Param.IntParam i) {
        size = Math.multiplyExact(size, i.size());
      } else if (p instanceof Param.ChoiceParam c) {
        size = Math.multiplyExact(size, c.values().size());
      } else {
        return -1;
      }
    }
    return size;
  }
}
