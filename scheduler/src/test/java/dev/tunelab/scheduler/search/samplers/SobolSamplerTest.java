package dev.tunelab.scheduler.search.samplers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.tunelab.core.search.Sampler;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SobolSamplerTest extends SamplerContract {
    @Override
    Sampler sampler(long seed) {
        return new SobolSampler(seed);
    }

    @Test
    void seedsChooseDifferentNets() {
        assertNotEquals(run(SPACE, 1, 10), run(SPACE, 2, 10));
    }

    @Test
    void first16PointsFillEveryCellOfA4By4Grid() {
        SearchSpace square = new SearchSpace(SamplerContract.ordered(
                "x", new Param.FloatParam(0, 1, false), "y", new Param.FloatParam(0, 1, false)));
        for (long seed : List.of(3L, 4L, 5L)) {
            Set<String> cells = new HashSet<>();
            for (Map<String, Object> p : run(square, seed, 16)) {
                cells.add((int) ((Double) p.get("x") * 4) + "," + (int) ((Double) p.get("y") * 4));
            }
            assertEquals(16, cells.size(), "a shifted Sobol net keeps one point per cell, seed " + seed);
        }
    }

    @Test
    void logRangeIsFilledEvenlyInLogSpace() {
        SearchSpace space = new SearchSpace(Map.of("lr", new Param.FloatParam(1e-4, 1.0, true)));
        Set<Integer> decades = new HashSet<>();
        for (Map<String, Object> p : run(space, 8, 4)) decades.add((int) Math.floor(-Math.log10((Double) p.get("lr"))));
        assertEquals(Set.of(0, 1, 2, 3), decades, "four points, one per decade");
    }
}
