package dev.tunelab.scheduler.search.samplers.tpe;

import dev.tunelab.core.space.Param;

/**
 * One parameter as the Parzen estimator sees it: a coordinate on a line (log ranges in log space,
 * so a kernel's width means a factor rather than a difference) or a choice's index. Parameters with
 * a single value are not dimensions; the sampler sets them directly.
 */
sealed interface Dimension permits NumericDimension, ChoiceDimension {

    String name();

    /** The coordinate of a trial's value, or NaN when the value is not in this parameter's range. */
    double internal(Object value);

    /** The parameter's value at a coordinate this dimension's kernels produced. */
    Object external(double x);

    /** Kernels on {@code centres} (coordinates), with the prior last. */
    Kernels fit(double[] centres, int dims);

    /** The dimension of a parameter that has more than one value; null when it has only one. */
    static Dimension of(String name, Param p) {
        if (p instanceof Param.IntParam i) return i.size() > 1 ? new NumericDimension(name, p) : null;
        if (p instanceof Param.FloatParam f) return f.min() < f.max() ? new NumericDimension(name, p) : null;
        Param.ChoiceParam c = (Param.ChoiceParam) p;
        return c.values().size() > 1 ? new ChoiceDimension(name, c) : null;
    }

    /** The only value of a parameter {@link #of} returned null for. */
    static Object onlyValue(Param p) {
        if (p instanceof Param.IntParam i) return i.min();
        if (p instanceof Param.FloatParam f) return f.min();
        return ((Param.ChoiceParam) p).values().get(0);
    }
}
