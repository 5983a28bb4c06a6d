package dev.tunelab.core.template.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.study.DatasetFacts;
import dev.tunelab.core.study.Violation;
import java.util.List;

/** Turns a template written as Keras {@code model.to_json()} into TuneLab's native template. */
public final class KerasImport {

  private KerasImport() {}

  /**
   * @param template the study's template: {@code {"keras": ..., other native settings}}
   * @param facts the dataset, or null when not known yet
   * @param path the JSON path of {@code template} in the request
   * @param out receives violations; the result is only meaningful when none were added
   */
  public static ObjectNode toNative(
      JsonNode template, DatasetFacts facts, String path, List<Violation> out) {
    return JsonNodeFactory.instance.objectNode();
  }
}
