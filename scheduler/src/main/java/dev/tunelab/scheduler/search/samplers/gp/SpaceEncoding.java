package dev.tunelab.scheduler.search.samplers.gp;

import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps points of a search space to the model's columns and back. A float becomes one column in [0,
 * 1] (in log space for a log range); an integer one column holding the centre of its value's cell,
 * so the model only ever sees values a trial can take and each value owns an equal share of the
 * cube; a choice becomes one 0/1 column per value (one-hot). A parameter that is inactive in a
 * point is encoded as a fixed value (0.5, or all zeros for a choice), which makes points that
 * differ only in parameters they do not have identical to the model.
 *
 * <p>Search works on "raw" vectors where every column holds a value; {@link #canonical} rounds them
 * to what a trial would be and {@link #decode} returns the point with only active parameters.
 */
final class SpaceEncoding {
    static final double INACTIVE = 0.5;

    private final SearchSpace space;
    private final List<String> names;
    private final Param[] params;
    private final int[] offset;
    private final int[] width;
    private final int columns;

    SpaceEncoding(SearchSpace space) {
        this.space = space;
        this.names = List.copyOf(space.params().keySet());
        this.params = space.params().values().toArray(new Param[0]);
        this.offset = new int[params.length];
        this.width = new int[params.length];
        int c = 0;
        for (int j = 0; j < params.length; j++) {
            offset[j] = c;
            width[j] = params[j] instanceof Param.ChoiceParam choice
                    ? choice.values().size()
                    : 1;
            c += width[j];
        }
        this.columns = c;
    }

    int columns() {
        return columns;
    }

    int parameters() {
        return params.length;
    }

    /** The kernel over these columns: each parameter's columns share one lengthscale. */
    Matern52 kernel() {
        int[] group = new int[columns];
        for (int j = 0; j < params.length; j++) {
            for (int c = 0; c < width[j]; c++) group[offset[j] + c] = j;
        }
        return new Matern52(group, params.length);
    }

    /** The model's vector of a trial's point; parameters absent from it are inactive. */
    double[] encode(Map<String, Object> point) {
        double[] u = new double[columns];
        for (int j = 0; j < params.length; j++) {
            Object v = point.get(names.get(j));
            if (v == null) {
                setInactive(u, j);
            } else if (params[j] instanceof Param.FloatParam f) {
                u[offset[j]] = floatColumn(f, ((Number) v).doubleValue());
            } else if (params[j] instanceof Param.IntParam i) {
                int index = (int) Math.round((((Number) v).doubleValue() - i.min()) / i.step());
                u[offset[j]] = cellCentre(Math.max(0, Math.min(i.size() - 1, index)), i.size());
            } else {
                List<Object> values = ((Param.ChoiceParam) params[j]).values();
                for (int k = 0; k < values.size(); k++) {
                    if (same(values.get(k), v)) {
                        u[offset[j] + k] = 1;
                        break;
                    }
                }
            }
        }
        return u;
    }

    /** The point of a raw vector, with inactive parameters left out, in the space's order. */
    Map<String, Object> decode(double[] raw) {
        Map<String, Object> full = new LinkedHashMap<>();
        for (int j = 0; j < params.length; j++) full.put(names.get(j), value(j, raw));
        return space.conditional() ? space.activeOnly(full) : full;
    }

    /**
     * What the model sees for a raw vector: integers on their cell centres, choices one-hot at the
     * largest column, inactive parameters at their fixed value.
     */
    double[] canonical(double[] raw) {
        double[] u = raw.clone();
        for (int j = 0; j < params.length; j++) {
            if (params[j] instanceof Param.IntParam i) {
                u[offset[j]] = cellCentre(cell(raw[offset[j]], i.size()), i.size());
            } else if (params[j] instanceof Param.ChoiceParam) {
                int chosen = argmax(raw, j);
                for (int k = 0; k < width[j]; k++) u[offset[j] + k] = k == chosen ? 1 : 0;
            } else if (((Param.FloatParam) params[j]).min() == ((Param.FloatParam) params[j]).max()) {
                u[offset[j]] = INACTIVE;
            }
        }
        if (!space.conditional()) return u;
        Map<String, Object> active = decode(u);
        for (int j = 0; j < params.length; j++) if (!active.containsKey(names.get(j))) setInactive(u, j);
        return u;
    }

    /** A raw vector from a point of the d-dimensional unit cube, one coordinate per parameter. */
    double[] fromCube(double[] t) {
        double[] u = new double[columns];
        for (int j = 0; j < params.length; j++) {
            if (params[j] instanceof Param.FloatParam) {
                u[offset[j]] = t[j];
            } else if (params[j] instanceof Param.IntParam i) {
                u[offset[j]] = cellCentre(cell(t[j], i.size()), i.size());
            } else {
                u[offset[j] + cell(t[j], width[j])] = 1;
            }
        }
        return u;
    }

    /**
     * Columns of float parameters active in the canonical vector {@code u}, which local search moves.
     */
    int[] continuousColumns(double[] u) {
        List<Integer> cols = new ArrayList<>();
        Map<String, Object> active = space.conditional() ? decode(u) : null;
        for (int j = 0; j < params.length; j++) {
            if (!(params[j] instanceof Param.FloatParam f) || f.min() == f.max()) continue;
            if (active == null || active.containsKey(names.get(j))) cols.add(offset[j]);
        }
        return cols.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Parameters with more than one discrete value, which local search tries one at a time. */
    List<Integer> discreteParameters() {
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < params.length; j++) {
            if (params[j] instanceof Param.IntParam i && i.size() > 1) out.add(j);
            if (params[j] instanceof Param.ChoiceParam && width[j] > 1) out.add(j);
        }
        return out;
    }

    /**
     * Raw vectors that differ from {@code raw} only in discrete parameter {@code j}: every value of a
     * choice or of a small integer range; for a large range, neighbours at distances 1, 2, 4, ... on
     * both sides, so a long range is crossed in a logarithmic number of tries.
     */
    List<double[]> alternatives(double[] raw, int j) {
        List<double[]> out = new ArrayList<>();
        if (params[j] instanceof Param.ChoiceParam) {
            int current = argmax(raw, j);
            for (int k = 0; k < width[j]; k++) {
                if (k == current) continue;
                double[] u = raw.clone();
                for (int m = 0; m < width[j]; m++) u[offset[j] + m] = m == k ? 1 : 0;
                out.add(u);
            }
            return out;
        }
        int size = ((Param.IntParam) params[j]).size();
        int current = cell(raw[offset[j]], size);
        List<Integer> cells = new ArrayList<>();
        if (size <= 32) {
            for (int k = 0; k < size; k++) if (k != current) cells.add(k);
        } else {
            for (int step = 1; step < size; step *= 2) {
                if (current - step >= 0) cells.add(current - step);
                if (current + step < size) cells.add(current + step);
            }
        }
        for (int k : cells) {
            double[] u = raw.clone();
            u[offset[j]] = cellCentre(k, size);
            out.add(u);
        }
        return out;
    }

    private Object value(int j, double[] raw) {
        if (params[j] instanceof Param.FloatParam f) {
            double t = Math.max(0, Math.min(1, raw[offset[j]]));
            if (f.min() == f.max()) return f.min();
            if (!f.log()) return Math.max(f.min(), Math.min(f.max(), f.min() + t * (f.max() - f.min())));
            double lo = Math.log(f.min());
            return Math.min(f.max(), Math.max(f.min(), Math.exp(lo + t * (Math.log(f.max()) - lo))));
        }
        if (params[j] instanceof Param.IntParam i) return i.valueAt(cell(raw[offset[j]], i.size()));
        return ((Param.ChoiceParam) params[j]).values().get(argmax(raw, j));
    }

    private static double floatColumn(Param.FloatParam f, double v) {
        if (f.min() == f.max()) return INACTIVE;
        double t = f.log()
                ? (Math.log(v) - Math.log(f.min())) / (Math.log(f.max()) - Math.log(f.min()))
                : (v - f.min()) / (f.max() - f.min());
        return Math.max(0, Math.min(1, t));
    }

    private void setInactive(double[] u, int j) {
        for (int k = 0; k < width[j]; k++) u[offset[j] + k] = params[j] instanceof Param.ChoiceParam ? 0 : INACTIVE;
    }

    private int argmax(double[] raw, int j) {
        int best = 0;
        for (int k = 1; k < width[j]; k++) if (raw[offset[j] + k] > raw[offset[j] + best]) best = k;
        return best;
    }

    private static int cell(double t, int size) {
        return Math.max(0, Math.min(size - 1, (int) Math.floor(t * size)));
    }

    private static double cellCentre(int index, int size) {
        return (index + 0.5) / size;
    }

    /** 3 and 3.0 are the same choice to a user writing JSON. */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return x.doubleValue() == y.doubleValue();
        return a.equals(b);
    }
}
