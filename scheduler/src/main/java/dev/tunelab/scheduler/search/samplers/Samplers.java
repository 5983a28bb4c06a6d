package dev.tunelab.scheduler.search.samplers;

import dev.tunelab.core.search.Sampler;
import dev.tunelab.core.search.SearchNames;
import dev.tunelab.scheduler.search.samplers.gp.GpSampler;
import dev.tunelab.scheduler.search.samplers.tpe.TpeSampler;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Looks up a sampler by the name a study gives, and the random stream of each trial. */
public final class Samplers {
    private Samplers() {}

    public static Sampler forStudy(String name, long seed) {
        return switch (name) {
            case SearchNames.GRID -> new GridSampler();
            case SearchNames.RANDOM -> new RandomSampler();
            case SearchNames.SOBOL -> new SobolSampler(seed);
            case SearchNames.BAYESIAN -> new GpSampler(seed);
            case SearchNames.TPE -> new TpeSampler(seed);
            default -> throw new IllegalArgumentException("unknown sampler " + name);
        };
    }

    /**
     * The stream for one trial depends only on the study's seed and the trial's number, so the same
     * study suggests the same points whatever the timing of its trials.
     */
    public static RandomGenerator streamFor(long seed, int trialNumber) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + trialNumber);
    }
}
