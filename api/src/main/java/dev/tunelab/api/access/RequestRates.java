package dev.tunelab.api.access;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The request rate each person's token gets ({@code tunelab.limits.requests-per-second}). */
@ApplicationScoped
public class RequestRates {
    private volatile RateLimiter limiter;

    RequestRates(@ConfigProperty(name = "tunelab.limits.requests-per-second", defaultValue = "100") double perSecond) {
        limiter = new RateLimiter(perSecond);
    }

    /** Sets another rate from now on, with every bucket full again. */
    public void perSecond(double perSecond) {
        limiter = new RateLimiter(perSecond);
    }

    RateLimiter limiter() {
        return limiter;
    }
}
