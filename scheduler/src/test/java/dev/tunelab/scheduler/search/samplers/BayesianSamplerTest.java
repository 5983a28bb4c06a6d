package dev.tunelab.scheduler.search.samplers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.search.Sampler;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BayesianSamplerTest extends SamplerContract {
    @Override
    Sampler sampler(long seed) {
        return Samplers.forStudy("bayesian", seed);
    }

    @Test
    void differentSeedsDiffer() {
        assertNotEquals(run(SPACE, 1, 10), run(SPACE, 2, 10));
    }

    @Test
    void spendsItsTrialsNearTheBestLearningRate() {
        // The contract's objective peaks at lr = 10^-3.5; after the Sobol start the model should
        // stay within half a decade of it most of the time.
        List<Map<String, Object>> points = run(CONDITIONAL, 13, 30);
        long near = points.subList(10, 30).stream()
                .filter(p -> Math.abs(Math.log10((Double) p.get("lr")) + 3.5) < 0.5)
                .count();
        assertTrue(near >= 12, near + " of 20 model-based points near the peak");
        assertEquals(30, points.size());
    }
}
