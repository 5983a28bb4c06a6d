package dev.tunelab.scheduler;

import java.time.Duration;

/**
 * Whether workers' events have been reaching the store without a break, and for how long. A lease
 * that expired while they could not (broker or database away) says nothing about the worker.
 */
final class EventFlow {
    private final java.util.function.LongSupplier clock;
    private volatile long steadySince = -1;

    EventFlow() {
        this(System::nanoTime);
    }

    EventFlow(java.util.function.LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    /** Called after each poll: steady when connected and every event was applied. */
    void observe(boolean steady) {
        if (!steady) steadySince = -1;
        else if (steadySince < 0) steadySince = clock.getAsLong();
    }

    /** True once events have flowed without a break for at least {@code d}. */
    boolean steadyFor(Duration d) {
        long since = steadySince;
        return since >= 0 && clock.getAsLong() - since >= d.toNanos();
    }
}
