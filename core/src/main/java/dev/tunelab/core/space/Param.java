package dev.tunelab.core.space;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * One named dimension of a search space. Numbers stay numbers: bounds are never strings. Each
 * parameter may carry a {@link Condition} ({@code when}); numeric ranges may name how many {@code
 * gridPoints} a grid search takes from them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Param.IntParam.class, name = "int"),
    @JsonSubTypes.Type(value = Param.FloatParam.class, name = "float"),
    @JsonSubTypes.Type(value = Param.ChoiceParam.class, name = "choice")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface Param {

    /** The condition under which this parameter exists, or null when it always does. */
    Condition when();

    /** The values a grid search visits, in order; null when the range is continuous and has none. */
    List<Object> gridValues();

    /**
     * How many values a grid search visits, without listing them: an integer range may hold two
     * billion; -1 when the range is continuous and has no {@code gridPoints}.
     */
    long gridCount();

    /** Integers from {@code min} to {@code max} inclusive, every {@code step}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record IntParam(int min, int max, int step, Integer gridPoints, Condition when) implements Param {
        @JsonCreator
        public IntParam {
            if (min > max) throw new IllegalArgumentException("min must not exceed max");
            if (step < 1) throw new IllegalArgumentException("step must be at least 1");
            if (gridPoints != null && gridPoints < 1)
                throw new IllegalArgumentException("gridPoints must be at least 1");
        }

        public IntParam(int min, int max, int step) {
            this(min, max, step, null, null);
        }

        /** Values in the range; ranges wider than an int holds stop at {@code Integer.MAX_VALUE}. */
        public int size() {
            return (int) Math.min(Integer.MAX_VALUE, ((long) max - min) / step + 1);
        }

        public int valueAt(int index) {
            return (int) (min + (long) index * step);
        }

        @Override
        public long gridCount() {
            return gridPoints == null ? size() : Math.min(gridPoints, size());
        }

        /** Every value, or {@code gridPoints} of them evenly spread with both ends included. */
        @Override
        public List<Object> gridValues() {
            int n = size();
            if (gridPoints == null || gridPoints >= n) {
                // A view, not a copy: a range may hold two billion values and a grid walks only a few.
                return new AbstractList<>() {
                    @Override
                    public Object get(int index) {
                        if (index < 0 || index >= n) throw new IndexOutOfBoundsException(index);
                        return valueAt(index);
                    }

                    @Override
                    public int size() {
                        return n;
                    }
                };
            }
            List<Object> values = new ArrayList<>();
            for (int k = 0; k < gridPoints; k++) {
                int index = gridPoints == 1 ? (n - 1) / 2 : (int) Math.round(k * (n - 1) / (double) (gridPoints - 1));
                Object v = valueAt(index);
                if (!values.contains(v)) values.add(v);
            }
            return values;
        }
    }

    /** Reals in [min, max]; with {@code log} sampled uniformly in log space. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FloatParam(double min, double max, boolean log, Integer gridPoints, Condition when) implements Param {
        @JsonCreator
        public FloatParam {
            if (!(min <= max)) throw new IllegalArgumentException("min must not exceed max");
            if (log && min <= 0) throw new IllegalArgumentException("log range needs min > 0");
            if (gridPoints != null && gridPoints < 1)
                throw new IllegalArgumentException("gridPoints must be at least 1");
        }

        public FloatParam(double min, double max, boolean log) {
            this(min, max, log, null, null);
        }

        /**
         * {@code gridPoints} values evenly spread (in log space for a log range), both ends included.
         */
        @Override
        public long gridCount() {
            return gridPoints == null ? -1 : gridPoints;
        }

        @Override
        public List<Object> gridValues() {
            if (gridPoints == null) return null;
            List<Object> values = new ArrayList<>();
            double lo = log ? Math.log(min) : min;
            double hi = log ? Math.log(max) : max;
            for (int k = 0; k < gridPoints; k++) {
                double t = gridPoints == 1 ? 0.5 : k / (double) (gridPoints - 1);
                double v = lo + t * (hi - lo);
                v = log ? Math.exp(v) : v;
                values.add(Math.min(max, Math.max(min, v)));
            }
            return values;
        }
    }

    /** One of a list of values (strings, numbers or booleans). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChoiceParam(List<Object> values, Condition when) implements Param {
        @JsonCreator
        public ChoiceParam {
            if (values == null || values.isEmpty()) throw new IllegalArgumentException("values must not be empty");
            values = List.copyOf(values);
        }

        public ChoiceParam(List<Object> values) {
            this(values, null);
        }

        @Override
        public List<Object> gridValues() {
            return values;
        }

        @Override
        public long gridCount() {
            return values.size();
        }
    }
}
