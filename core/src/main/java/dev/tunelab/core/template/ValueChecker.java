package dev.tunelab.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.messages.Json;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.study.Violation;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Checks one template value, a literal or a parameter reference, against the kind it must be. */
final class ValueChecker {
  private final SearchSpace space;
  private final List<Violation> out;

  ValueChecker(SearchSpace space, List<Violation> out) {
    this.space = space;
    this.out = out;
  }

  void add(String path, String message) {
    out.add(new Violation(path, message));
  }

  /** A violation for each field of {@code node} not in {@code allowed} ({@code $path} is never listed). */
  void unknownFields(JsonNode node, Set<String> allowed, String path) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        Set<String> shown = new TreeSet<>(allowed);
        shown.remove(LayerCatalog.PATH);
        add(path + "." + f, "unknown field; allowed: " + shown);
      }
    }
  }

  SearchSpace space() {
    return space;
  }

  /**
   * Checks a literal or a reference; false when a violation was recorded.
   *
   * @param conditionalAllowed whether the value may name a conditional parameter: only where
   *     leaving the value out has a meaning (a layer is left out, a setting falls back to its default)
   */
  boolean check(JsonNode v, ArgKind kind, String path, boolean conditionalAllowed) {
    String ref = TemplateChecker.referenceOf(v);
    String why;
    if (ref != null) {
      Param p = space.params().get(ref);
      if (p == null) {
        why = "refers to parameter '" + ref + "', which the search space does not define";
      } else if (p.when() != null && !conditionalAllowed) {
        why = "'" + ref + "' is conditional; only a layer may use it (the layer is left out when '" + ref + "' is inactive)";
      } else {
        why = kind.checkParam(ref, p);
      }
    } else if (v.isObject()) {
      why = "a parameter reference is written {\"param\": \"name\"}";
    } else {
      why = kind.checkLiteral(v);
    }
    if (why != null) add(path, why);
    return why == null;
  }

  /**
   * The values {@code v} can take: itself when it is a literal, every value of a choice parameter
   * it refers to; null when that is not a finite list (a numeric range, a missing parameter).
   */
  List<Object> possible(JsonNode v) {
    if (v == null) return null;
    String ref = TemplateChecker.referenceOf(v);
    if (ref == null) return v.isValueNode() ? List.of(Json.MAPPER.convertValue(v, Object.class)) : null;
    return space.params().get(ref) instanceof Param.ChoiceParam c ? c.values() : null;
  }
}
