package dev.tunelab.api.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstOfTwiceTheRateIsAllowedThenTheRateItself() {
        RateLimiter limiter = new RateLimiter(10);
        UUID token = UUID.randomUUID();
        int allowed = 0;
        for (int i = 0; i < 50; i++) if (limiter.allow(token, 0)) allowed++;
        assertEquals(20, allowed);
        assertFalse(limiter.allow(token, 0));
        // Half a second later, five more.
        int later = 0;
        for (int i = 0; i < 50; i++) if (limiter.allow(token, SECOND / 2)) later++;
        assertEquals(5, later);
    }

    @Test
    void eachTokenHasItsOwnBucket() {
        RateLimiter limiter = new RateLimiter(1);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        assertTrue(limiter.allow(a, 0));
        assertTrue(limiter.allow(a, 0));
        assertFalse(limiter.allow(a, 0));
        assertTrue(limiter.allow(b, 0));
    }

    @Test
    void zeroMeansNoLimit() {
        RateLimiter limiter = new RateLimiter(0);
        UUID a = UUID.randomUUID();
        for (int i = 0; i < 10_000; i++) assertTrue(limiter.allow(a, 0));
    }
}
