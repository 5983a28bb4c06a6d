package dev.tunelab.core.study;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.template.Architecture;
import dev.tunelab.core.template.ArchitectureSpace;
import dev.tunelab.core.template.SpaceSummary;
import dev.tunelab.core.template.TemplateChecker;
import dev.tunelab.core.template.TemplateSize;
import dev.tunelab.core.template.keras.KerasImport;
import dev.tunelab.core.template.tree.Template;
import dev.tunelab.core.template.tree.TemplateParser;
import java.util.List;

/**
 * The study's {@code template} stage: the template in TuneLab's own form, the search space the
 * samplers see once its Repeat and Choice blocks are expanded, and what the space's networks look
 * like.
 *
 * @param template the native template; null when a Keras one could not be converted
 * @param space the written space, expanded by the template's blocks when the template is valid
 * @param architecture the summary of the space's networks; null when the template or dataset is
 *     invalid
 */
record StudyTemplate(JsonNode template, SearchSpace space, SpaceSummary architecture) {

    static StudyTemplate parse(
            JsonNode given, SearchSpace written, DatasetFacts facts, StudyLimits limits, List<Violation> out) {
        boolean keras = given != null && given.isObject() && given.has("keras");
        JsonNode template = keras ? nativeTemplate(given, facts, out) : given;
        SearchSpace space = written;
        SpaceSummary architecture = null;
        if (!keras || template != null) {
            int before = out.size();
            // Parsed once: the check, the space's expansion and the summary are passes over one tree.
            Template tree = TemplateParser.parse(template, "$.template");
            out.addAll(
                    tree == null
                            ? TemplateChecker.check(template, written, facts, "$.template")
                            : TemplateChecker.check(tree, written, facts));
            // Sized before anything is built: a huge template must not cost a shape inference per corner.
            if (out.size() == before) TemplateSize.check(tree, written, limits, out);
            if (out.size() == before) space = ArchitectureSpace.expand(tree, written, out);
            if (out.size() == before && facts != null) {
                architecture = Architecture.summarize(tree, space, facts);
                if (architecture.noneValid()) {
                    out.add(new Violation(
                            architecture.invalidPath(),
                            "no point of the search space gives a valid network: " + architecture.invalidReason()));
                } else if (limits.params().exceededBy(architecture.maxParams())) {
                    out.add(new Violation(
                            "$.template",
                            "the largest network of the search space has " + architecture.maxParams()
                                    + " parameters; at most " + limits.params().value() + " "
                                    + limits.params().cite()));
                }
            }
        }
        return new StudyTemplate(template, space, architecture);
    }

    /**
     * The template in TuneLab's own form: a Keras {@code to_json()} template is converted first, so
     * everything after this checks, expands and stores one language. Null when it could not be
     * converted (the violations say why).
     */
    private static JsonNode nativeTemplate(JsonNode template, DatasetFacts facts, List<Violation> out) {
        int before = out.size();
        JsonNode converted = KerasImport.toNative(template, facts, "$.template", out);
        return out.size() == before ? converted : null;
    }
}
