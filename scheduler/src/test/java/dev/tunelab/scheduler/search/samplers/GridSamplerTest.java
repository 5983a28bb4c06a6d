package dev.tunelab.scheduler.search.samplers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunelab.core.search.Sampler;
import dev.tunelab.core.search.StudyHistory;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import dev.tunelab.core.study.Direction;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GridSamplerTest extends SamplerContract {
    @Override
    Sampler sampler(long seed) {
        return new GridSampler();
    }

    @Test
    void enumeratesTheProductOnceInAFixedOrderThenStops() {
        List<Map<String, Object>> points = run(SPACE, 0, 1000);
        assertEquals(16 * 3 * 2, points.size());
        assertEquals(points.size(), new HashSet<>(points).size());
        assertEquals(Map.of("units", 4, "act", "relu", "rate", 0.0), points.get(0));
        assertEquals(Map.of("units", 4, "act", "relu", "rate", 0.25), points.get(1));
        assertEquals(Map.of("units", 64, "act", "elu", "rate", 0.25), points.get(points.size() - 1));
    }

    @Test
    void conditionalSpacesEnumerateEachDistinctActivePointOnce() {
        List<Map<String, Object>> points = run(CONDITIONAL, 0, 10_000);
        // layers 1/2/3 → 1, 8, 64 unit combinations; opt adam | sgd × 2 momenta; lr 3 grid points.
        assertEquals((1 + 8 + 64) * 3 * 3, points.size());
        assertEquals(CONDITIONAL.gridSize(), points.size());
        assertEquals(points.size(), new HashSet<>(points).size());
        assertEquals(GridSampler.all(CONDITIONAL), points);
    }

    @Test
    void resumesFromHistoryAloneSoARestartChangesNothing() {
        SearchSpace space = new SearchSpace(Map.of("u", new Param.IntParam(1, 3, 1)));
        List<StudyHistory.Trial> history = List.of(new StudyHistory.Trial(0, Map.of("u", 2), true, 0.5));
        Optional<Map<String, Object>> next =
                sampler(9).suggest(space, new StudyHistory(Direction.MINIMIZE, history), Samplers.streamFor(9, 1));
        assertEquals(Optional.of(Map.of("u", 1)), next);
    }
}
