package dev.tunelab.app.hostile;

import java.util.function.Supplier;

/**
 * One hostile request and what it must get: {@link Expect#REFUSED} a 4xx with a problem+json body,
 * {@link Expect#ACCEPTED} a 2xx where the input, odd as it looks, is in fact valid, or {@link
 * Expect#TOO_LONG} a bare 414 from the HTTP server, which refuses a request line past 4 KiB before
 * any of TuneLab's code (and so its problem+json) is reached.
 *
 * @param rebuilt true where the answer depends on the dataset upload code's size and memory limits
 *     and archive reading; such a case fails the test like any other
 */
record HostileCase(String category, String name, Expect expect, boolean rebuilt, Supplier<Answer> send) {
    /** Quarkus's default {@code quarkus.http.limits.max-initial-line-length}. */
    static final int MAX_LINE = 4096;

    enum Expect {
        REFUSED,
        ACCEPTED,
        TOO_LONG
    }

    static HostileCase refused(String category, String name, Supplier<Answer> send) {
        return new HostileCase(category, name, Expect.REFUSED, false, send);
    }

    static HostileCase accepted(String category, String name, Supplier<Answer> send) {
        return new HostileCase(category, name, Expect.ACCEPTED, false, send);
    }

    /** Refused; by the HTTP server itself when the request line is too long for it. */
    static HostileCase refusedAt(String category, String name, String target, Supplier<Answer> send) {
        Expect e = target.length() > MAX_LINE ? Expect.TOO_LONG : Expect.REFUSED;
        return new HostileCase(category, name, e, false, send);
    }

    HostileCase inRebuiltUploads() {
        return new HostileCase(category, name, expect, true, send);
    }

    @Override
    public String toString() {
        return category + ": " + name;
    }
}
