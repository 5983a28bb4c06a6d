package dev.tunelab.api;

import dev.tunelab.core.limits.Limit;
import dev.tunelab.core.study.Violation;
import java.util.List;

/** An error a client caused or can act on; rendered as application/problem+json (RFC 9457). */
public class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public final int status;
    public final String title;
    public final transient List<Violation> errors;

    /** The configured limit the request went past, returned as {@code limit}; null for other problems. */
    public final transient Limit limit;

    /** Seconds after which trying again may succeed, sent as {@code Retry-After}; null when unknown. */
    public final Integer retryAfter;

    public ApiProblem(int status, String title, String detail, List<Violation> errors) {
        this(status, title, detail, errors, null, null);
    }

    public ApiProblem(
            int status, String title, String detail, List<Violation> errors, Limit limit, Integer retryAfter) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(404, "Not found", what, List.of());
    }

    public static ApiProblem invalid(String path, String message) {
        return new ApiProblem(422, "Invalid request", path + ": " + message, List.of(new Violation(path, message)));
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", detail, List.of());
    }
}
