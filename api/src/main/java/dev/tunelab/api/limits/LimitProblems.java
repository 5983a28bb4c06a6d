package dev.tunelab.api.limits;

import dev.tunelab.api.ApiProblem;
import dev.tunelab.core.limits.Limit;
import dev.tunelab.core.study.Violation;
import java.util.List;

/** The problems a reached limit is answered with; each names the limit in its detail and as {@code limit}. */
public final class LimitProblems {
    public static final String TOO_LARGE = "Content too large";

    private LimitProblems() {}

    /**
     * 413: what was sent, or what it unpacks to, is larger than the limit allows.
     *
     * @param path the field at fault, e.g. {@code $.file}; null for the whole request
     * @param what what was found, without the limit's name, e.g. "the file is larger than 10 bytes"
     */
    public static ApiProblem tooLarge(String path, String what, Limit limit) {
        String message = what + " " + limit.cite();
        List<Violation> errors = path == null ? List.of() : List.of(new Violation(path, message));
        return new ApiProblem(413, TOO_LARGE, path == null ? message : path + ": " + message, errors, limit, null);
    }

    /** 409: the project already has as many studies going as it may; one must finish first. */
    public static ApiProblem tooManyStudies(long running, Limit limit) {
        return new ApiProblem(
                409,
                "Too many studies running",
                "this project has " + running + " studies that have not finished; at most " + limit.value()
                        + " may run at once " + limit.cite() + "; cancel one or wait for one to finish",
                List.of(),
                limit,
                null);
    }

    /** 503 with Retry-After: the server is busy with other uploads; the same request may succeed soon. */
    public static ApiProblem busy(Limit limit, int retryAfterSeconds) {
        return new ApiProblem(
                503,
                "Service unavailable",
                "the server is reading " + limit.value() + " uploads already " + limit.cite() + "; try again in "
                        + retryAfterSeconds + " s",
                List.of(),
                limit,
                retryAfterSeconds);
    }
}
