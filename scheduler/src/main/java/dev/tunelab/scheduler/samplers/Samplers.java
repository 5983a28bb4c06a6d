package dev.tunelab.scheduler.samplers;

import dev.tunelab.core.sampling.Sampler;
import dev.tunelab.scheduler.samplers.gp.GpSampler;
import dev.tunelab.scheduler.samplers.tpe.TpeSampler;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Looks up a sampler by the name a study gives, and the random stream of each trial. */
public final class Samplers {
  private Samplers() {}

  public static Sampler forStudy(String name, long seed) {
    return switch (name) {
      case "grid" -> new GridSampler();
      case "random" -> new RandomSampler();
      case "sobol" -> new SobolSampler(seed);
      case "bayesian" -> new GpSampler(seed);
      case "tpe" -> new TpeSampler(seed);
      default -> throw new IllegalArgumentException("unknown sampler " + name);
    };
  }

  /**
   * The stream for one trial depends only on the study's seed and the trial's number, so the
   * same study suggests the same points whatever the timing of its trials.
   */
  public static RandomGenerator streamFor(long seed, int trialNumber) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + trialNumber);
  }
}
