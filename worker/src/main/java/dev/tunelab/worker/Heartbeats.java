package dev.tunelab.worker;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One timer per worker that beats for each running trial (so the scheduler can tell a live attempt
 * from one whose worker died) and for the worker itself, every {@code tunelab.worker.heartbeat}.
 * Beats run on the timer's own thread, so a trial stuck in one long minibatch still shows as alive;
 * a beat that fails is logged and the next one tries again.
 */
final class Heartbeats implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Heartbeats.class);

    private final Duration every;
    // Two threads: a worker report waiting on a slow API must not hold back the trials' beats.
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "tunelab-worker-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger running = new AtomicInteger();

    Heartbeats(Duration every) {
        if (every.isNegative() || every.isZero())
            throw new IllegalArgumentException("tunelab.worker.heartbeat must be positive, got " + every);
        this.every = every;
    }

    /** A trial's beats, from one interval after now until {@link #close}. */
    interface Trial extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Beats {@code beat} for one trial until the returned handle is closed; the trial counts as busy
     * meanwhile.
     */
    Trial trial(Runnable beat) {
        running.incrementAndGet();
        ScheduledFuture<?> f = schedule(beat, every);
        return new Trial() {
            private boolean closed;

            @Override
            public synchronized void close() {
                if (closed) return;
                closed = true;
                f.cancel(false);
                running.decrementAndGet();
            }
        };
    }

    /** Beats {@code beat} from now on, for the worker itself. */
    void worker(Runnable beat) {
        schedule(beat, Duration.ZERO);
    }

    /** Trials beating now: the worker's busy slots. */
    int running() {
        return running.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private ScheduledFuture<?> schedule(Runnable beat, Duration first) {
        // A periodic task that throws is never run again, so a failed beat must not escape.
        Runnable safe = () -> {
            try {
                beat.run();
            } catch (RuntimeException e) {
                LOG.debug("heartbeat failed", e);
            }
        };
        return timer.scheduleAtFixedRate(safe, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }
}
