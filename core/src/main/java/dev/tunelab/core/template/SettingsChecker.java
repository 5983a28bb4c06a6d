package dev.tunelab.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.study.DatasetFacts;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Checks a template's settings beside its layers: the optimizer and the settings only some
 * optimizers have, the learning-rate schedule, and the output layer against the dataset's task.
 */
final class SettingsChecker {
  private final ValueChecker values;

  SettingsChecker(ValueChecker values) {
    this.values = values;
  }

  void check(JsonNode t, DatasetFacts facts, String path) {
    for (Map.Entry<String, LayerCatalog.Arg> s : LayerCatalog.SETTINGS.entrySet()) {
      JsonNode v = t.get(s.getKey());
      if (v != null) values.check(v, s.getValue().kind(), path + "." + s.getKey(), false);
    }
    JsonNode optimizer = t.get("optimizer");
    List<Object> optimizers = optimizer == null ? List.of("adam") : values.possible(optimizer);
    for (Map.Entry<String, LayerCatalog.Arg> s : LayerCatalog.OPTIMIZER_ARGS.entrySet()) {
      JsonNode v = t.get(s.getKey());
      if (v == null) continue;
      // A parameter that is only active for its optimizer is the natural way to write it.
      if (!values.check(v, s.getValue().kind(), path + "." + s.getKey(), true)) continue;
      String owner = LayerCatalog.OPTIMIZER_OF.get(s.getKey());
      if (optimizers != null && !optimizers.contains(owner)) {
        values.add(path + "." + s.getKey(), "applies only to the " + owner + " optimizer, but the optimizer is "
            + (optimizers.size() == 1 ? "'" + optimizers.get(0) + "'" : "one of " + optimizers));
      }
    }
    JsonNode schedule = t.get("learning_rate_schedule");
    if (schedule != null) schedule(schedule, path + ".learning_rate_schedule");
    JsonNode output = t.get("output");
    if (output != null) output(output, facts, path + ".output");
  }

  private void schedule(JsonNode s, String path) {
    if (!s.isObject()) {
      values.add(path, "must be an object such as {\"type\": \"step\", \"decay_rate\": 0.5, \"decay_steps\": 10}");
      return;
    }
    values.unknownFields(s, LayerCatalog.SCHEDULE.keySet(), path);
    for (Map.Entry<String, LayerCatalog.Arg> a : LayerCatalog.SCHEDULE.entrySet()) {
      JsonNode v = s.get(a.getKey());
      if (v == null) {
        if (a.getValue().required()) values.add(path + "." + a.getKey(), "is required for a learning-rate schedule");
      } else {
        values.check(v, a.getValue().kind(), path + "." + a.getKey(), false);
      }
    }
    List<Object> types = values.possible(s.get("type"));
    if (types == null) return;
    boolean cosineOnly = types.stream().allMatch("cosine"::equals);
    boolean someCosine = types.contains("cosine");
    if (s.has("decay_rate") && cosineOnly) {
      values.add(path + ".decay_rate", "applies to step and exponential schedules; a cosine schedule falls to rate × alpha");
    } else if (!s.has("decay_rate") && !cosineOnly) {
      values.add(path + ".decay_rate", "is required for a step or exponential schedule");
    }
    if (s.has("alpha") && !someCosine) {
      values.add(path + ".alpha", "applies only to a cosine schedule");
    }
  }

  private void output(JsonNode output, DatasetFacts facts, String path) {
    if (!output.isObject()) {
      values.add(path, "must be an object with 'activation' and/or 'loss'");
      return;
    }
    values.unknownFields(output, LayerCatalog.OUTPUT.keySet(), path);
    boolean ok = true;
    for (Map.Entry<String, ArgKind> a : LayerCatalog.OUTPUT.entrySet()) {
      JsonNode v = output.get(a.getKey());
      if (v != null) ok &= values.check(v, a.getValue(), path + "." + a.getKey(), false);
    }
    if (!ok || facts == null) return;
    List<Object> activations = output.has("activation") ? values.possible(output.get("activation")) : Arrays.asList((Object) null);
    List<Object> losses = output.has("loss") ? values.possible(output.get("loss")) : Arrays.asList((Object) null);
    if (activations == null || losses == null) return;
    for (Object a : activations) {
      for (Object l : losses) {
        String[] problem = OutputRules.problem((String) a, (String) l, facts);
        if (problem != null) {
          values.add(path + "." + problem[0], problem[1]);
          return;
        }
      }
    }
  }
}
