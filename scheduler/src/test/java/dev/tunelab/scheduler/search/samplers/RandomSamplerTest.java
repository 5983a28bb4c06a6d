package dev.tunelab.scheduler.search.samplers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.search.Sampler;
import dev.tunelab.core.space.Param;
import dev.tunelab.core.space.SearchSpace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RandomSamplerTest extends SamplerContract {
    @Override
    Sampler sampler(long seed) {
        return new RandomSampler();
    }

    @Test
    void differentSeedsDiffer() {
        assertNotEquals(run(SPACE, 1, 10), run(SPACE, 2, 10));
    }

    @Test
    void logRangesAreUniformInLogSpace() {
        SearchSpace space = new SearchSpace(Map.of("lr", new Param.FloatParam(1e-4, 1.0, true)));
        List<Map<String, Object>> points = run(space, 3, 2000);
        long belowOnePercent =
                points.stream().filter(p -> (Double) p.get("lr") < 1e-2).count();
        // Half of the log range lies below 1e-2; a linear draw would put about 1% there.
        assertTrue(belowOnePercent > 900 && belowOnePercent < 1100, "below 1e-2: " + belowOnePercent);
        assertTrue(points.stream().allMatch(p -> (Double) p.get("lr") >= 1e-4 && (Double) p.get("lr") <= 1.0));
    }

    @Test
    void neverExhausted() {
        assertEquals(100, run(SPACE, 5, 100).size());
    }
}
