package dev.tunelab.scheduler.search.samplers.tpe;

import java.util.random.RandomGenerator;

/**
 * One dimension's kernels of a Parzen mixture: one kernel per observation, then the prior as the
 * last component. A mixture component is the product of its kernels over the dimensions.
 */
interface Kernels {

    /** Number of components, the prior included. */
    int size();

    /** Adds log K_k(x) to {@code acc[k]} for every component k: the mixture's inner loop. */
    void addLogPdf(double x, double[] acc);

    /** A draw from component k, as an internal coordinate. */
    double sample(int k, RandomGenerator rng);
}
