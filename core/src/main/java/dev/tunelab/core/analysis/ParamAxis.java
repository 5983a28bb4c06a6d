package dev.tunelab.core.analysis;

import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.Param.ChoiceParam;
import dev.tunelab.core.space.Param.FloatParam;
import dev.tunelab.core.space.Param.IntParam;
import java.util.List;

/**
 * Where a parameter's value lies on the axis a regression tree splits. Numbers are scaled to [0, 1]
 * (a log range in log space), clamped so that trials recorded under an older, wider range still
 * count. The i-th choice occupies the unit slot [i, i + 1) and sits at its middle, so a threshold
 * between two neighbouring choices falls on the slot boundary and each choice carries the same
 * weight under the uniform measure fANOVA integrates over.
 */
final class ParamAxis {
    private final Param param;

    ParamAxis(Param param) {
        this.param = param;
    }

    /** The top of the active part of the axis; its bottom is 0. */
    double upper() {
        return param instanceof ChoiceParam c ? c.values().size() : 1;
    }

    /**
     * The value's position in [0, {@link #upper()}], or NaN when it is absent or not one this axis
     * knows.
     */
    double position(Object value) {
        if (value == null) return Double.NaN;
        if (param instanceof ChoiceParam p) return choicePosition(p.values(), value);
        if (!(value instanceof Number n)) return Double.NaN;
        if (param instanceof IntParam p) return scaled(n.doubleValue(), p.min(), p.max());
        return floatPosition((FloatParam) param, n.doubleValue());
    }

    private static double floatPosition(FloatParam p, double v) {
        if (!p.log()) return scaled(v, p.min(), p.max());
        // A non-positive value in a log range can only be bad old data: it belongs at the bottom.
        if (Double.isNaN(v)) return Double.NaN;
        return v > 0 ? scaled(Math.log(v), Math.log(p.min()), Math.log(p.max())) : 0;
    }

    private static double scaled(double v, double min, double max) {
        if (Double.isNaN(v)) return Double.NaN;
        if (!(max > min)) return 0.5;
        return Math.min(1, Math.max(0, (v - min) / (max - min)));
    }

    private static double choicePosition(List<Object> values, Object value) {
        for (int i = 0; i < values.size(); i++) {
            if (same(values.get(i), value)) return i + 0.5;
        }
        return Double.NaN;
    }

    /** JSON may bring back 3 as an Integer, a Long or a Double; to the user they are one value. */
    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return x.doubleValue() == y.doubleValue();
        return a.equals(b);
    }
}
