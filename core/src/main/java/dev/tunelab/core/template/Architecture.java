package dev.tunelab.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.study.DatasetFacts;
import dev.tunelab.core.template.tree.Template;
import dev.tunelab.core.template.tree.TemplateParser;
import java.util.Map;

/**
 * One point of a study as a network: the template resolved with the point's values, its shapes
 * inferred from the dataset and its parameters counted. A point whose network cannot exist is
 * reported with the template path of the offending layer and the reason, so the scheduler can skip
 * it with a recorded reason and submission can refuse a space where no point works.
 */
public final class Architecture {
    static final String TEMPLATE = "$.template";

    /**
     * A built point.
     *
     * @param spec the network with its input shape and parameter count; for an invalid point, the
     *     resolved layers without them
     * @param invalidPath where the layer that cannot exist was written (inside a Repeat, the block's
     *     layer; the reason then names the repetition, counted from 1), or null when valid
     * @param invalidReason why it cannot exist, or null when valid
     */
    public record Built(ModelSpec spec, String invalidPath, String invalidReason) {
        public boolean valid() {
            return invalidPath == null;
        }
    }

    private Architecture() {}

    /**
     * Builds one point of a checked, stored (native) template.
     *
     * @param params the point's active parameters, names as in the expanded space ({@code units_2})
     */
    public static Built build(JsonNode template, Map<String, Object> params, DatasetFacts facts) {
        return build(TemplateParser.parse(template, TEMPLATE), params, facts);
    }

    /** Builds one point of a parsed, checked template. */
    public static Built build(Template template, Map<String, Object> params, DatasetFacts facts) {
        TemplateResolver.Resolution r = TemplateResolver.resolution(template, params, facts);
        ShapeInference.Result shapes = ShapeInference.infer(r.placed(), r.spec().output(), facts, TEMPLATE + ".layers");
        if (!shapes.valid()) return new Built(r.spec(), shapes.invalidPath(), shapes.invalidReason());
        return new Built(r.spec().withShape(facts.inputShape(), shapes.params()), null, null);
    }

    /**
     * Builds the extreme points of {@code space} (see {@link SpaceCorners}) and summarizes them.
     *
     * @param space the expanded space ({@link ArchitectureSpace#expand})
     */
    public static SpaceSummary summarize(JsonNode template, SearchSpace space, DatasetFacts facts) {
        return summarize(TemplateParser.parse(template, TEMPLATE), space, facts);
    }

    /**
     * {@link #summarize(JsonNode, SearchSpace, DatasetFacts)} of a parsed template: thousands of
     * points, one parse.
     */
    public static SpaceSummary summarize(Template template, SearchSpace space, DatasetFacts facts) {
        SpaceCorners corners = SpaceCorners.of(space);
        long min = Long.MAX_VALUE;
        long max = 0;
        int checked = 0;
        int invalid = 0;
        String path = null;
        String reason = null;
        for (Map<String, Object> point : corners.points()) {
            Built b = build(template, point, facts);
            checked++;
            if (b.valid()) {
                min = Math.min(min, b.spec().paramCount());
                max = Math.max(max, b.spec().paramCount());
            } else {
                invalid++;
                if (path == null) {
                    path = b.invalidPath();
                    reason = b.invalidReason();
                }
            }
        }
        if (invalid == checked) min = 0;
        return new SpaceSummary(min, max, checked, invalid, corners.exhaustive(), path, reason);
    }
}
