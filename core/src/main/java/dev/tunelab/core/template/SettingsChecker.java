package dev.tunelab.core.template;

import dev.tunelab.core.study.DatasetFacts;
import dev.tunelab.core.template.layers.Arg;
import dev.tunelab.core.template.tree.Template;
import dev.tunelab.core.template.tree.Value;
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

    void check(Template t, DatasetFacts facts) {
        for (Map.Entry<String, Arg> s : SettingsCatalog.SETTINGS.entrySet()) {
            Value v = t.setting(s.getKey());
            if (v != null) values.check(v, s.getValue().kind(), false);
        }
        Value optimizer = t.setting("optimizer");
        List<Object> optimizers = optimizer == null ? List.of("adam") : values.possible(optimizer);
        for (Map.Entry<String, Arg> s : SettingsCatalog.OPTIMIZER_ARGS.entrySet()) {
            Value v = t.setting(s.getKey());
            if (v == null) continue;
            // A parameter that is only active for its optimizer is the natural way to write it.
            if (!values.check(v, s.getValue().kind(), true)) continue;
            String owner = SettingsCatalog.OPTIMIZER_OF.get(s.getKey());
            if (optimizers != null && !optimizers.contains(owner)) {
                values.add(
                        v.path(),
                        "applies only to the "
                                + owner
                                + " optimizer, but the optimizer is "
                                + (optimizers.size() == 1 ? "'" + optimizers.get(0) + "'" : "one of " + optimizers));
            }
        }
        Value schedule = t.setting("learning_rate_schedule");
        if (schedule != null) schedule(schedule);
        Value output = t.setting("output");
        if (output != null) output(output, facts);
    }

    private void schedule(Value schedule) {
        Map<String, Value> s = ValueChecker.objectFields(schedule);
        String path = schedule.path();
        if (s == null) {
            values.add(
                    path, "must be an object such as {\"type\": \"step\", \"decay_rate\": 0.5, \"decay_steps\": 10}");
            return;
        }
        values.unknownFields(s.keySet(), SettingsCatalog.SCHEDULE.keySet(), path);
        for (Map.Entry<String, Arg> a : SettingsCatalog.SCHEDULE.entrySet()) {
            Value v = s.get(a.getKey());
            if (v == null) {
                if (a.getValue().required())
                    values.add(path + "." + a.getKey(), "is required for a learning-rate schedule");
            } else {
                values.check(v, a.getValue().kind(), false);
            }
        }
        List<Object> types = values.possible(s.get("type"));
        if (types == null) return;
        boolean cosineOnly = types.stream().allMatch("cosine"::equals);
        boolean someCosine = types.contains("cosine");
        if (s.containsKey("decay_rate") && cosineOnly) {
            values.add(
                    path + ".decay_rate",
                    "applies to step and exponential schedules; a cosine schedule falls to rate × alpha");
        } else if (!s.containsKey("decay_rate") && !cosineOnly) {
            values.add(path + ".decay_rate", "is required for a step or exponential schedule");
        }
        if (s.containsKey("alpha") && !someCosine) {
            values.add(path + ".alpha", "applies only to a cosine schedule");
        }
    }

    private void output(Value given, DatasetFacts facts) {
        Map<String, Value> output = ValueChecker.objectFields(given);
        String path = given.path();
        if (output == null) {
            values.add(path, "must be an object with 'activation' and/or 'loss'");
            return;
        }
        values.unknownFields(output.keySet(), SettingsCatalog.OUTPUT.keySet(), path);
        boolean ok = true;
        for (Map.Entry<String, ArgKind> a : SettingsCatalog.OUTPUT.entrySet()) {
            Value v = output.get(a.getKey());
            if (v != null) ok &= values.check(v, a.getValue(), false);
        }
        if (!ok || facts == null) return;
        List<Object> activations = output.containsKey("activation")
                ? values.possible(output.get("activation"))
                : Arrays.asList((Object) null);
        List<Object> losses =
                output.containsKey("loss") ? values.possible(output.get("loss")) : Arrays.asList((Object) null);
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
