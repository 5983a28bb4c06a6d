package dev.tunelab.api.limits;

import dev.tunelab.core.limits.Limit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;

/**
 * Lets at most {@code tunelab.limits.uploads-at-once} uploads be read into memory and profiled at
 * once; the body of each is already on disk (Quarkus writes multipart files to temporary files), so
 * this is what bounds the heap that uploads take. One more is refused at once with 503 and
 * Retry-After rather than queued, so a burst cannot pile up threads holding files.
 */
@ApplicationScoped
public class UploadGate {
    static final int RETRY_AFTER_SECONDS = 5;

    @Inject
    Limits limits;

    private Limit limit;
    private Semaphore permits;

    @PostConstruct
    void init() {
        limit = limits.uploadsAtOnce();
        permits = new Semaphore((int) limit.value());
    }

    /** A permit to read one upload, released by closing it; throws 503 when none is free. */
    public Permit enter() {
        if (!permits.tryAcquire()) throw LimitProblems.busy(limit, RETRY_AFTER_SECONDS);
        return permits::release;
    }

    /** Held while one upload is read and profiled. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
