package dev.tunelab.scheduler.samplers;

import dev.tunelab.core.sampling.Sampler;
import dev.tunelab.scheduler.samplers.tpe.TpeSampler;

class TpeSamplerTest extends SamplerContract {
  @Override
  Sampler sampler(long seed) {
    return new TpeSampler(seed);
  }
}
