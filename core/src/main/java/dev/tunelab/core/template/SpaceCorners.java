package dev.tunelab.core.template;

import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The points a space summary builds: every combination of extremes (each number at its minimum and
 * maximum, each choice at every value, inactive parameters left out) when there are at most {@link
 * #LIMIT}; otherwise the all-minimum and all-maximum corners and seeded random points. Sizes,
 * depths and widths decide both validity and parameter counts, and they are mostly monotone in each
 * argument, so the extremes are where invalid networks and the count range show.
 */
final class SpaceCorners {
    static final int LIMIT = 4096;

    /** Fixed, so the same study always gets the same summary. */
    private static final long SEED = 20_240_604L;

    private final List<Map<String, Object>> points;
    private final boolean exhaustive;

    private SpaceCorners(List<Map<String, Object>> points, boolean exhaustive) {
        this.points = points;
        this.exhaustive = exhaustive;
    }

    List<Map<String, Object>> points() {
        return points;
    }

    boolean exhaustive() {
        return exhaustive;
    }

    static SpaceCorners of(SearchSpace space) {
        List<String> names = List.copyOf(space.params().keySet());
        List<Map<String, Object>> all = new ArrayList<>();
        if (enumerate(space, names, 0, new LinkedHashMap<>(), all)) return new SpaceCorners(all, true);
        List<Map<String, Object>> sample = new ArrayList<>();
        sample.add(corner(space, names, true));
        sample.add(corner(space, names, false));
        Random rng = new Random(SEED);
        while (sample.size() < LIMIT) sample.add(random(space, names, rng));
        return new SpaceCorners(sample, false);
    }

    /** False as soon as there are more than {@link #LIMIT} combinations. */
    private static boolean enumerate(
            SearchSpace space, List<String> names, int k, Map<String, Object> prefix, List<Map<String, Object>> out) {
        if (k == names.size()) {
            if (out.size() >= LIMIT) return false;
            out.add(new LinkedHashMap<>(prefix));
            return true;
        }
        String name = names.get(k);
        if (!space.isActive(name, prefix)) return enumerate(space, names, k + 1, prefix, out);
        for (Object v : extremes(space.params().get(name))) {
            prefix.put(name, v);
            boolean fits = enumerate(space, names, k + 1, prefix, out);
            prefix.remove(name);
            if (!fits) return false;
        }
        return true;
    }

    private static List<Object> extremes(Param p) {
        if (p instanceof Param.IntParam i) {
            int top = i.valueAt(i.size() - 1);
            return top == i.min() ? List.of(i.min()) : List.of(i.min(), top);
        }
        if (p instanceof Param.FloatParam f) return f.min() == f.max() ? List.of(f.min()) : List.of(f.min(), f.max());
        return ((Param.ChoiceParam) p).values();
    }

    private static Map<String, Object> corner(SearchSpace space, List<String> names, boolean low) {
        Map<String, Object> point = new LinkedHashMap<>();
        for (String name : names) {
            if (!space.isActive(name, point)) continue;
            List<Object> ends = extremes(space.params().get(name));
            point.put(name, low ? ends.get(0) : ends.get(ends.size() - 1));
        }
        return point;
    }

    private static Map<String, Object> random(SearchSpace space, List<String> names, Random rng) {
        Map<String, Object> point = new LinkedHashMap<>();
        for (String name : names) {
            if (!space.isActive(name, point)) continue;
            Param p = space.params().get(name);
            if (p instanceof Param.IntParam i) {
                point.put(name, i.valueAt(rng.nextInt(i.size())));
            } else if (p instanceof Param.FloatParam f) {
                double u = rng.nextDouble();
                point.put(
                        name,
                        f.log()
                                ? Math.exp(Math.log(f.min()) + u * (Math.log(f.max()) - Math.log(f.min())))
                                : f.min() + u * (f.max() - f.min()));
            } else {
                List<Object> values = ((Param.ChoiceParam) p).values();
                point.put(name, values.get(rng.nextInt(values.size())));
            }
        }
        return point;
    }
}
