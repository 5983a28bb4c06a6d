package dev.tunelab.core.data;

import dev.tunelab.core.limits.Limit;

/**
 * An upload refused because it goes past a configured {@link Limit}, found while it was read: the
 * message says how far it went and names the limit, which the API also returns on its own.
 */
public class LimitExceededException extends BadDatasetException {
    private static final long serialVersionUID = 1L;
    private final transient Limit limit;
    private final String what;

    /** @param what what was found, e.g. "the zip archive unpacks to more than 1024 bytes" */
    public LimitExceededException(String field, String what, Limit limit) {
        super(field, what + " " + limit.cite());
        this.limit = limit;
        this.what = what;
    }

    /** What was found, without the limit's name. */
    public String what() {
        return what;
    }

    public Limit limit() {
        return limit;
    }
}
