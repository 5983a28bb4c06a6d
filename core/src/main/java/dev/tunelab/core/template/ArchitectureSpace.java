package dev.tunelab.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.space.Condition;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.study.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns the search space a user wrote into the one samplers see, given the Repeat and Choice
 * blocks of the template. A parameter used inside a Repeat (and not listed in its {@code shared})
 * becomes one parameter per repetition, {@code units_0 .. units_{max-1}}, the i-th active only
 * while {@code times > i}; a parameter used only inside Choice options is active only while one
 * of those options is chosen. Inactive parameters are never sampled, which is how Optuna's
 * define-by-run spaces behave, so a deep network does not waste the sampler's effort on the
 * unused layers of a shallow one.
 *
 * <p>Call it on a template {@link TemplateChecker} accepted; it reports only what depends on how
 * parameters are used: a per-repetition parameter used outside its block or with its own
 * condition, names that would clash, a Choice parameter used inside its own options.
 */
public final class ArchitectureSpace {
  private static final String SPACE = "$.space";

  /** Where a reference sits: the Choice options and the Repeat around it, outermost first. */
  private record Frame(String param, String option, JsonNode repeat) {}

  /** One reference: the parameter, its frames, and the Repeat it is sampled per repetition of (or null). */
  private record Use(String param, List<Frame> frames, JsonNode perRepeat, String path) {}

  private final SearchSpace space;
  private final List<Violation> out;
  private final List<Use> uses = new ArrayList<>();
  private final Map<JsonNode, String> repeatPaths = new IdentityHashMap<>();

  private ArchitectureSpace(SearchSpace space, List<Violation> out) {
    this.space = space;
    this.out = out;
  }

  /** The expanded space; violations are added to {@code out} with their paths. */
  public static SearchSpace expand(JsonNode template, SearchSpace space, String path, List<Violation> out) {
    ArchitectureSpace a = new ArchitectureSpace(space, out);
    template.properties().forEach(f -> {
      if (f.getKey().equals("layers")) {
        a.layers(f.getValue(), path + ".layers", List.of(), null);
      } else {
        a.references(f.getValue(), List.of(), null, path + "." + f.getKey());
      }
    });
    return a.build();
  }

  /** The parameters a Repeat samples per repetition, i.e. those written inside it but not shared. */
  static Set<String> shared(JsonNode repeat) {
    Set<String> names = new HashSet<>();
    repeat.path("shared").forEach(n -> names.add(n.asText()));
    return names;
  }

  /** The most repetitions a Repeat can have. */
  static int maxTimes(JsonNode times, SearchSpace space) {
    String ref = TemplateChecker.referenceOf(times);
    if (ref == null) return times.asInt();
    Param p = space.params().get(ref);
    if (p instanceof Param.IntParam i) return i.max();
    int max = 0;
    for (Object v : ((Param.ChoiceParam) p).values()) max = Math.max(max, ((Number) v).intValue());
    return max;
  }

  private void layers(JsonNode layers, String path, List<Frame> frames, JsonNode repeat) {
    for (int i = 0; i < layers.size(); i++) {
      JsonNode layer = layers.get(i);
      String at = TemplateChecker.pathOf(layer, path + "[" + i + "]");
      String type = layer.path("type").asText();
      if (type.equals(LayerCatalog.REPEAT)) {
        repeatPaths.put(layer, at);
        references(layer.get("times"), frames, repeat, at + ".times");
        layers(layer.get("layers"), at + ".layers", plus(frames, new Frame(null, null, layer)), layer);
      } else if (type.equals(LayerCatalog.CHOICE)) {
        String head = TemplateChecker.referenceOf(layer.get("choice"));
        references(layer.get("choice"), frames, repeat, at + ".choice");
        for (Iterator<Map.Entry<String, JsonNode>> it = layer.get("options").properties().iterator(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> o = it.next();
          layers(o.getValue(), at + ".options." + o.getKey(), plus(frames, new Frame(head, o.getKey(), null)), repeat);
        }
      } else {
        references(layer, frames, repeat, at);
      }
    }
  }

  private void references(JsonNode node, List<Frame> frames, JsonNode repeat, String path) {
    String ref = TemplateChecker.referenceOf(node);
    if (ref != null) {
      JsonNode perRepeat = repeat != null && !shared(repeat).contains(ref) ? repeat : null;
      uses.add(new Use(ref, frames, perRepeat, path));
      return;
    }
    if (node.isContainerNode()) node.forEach(child -> references(child, frames, repeat, path));
  }

  private SearchSpace build() {
    Map<String, List<Use>> byParam = new LinkedHashMap<>();
    for (Use u : uses) byParam.computeIfAbsent(u.param(), k -> new ArrayList<>()).add(u);
    Set<String> perRepetition = new HashSet<>();
    for (Map.Entry<String, List<Use>> e : byParam.entrySet()) {
      if (e.getValue().stream().anyMatch(u -> u.perRepeat() != null)) perRepetition.add(e.getKey());
    }
    Map<String, Param> expanded = new LinkedHashMap<>();
    for (Map.Entry<String, Param> e : space.params().entrySet()) {
      String name = e.getKey();
      Param p = e.getValue();
      List<Use> used = byParam.getOrDefault(name, List.of());
      if (p.when() != null && perRepetition.contains(p.when().param())) {
        out.add(new Violation(SPACE + "." + name + ".when.param", "'" + p.when().param()
            + "' is sampled once per repetition of a Repeat, so no single value of it can decide whether '" + name + "' exists"));
      }
      if (!perRepetition.contains(name)) {
        expanded.put(name, p.when() != null ? p : withWhen(p, condition(used, -1, perRepetition)));
        continue;
      }
      JsonNode repeat = perRepeatOf(name, used, p);
      if (repeat == null) continue;
      int max = maxTimes(repeat.get("times"), space);
      for (int i = 0; i < max; i++) {
        String copy = name + "_" + i;
        if (space.params().containsKey(copy)) {
          out.add(new Violation(repeatPaths.get(repeat), "repeating '" + name + "' needs the name '" + copy
              + "', which the search space already uses; rename one of them"));
          break;
        }
        expanded.put(copy, withWhen(p, condition(used, i, perRepetition)));
      }
    }
    return new SearchSpace(ordered(expanded));
  }

  /** The one Repeat {@code name} is sampled in, or null after recording why it cannot be. */
  private JsonNode perRepeatOf(String name, List<Use> used, Param p) {
    JsonNode repeat = null;
    for (Use u : used) {
      if (u.perRepeat() == null) {
        out.add(new Violation(u.path(), "'" + name + "' is sampled once per repetition of the Repeat at "
            + repeatPaths.get(used.stream().filter(x -> x.perRepeat() != null).findFirst().orElseThrow().perRepeat())
            + ", so it cannot also be used outside it; list it in that Repeat's \"shared\" to use one value everywhere"));
        return null;
      }
      if (repeat != null && repeat != u.perRepeat()) {
        out.add(new Violation(u.path(), "'" + name + "' is already sampled per repetition of the Repeat at "
            + repeatPaths.get(repeat) + "; use a parameter of its own in each Repeat"));
        return null;
      }
      repeat = u.perRepeat();
    }
    if (p.when() != null) {
      out.add(new Violation(SPACE + "." + name + ".when", "'" + name + "' is sampled per repetition of the Repeat at "
          + repeatPaths.get(repeat) + ", which decides when each copy exists; remove its 'when'"));
      return null;
    }
    return repeat;
  }

  /**
   * The condition under which every use of a parameter is reachable: the innermost Choice option
   * or repetition around it. Uses that disagree leave it unconditional, which only costs a
   * sampled value that some networks ignore.
   *
   * @param repetition the copy being made, or -1 for a parameter sampled once
   */
  private Condition condition(List<Use> used, int repetition, Set<String> perRepetition) {
    Condition first = null;
    Set<Object> in = new LinkedHashSet<>();
    for (Use u : used) {
      Condition c = innermost(u, repetition, perRepetition);
      if (c == null) return null;
      if (first != null && (!first.param().equals(c.param()) || (first.in() == null) != (c.in() == null)
          || !Objects.equals(first.min(), c.min()))) {
        return null;
      }
      if (first == null) first = c;
      if (c.in() != null) in.addAll(c.in());
    }
    if (first == null || first.in() == null) return first;
    return new Condition(first.param(), List.copyOf(in), null, null);
  }

  private static Condition innermost(Use u, int repetition, Set<String> perRepetition) {
    List<Frame> frames = u.frames();
    for (int k = frames.size() - 1; k >= 0; k--) {
      Frame f = frames.get(k);
      if (f.repeat() != null) {
        // A shared parameter is the same in every repetition: the Repeat does not condition it.
        if (repetition < 0) continue;
        String times = TemplateChecker.referenceOf(f.repeat().get("times"));
        if (times != null) return new Condition(times, null, (double) (repetition + 1), null);
        continue;
      }
      boolean headPerRepetition = perRepetition.contains(f.param());
      // One value used under a head sampled per repetition is needed when any copy picks the option.
      if (headPerRepetition && repetition < 0) return null;
      String head = headPerRepetition ? f.param() + "_" + repetition : f.param();
      return new Condition(head, List.of(f.option()), null, null);
    }
    return null;
  }

  /**
   * Parents before children, otherwise in the order written: a condition may only look back,
   * and a parameter used only inside an option may have been written before the Choice's own.
   */
  private Map<String, Param> ordered(Map<String, Param> params) {
    Map<String, Param> done = new LinkedHashMap<>();
    List<String> pending = new ArrayList<>(params.keySet());
    while (!pending.isEmpty()) {
      boolean progress = false;
      for (Iterator<String> it = pending.iterator(); it.hasNext() && !progress; ) {
        String name = it.next();
        Condition c = params.get(name).when();
        if (c == null || done.containsKey(c.param()) || !params.containsKey(c.param()) && !name.equals(c.param())) {
          done.put(name, params.get(name));
          it.remove();
          // Start over: children written before their parent follow it as closely as they can.
          progress = true;
        }
      }
      if (!progress) {
        String stuck = pending.remove(0);
        out.add(new Violation(SPACE + "." + stuck, "'" + stuck + "' and '" + params.get(stuck).when().param()
            + "' are each used only where the other decides; one of them must be usable on its own"));
        done.put(stuck, withWhen(params.get(stuck), null));
      }
    }
    return done;
  }

  private static Param withWhen(Param p, Condition when) {
    if (p instanceof Param.IntParam i) return new Param.IntParam(i.min(), i.max(), i.step(), i.gridPoints(), when);
    if (p instanceof Param.FloatParam f) return new Param.FloatParam(f.min(), f.max(), f.log(), f.gridPoints(), when);
    Param.ChoiceParam c = (Param.ChoiceParam) p;
    return new Param.ChoiceParam(c.values(), when);
  }

  private static List<Frame> plus(List<Frame> frames, Frame f) {
    List<Frame> more = new ArrayList<>(frames);
    more.add(f);
    return List.copyOf(more);
  }
}
