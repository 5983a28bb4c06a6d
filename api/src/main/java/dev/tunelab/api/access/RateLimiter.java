package dev.tunelab.api.access;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per credential: {@code perSecond} requests a second on average, bursts of up to
 * twice that. One runaway script cannot starve everyone else's requests.
 */
public final class RateLimiter {
    private final double perSecond;
    private final double burst;
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double perSecond) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, perSecond * 2);
    }

    /** Whether the credential may make one more request at {@code nanos} (System.nanoTime()). */
    public boolean allow(UUID credential, long nanos) {
        if (perSecond <= 0) return true;
        return buckets.computeIfAbsent(credential, k -> new Bucket(burst, nanos))
                .take(nanos, perSecond, burst);
    }

    public double perSecond() {
        return perSecond;
    }

    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(double tokens, long last) {
            this.tokens = tokens;
            this.last = last;
        }

        synchronized boolean take(long now, double rate, double cap) {
            tokens = Math.min(cap, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens < 1) return false;
            tokens -= 1;
            return true;
        }
    }
}
