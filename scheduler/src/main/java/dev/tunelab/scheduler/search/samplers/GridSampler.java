package dev.tunelab.scheduler.search.samplers;

import dev.tunelab.core.search.OutcomeBlindSampler;
import dev.tunelab.core.search.StudyHistory;
import dev.tunelab.core.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * Every combination of the parameters' grid values, in a fixed order: the last parameter varies
 * fastest, values in the order written (a float range contributes its {@code gridPoints}). An
 * inactive conditional parameter is left out, so each distinct trial appears once. Rather than keep
 * a cursor, it returns the first combination no trial holds yet (as Optuna's GridSampler re-reads
 * storage), so a restarted scheduler resumes where it was.
 */
public final class GridSampler implements OutcomeBlindSampler {

    @Override
    public Optional<Map<String, Object>> suggest(SearchSpace space, StudyHistory history, RandomGenerator rng) {
        if (space.gridSize() <= 0) return Optional.empty();
        Set<Map<String, Object>> taken = new HashSet<>();
        for (StudyHistory.Trial t : history.trials()) taken.add(t.params());
        return Optional.ofNullable(first(space, p -> !taken.contains(p)));
    }

    /** All grid points in enumeration order; for small spaces and tests. */
    public static List<Map<String, Object>> all(SearchSpace space) {
        List<Map<String, Object>> points = new ArrayList<>();
        first(space, p -> {
            points.add(p);
            return false;
        });
        return points;
    }

    /** The first point in enumeration order that {@code wanted} accepts, or null. */
    static Map<String, Object> first(SearchSpace space, Predicate<Map<String, Object>> wanted) {
        return walk(space, List.copyOf(space.params().keySet()), 0, new LinkedHashMap<>(), wanted);
    }

    private static Map<String, Object> walk(
            SearchSpace space,
            List<String> names,
            int k,
            LinkedHashMap<String, Object> prefix,
            Predicate<Map<String, Object>> wanted) {
        if (k == names.size()) {
            Map<String, Object> point = new LinkedHashMap<>(prefix);
            return wanted.test(point) ? point : null;
        }
        String name = names.get(k);
        if (!space.isActive(name, prefix)) return walk(space, names, k + 1, prefix, wanted);
        for (Object v : space.params().get(name).gridValues()) {
            prefix.put(name, v);
            Map<String, Object> found = walk(space, names, k + 1, prefix, wanted);
            prefix.remove(name);
            if (found != null) return found;
        }
        return null;
    }
}
