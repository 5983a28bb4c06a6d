package dev.tunelab.core.study;

import dev.tunelab.core.limits.Limit;

/**
 * How large a study may be, checked at submission with the path of what is too large, before any
 * network of its space is built: a template of ten thousand layers would otherwise cost minutes of
 * shape inference over the corners of its space, and one of a billion units the worker's memory.
 *
 * @param trials the most {@code budget.maxTrials}
 * @param layers the most layers the deepest network of the space may have (Repeat blocks counted at
 *     their most repetitions, a Choice at its deepest option)
 * @param units the most units (or filters, or embedding dimensions) a layer may have, for any value
 *     of its parameter
 * @param params the most parameters the largest network of the space may have, as the summary of
 *     the space's corners counts them
 */
public record StudyLimits(Limit trials, Limit layers, Limit units, Limit params) {
    public static final String TRIALS = "study-trials";
    public static final String LAYERS = "study-layers";
    public static final String UNITS = "layer-units";
    public static final String PARAMS = "study-params";

    /**
     * 10,000 trials (the leaderboard and the scheduler are measured up to it); 256 layers; 16,384
     * units (4x the widest layers of VGG); 100 million parameters (1.6 GB with Adam's state on a
     * worker).
     */
    public static final StudyLimits DEFAULT = of(StudyParser.MAX_TRIALS, 256, 16_384, 100_000_000L);

    public StudyLimits {
        if (trials.value() > Integer.MAX_VALUE) throw new IllegalArgumentException(trials.name() + " is too large");
    }

    public static StudyLimits of(long trials, long layers, long units, long params) {
        return new StudyLimits(
                Limit.of(TRIALS, trials), Limit.of(LAYERS, layers), Limit.of(UNITS, units), Limit.of(PARAMS, params));
    }
}
