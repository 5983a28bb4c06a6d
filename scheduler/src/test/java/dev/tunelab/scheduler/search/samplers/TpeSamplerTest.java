package dev.tunelab.scheduler.search.samplers;

import dev.tunelab.core.search.Sampler;
import dev.tunelab.scheduler.search.samplers.tpe.TpeSampler;

class TpeSamplerTest extends SamplerContract {
    @Override
    Sampler sampler(long seed) {
        return new TpeSampler(seed);
    }
}
