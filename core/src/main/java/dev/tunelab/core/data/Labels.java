package dev.tunelab.core.data;

import dev.tunelab.core.study.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A label per sample, as class indexes or numbers. The task and the classes come from the meta when
 * it has them (so a test set lines up with its training set) and are inferred otherwise: text, or
 * at most {@value #MAX_INTEGER_CLASSES} distinct integers, is classification; other numbers
 * regression.
 */
record Labels(Task task, List<String> classes, int[] classIndex, double[] target) {
    /** Integer labels with at most this many distinct values are read as classes. */
    static final int MAX_INTEGER_CLASSES = 20;

    static final int MAX_CLASSES = 1000;

    /**
     * @param values one label per sample, trimmed
     * @param where how to name sample {@code i} in an error ("row 3", "entry 'a/b.png'")
     */
    static Labels of(
            List<String> values,
            String labelName,
            Task task,
            List<String> classes,
            java.util.function.IntFunction<String> where) {
        boolean numeric = true;
        boolean integral = true;
        TreeSet<String> distinct = new TreeSet<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            if (v.isEmpty())
                throw new BadDatasetException("file", where.apply(i) + ": the label '" + labelName + "' is empty");
            distinct.add(v);
            if (!isNumber(v)) numeric = false;
            else if (Double.parseDouble(v) != Math.rint(Double.parseDouble(v))) integral = false;
        }
        Task chosen = task != null
                ? task
                : !numeric || (integral && distinct.size() <= MAX_INTEGER_CLASSES)
                        ? Task.CLASSIFICATION
                        : Task.REGRESSION;
        if (chosen == Task.REGRESSION) {
            if (!numeric)
                throw new BadDatasetException(
                        "task", "regression needs a numeric label, but '" + labelName + "' has text values");
            double[] target = new double[values.size()];
            for (int i = 0; i < target.length; i++) target[i] = Double.parseDouble(values.get(i));
            return new Labels(chosen, null, null, target);
        }
        List<String> order = classes;
        if (order == null) {
            if (distinct.size() < 2)
                throw new BadDatasetException(
                        "label", "classification needs at least 2 classes in '" + labelName + "'");
            if (distinct.size() > MAX_CLASSES) {
                throw new BadDatasetException(
                        "label", "'" + labelName + "' has " + distinct.size() + " classes; at most " + MAX_CLASSES);
            }
            order = new ArrayList<>(distinct);
            if (numeric) order.sort((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
        }
        Map<String, Integer> ids = new HashMap<>();
        for (int k = 0; k < order.size(); k++) ids.put(order.get(k), k);
        int[] index = new int[values.size()];
        for (int i = 0; i < index.length; i++) {
            Integer id = ids.get(values.get(i));
            if (id == null) {
                throw new BadDatasetException(
                        "file", where.apply(i) + ": label '" + values.get(i) + "' is not one of the classes " + order);
            }
            index[i] = id;
        }
        return new Labels(chosen, List.copyOf(order), index, null);
    }

    static boolean isNumber(String s) {
        if (s.isEmpty()) return false;
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
