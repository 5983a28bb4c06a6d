package dev.tunelab.scheduler.search.samplers.tpe;

import dev.tunelab.core.space.Param;
import java.util.List;

/** A choice, by the index of its value. */
record ChoiceDimension(String name, Param.ChoiceParam param) implements Dimension {

    @Override
    public double internal(Object value) {
        List<Object> values = param.values();
        for (int c = 0; c < values.size(); c++) if (same(values.get(c), value)) return c;
        return Double.NaN;
    }

    @Override
    public Object external(double x) {
        return param.values().get((int) x);
    }

    @Override
    public Kernels fit(double[] centres, int dims) {
        return CategoricalKernels.fit(centres, param.values().size(), ParzenEstimator.PRIOR_WEIGHT);
    }

    /** A choice of 3 comes back from JSON as 3 or 3.0; both are the same choice. */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return x.doubleValue() == y.doubleValue();
        return a.equals(b);
    }
}
