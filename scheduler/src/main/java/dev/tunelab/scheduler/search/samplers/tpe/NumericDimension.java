package dev.tunelab.scheduler.search.samplers.tpe;

import dev.tunelab.core.space.Param;

/**
 * A float range (in log space when {@code log}) or an integer range. An integer's support runs half
 * a step beyond its first and last value, so every value owns a cell of the same width and the end
 * values are not half as likely as the others.
 */
record NumericDimension(String name, Param param, double low, double high, double step) implements Dimension {

    NumericDimension(String name, Param param) {
        this(name, param, low(param), high(param), param instanceof Param.IntParam i ? i.step() : 0);
    }

    private static double low(Param p) {
        if (p instanceof Param.IntParam i) return i.min() - 0.5 * i.step();
        Param.FloatParam f = (Param.FloatParam) p;
        return f.log() ? Math.log(f.min()) : f.min();
    }

    private static double high(Param p) {
        if (p instanceof Param.IntParam i) return i.max() + 0.5 * i.step();
        Param.FloatParam f = (Param.FloatParam) p;
        return f.log() ? Math.log(f.max()) : f.max();
    }

    @Override
    public double internal(Object value) {
        if (!(value instanceof Number number)) return Double.NaN;
        double v = number.doubleValue();
        if (param instanceof Param.IntParam i) {
            boolean onGrid = v >= i.min() && v <= i.max() && v == Math.rint(v) && ((long) v - i.min()) % i.step() == 0;
            return onGrid ? v : Double.NaN;
        }
        Param.FloatParam f = (Param.FloatParam) param;
        if (!(v >= f.min() && v <= f.max())) return Double.NaN;
        return f.log() ? Math.log(v) : v;
    }

    @Override
    public Object external(double x) {
        if (param instanceof Param.IntParam i) {
            int index = (int) Math.round((x - i.min()) / i.step());
            return i.valueAt(Math.min(i.size() - 1, Math.max(0, index)));
        }
        Param.FloatParam f = (Param.FloatParam) param;
        double v = f.log() ? Math.exp(x) : x;
        // exp(log(max)) may land an ulp outside the range.
        return Math.min(f.max(), Math.max(f.min(), v));
    }

    @Override
    public Kernels fit(double[] centres, int dims) {
        return GaussianKernels.fit(centres, low, high, step, dims);
    }
}
