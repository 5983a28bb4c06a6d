package dev.tunelab.scheduler.search;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.search.PrunerSpec;
import dev.tunelab.core.search.SearchNames;
import dev.tunelab.scheduler.search.pruners.Pruners;
import dev.tunelab.scheduler.search.samplers.Samplers;
import org.junit.jupiter.api.Test;

/** Every name the study parser accepts has an implementation behind it. */
class SearchNamesTest {

    @Test
    void everySamplerNameBuildsASampler() {
        for (String name : SearchNames.SAMPLERS) assertNotNull(Samplers.forStudy(name, 1), name);
    }

    @Test
    void everyPrunerNameButNoneBuildsAPruner() {
        for (String name : SearchNames.PRUNERS) {
            PrunerSpec spec = new PrunerSpec(name, 1, 5, 1, 3);
            assertTrue(Pruners.of(spec, 20).isPresent() != SearchNames.NONE.equals(name), name);
        }
    }
}
